package org.telecube.warehouse.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.schema.AggregateTables;

/**
 * A tiny star over every cube: Guangdong (Guangzhou 440100, Shenzhen 440300) and Beijing
 * (110100), 2024-12 .. 2025-04, with subscriber months carrying the churn analysis columns and
 * subscriber versions, so the lists have rows too.
 */
final class SmallStar {
  private SmallStar() {
  }

  static void fill(Warehouse warehouse) throws SQLException {
    try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      // Guangzhou (440100), Shenzhen (440300), Beijing (110100); 2024-12 .. 2025-04
      st.execute("INSERT INTO fact_billing (month_key, subscriber_id, charge_item, plan_code, amount, paid_amount, outstanding, city_code) VALUES "
          + "(202412,'a','monthly_fee','M5G129',100,100,0,'440100'),"
          + "(202501,'a','monthly_fee','M5G129',100,100,0,'440100'),(202501,'a','voice','M5G129',20,0,20,'440100'),"
          + "(202501,'b','monthly_fee','M4G58',50,50,0,'440300'),(202501,'c','monthly_fee','M4G58',70,70,0,'110100'),"
          + "(202502,'a','monthly_fee','M5G129',100,100,0,'440100'),(202502,'c','monthly_fee','M4G58',60,60,0,'110100'),"
          + "(202504,'a','monthly_fee','M5G129',130,130,0,'440100'),(202504,'c','monthly_fee','M4G58',10,10,0,'110100')");
      // first_line as the ETL sets it: 1 on each subscriber-month's first charge item
      st.execute("UPDATE fact_billing SET first_line = CASE WHEN charge_item = (SELECT min(g.charge_item) FROM fact_billing g"
          + " WHERE g.month_key = fact_billing.month_key AND g.subscriber_id = fact_billing.subscriber_id) THEN 1 ELSE 0 END");
      st.execute("INSERT INTO fact_subscriber_month (month_key, subscriber_id, active_start, active_end, is_new, is_churned,"
          + " tenure_months, revenue, billed, city_code, value_segment, value_score, value_tier, signals, warning_score,"
          + " warning_type, at_risk, churn_reason) VALUES "
          + "(202501,'a',1,1,0,0,10,120,1,'440100','value',80,'top5',NULL,0.1,'none',0,NULL),"
          + "(202501,'b',1,1,0,0,3,50,1,'440300','potential',40,'rest','bill_drop',0.3,'care',0,NULL),"
          + "(202501,'e',1,1,0,0,7,90,1,'110100','value',70,'next15',NULL,0.1,'none',0,NULL),"
          + "(202502,'a',1,1,0,0,11,100,1,'440100','value',80,'top5','arrears',0.5,'care',1,NULL),"
          + "(202502,'b',1,1,0,0,4,40,1,'440300','low',20,'rest','keep_number',0.6,'marketing',1,NULL),"
          + "(202502,'c',0,1,1,0,0,60,1,'110100','secondary',50,'next15','arrears',0.9,'care',1,NULL),"
          + "(202502,'e',1,1,0,0,8,80,1,'110100','value',70,'next15','keep_number',0.7,'marketing',1,NULL),"
          + "(202503,'a',1,1,0,0,12,0,0,'440100','value',80,'top5','arrears',0.5,'care',1,NULL),"
          + "(202503,'d',1,1,0,0,5,30,1,'440300','secondary',90,'next15','bill_drop',0.4,'care',1,NULL),"
          + "(202503,'b',1,0,0,1,5,0,0,'440300','low',10,'rest',NULL,NULL,'none',0,'competitor'),"
          + "(202503,'c',1,1,0,0,1,0,0,'110100','secondary',50,'next15','arrears',0.9,'care',1,NULL),"
          + "(202503,'e',1,0,0,1,9,0,0,'110100','value',70,'next15',NULL,NULL,'none',0,'price')");
      st.execute("INSERT INTO dim_subscriber (subscriber_id, version, valid_from, valid_to, is_current, msisdn, city_code,"
          + " status, status_date) VALUES "
          + "('a',1,DATE '2020-01-01',DATE '9999-12-31',true,'13800000001','440100','active',DATE '2020-01-01'),"
          + "('b',1,DATE '2020-01-01',DATE '2025-03-09',false,'13800000002','440300','active',DATE '2020-01-01'),"
          + "('b',2,DATE '2025-03-10',DATE '9999-12-31',true,'13800000002','440300','churned',DATE '2025-03-10'),"
          + "('c',1,DATE '2025-02-01',DATE '9999-12-31',true,'13800000003','110100','active',DATE '2025-02-01'),"
          + "('d',1,DATE '2020-01-01',DATE '9999-12-31',true,'13800000004','440300','active',DATE '2020-01-01'),"
          + "('e',1,DATE '2020-01-01',DATE '2025-03-19',false,'13800000005','110100','active',DATE '2020-01-01'),"
          + "('e',2,DATE '2025-03-20',DATE '9999-12-31',true,'13800000005','110100','churned',DATE '2025-03-20')");
      st.execute("INSERT INTO fact_usage (date_key, month_key, subscriber_id, service, call_type, peer_network, events, duration_sec, volume_kb, city_code) VALUES "
          + "(DATE '2025-03-05',202503,'a','voice','local','own',3,600,0,'440100'),(DATE '2025-03-06',202503,'c','voice','local','own',1,1200,0,'110100'),"
          + "(DATE '2025-03-07',202503,'d','voice','local','own',2,300,0,'440300')");
      // as a load would: the aggregate tables follow the facts
      AggregateTables.refreshAll(c, warehouse.model());
    }
  }
}
