package org.telecube.etl.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.telecube.etl.WarehouseRows;
import org.telecube.warehouse.Warehouse;

/**
 * Writes tiny hand-made feed files to a directory, and reads the warehouse back for assertions.
 *
 * <p>The hand-made set ({@link #handMade}): four subscribers over three monthly snapshots
 * (2025-01-31, 2025-02-28, 2025-03-31) with billing for 2025-01..03:
 * <ul>
 *   <li>S1 joined 2020-05-10 in Guangzhou (440100), moves to Shenzhen (440300) in the 2025-03-31
 *       snapshot: two versions.</li>
 *   <li>S2 joins 2025-02-10 in Beijing (first seen in the February snapshot).</li>
 *   <li>S3 joined 2024-12-20, churned 2025-03-15 to a competitor (March snapshot).</li>
 *   <li>S4 joined 2023-01-01, suspended from 2025-02-20 (still active).</li>
 * </ul>
 */
final class FeedFixtures {
  static final String SUBSCRIBER_HEADER = "as_of,subscriber_id,customer_id,msisdn,customer_type,gender,"
      + "birth_year,city_code,org_code,channel,plan_code,network_type,payment_type,vip_level,contract_type,"
      + "contract_end,join_date,status,status_date,churn_reason,deposit";
  static final String BILLING_HEADER = "bill_month,subscriber_id,plan_code,charge_item,amount,paid_amount,"
      + "due_date,paid_date";
  static final String USAGE_HEADER = "usage_date,subscriber_id,service,call_type,peer_network,events,"
      + "duration_sec,volume_kb";
  static final String EVENT_HEADER = "event_time,subscriber_id,event_type,severity,channel,duration_sec";

  private final Path dir;

  FeedFixtures(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** Writes {@code name} (gzip when it ends in .gz) with the given lines, UTF-8, LF. */
  Path write(String name, String... lines) {
    return write(name, List.of(lines));
  }

  Path write(String name, List<String> lines) {
    Path file = dir.resolve(name);
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(dir);
      if (name.endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write(bytes);
        }
      } else {
        Files.write(file, bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  // ---- the hand-made set ------------------------------------------------------------------------

  static String s1(String asOf, String city) {
    return asOf + ",S1,C1,13800000001,individual,m,1990," + city + ",C" + city
        + ",store,M5G99,5g,postpaid,none,none,,2020-05-10,active,2020-05-10,,100.00";
  }

  static String s2(String asOf) {
    return asOf + ",S2,C2,13800000002,family,f,,110100,C110100,online,M4G58,4g,prepaid,standard,1y,"
        + "2026-02-09,2025-02-10,active,2025-02-10,,";
  }

  static String s3(String asOf, boolean churned) {
    return asOf + ",S3,C3,,group,,1960,440100,C440100,agent,BB300,ftth,postpaid,key,2y,2026-12-19,2024-12-20,"
        + (churned ? "churned,2025-03-15,competitor" : "active,2024-12-20,") + ",";
  }

  static String s4(String asOf, boolean suspended) {
    return asOf + ",S4,C4,13800000004,individual,u,2004,440300,C440300,hotline,M4G58,4g,prepaid,none,none,,"
        + "2023-01-01," + (suspended ? "suspended,2025-02-20" : "active,2023-01-01") + ",,";
  }

  /** Revenue per subscriber and month of {@link #handMade}, for assertions. */
  static final String[][] REVENUE = {
      // month, subscriber, revenue
      {"202501", "S1", "109.00"}, {"202502", "S1", "99.00"}, {"202503", "S1", "89.50"},
      {"202502", "S2", "58.00"}, {"202503", "S2", "63.20"},
      {"202501", "S3", "80.00"}, {"202502", "S3", "80.00"}, {"202503", "S3", "40.00"},
      {"202501", "S4", "58.00"},
  };

  /** Writes the hand-made set; returns the files (subscribers, billing, usage, events). */
  List<Path> handMade() {
    List<Path> files = new ArrayList<>();
    files.add(write("subscribers_2025-01-31.csv", SUBSCRIBER_HEADER,
        s1("2025-01-31", "440100"), s3("2025-01-31", false), s4("2025-01-31", false)));
    files.add(write("subscribers_2025-02-28.csv", SUBSCRIBER_HEADER,
        s1("2025-02-28", "440100"), s2("2025-02-28"), s3("2025-02-28", false), s4("2025-02-28", true)));
    files.add(write("subscribers_2025-03-31.csv.gz", SUBSCRIBER_HEADER,
        s1("2025-03-31", "440300"), s2("2025-03-31"), s3("2025-03-31", true), s4("2025-03-31", true)));
    files.add(write("billing_2025-01.csv", BILLING_HEADER,
        "2025-01,S1,M5G99,monthly_fee,99.00,99.00,2025-02-15,2025-02-10",
        "2025-01,S1,M5G99,data,10,10.00,2025-02-15,2025-02-10",
        "2025-01,S3,BB300,monthly_fee,80.00,80.00,2025-02-15,2025-02-01",
        "2025-01,S4,M4G58,monthly_fee,58.00,0.00,2025-02-15,"));
    files.add(write("billing_2025-02.csv", BILLING_HEADER,
        "2025-02,S1,M5G99,monthly_fee,99.00,99.00,2025-03-15,2025-03-10",
        "2025-02,S2,M4G58,monthly_fee,58.00,58.00,2025-03-15,2025-03-01",
        "2025-02,S3,BB300,monthly_fee,80.00,80.00,2025-03-15,2025-03-02"));
    files.add(write("billing_2025-03.csv.gz", BILLING_HEADER,
        "2025-03,S1,M5G99,monthly_fee,99.00,99.00,2025-04-15,2025-04-10",
        "2025-03,S1,M5G99,discount,-9.50,-0.00,2025-04-15,2025-04-10",
        "2025-03,S2,M4G58,monthly_fee,58.00,58.00,2025-04-15,",
        "2025-03,S2,M4G58,sms,5.2,0,2025-04-15,",
        "2025-03,S3,BB300,monthly_fee,40.00,40.00,2025-04-15,2025-04-01"));
    files.add(write("usage_2025-03.csv", USAGE_HEADER,
        "2025-02-27,S1,data,none,none,12,0,204800",
        "2025-03-30,S1,voice,local,own,3,420,0",
        "2025-03-31,S1,voice,local,own,2,60,0",
        "2025-03-01,S2,sms,none,other,4,0,0"));
    files.add(write("service_events_2025-03.csv", EVENT_HEADER,
        "2025-03-10 09:15:00,S3,port_out_inquiry,normal,hotline,300",
        "2025-03-31 23:59:59,S1,complaint,serious,store,",
        "2025-02-01 00:00:00,S1,inquiry,low,online,60"));
    return files;
  }

  // ---- reading back -----------------------------------------------------------------------------

  static List<List<String>> rows(Warehouse w, String sql) {
    return WarehouseRows.rows(w, sql);
  }

  static String single(Warehouse w, String sql) {
    return WarehouseRows.single(w, sql);
  }

  static final List<String> TABLES = List.of("stg_subscriber", "stg_billing", "stg_usage", "stg_service_event",
      "dim_subscriber", "fact_billing", "fact_subscriber_month", "fact_usage", "fact_service_event",
      "ref_region", "ref_org_unit", "ref_product", "dim_region", "dim_org", "dim_product",
      "etl_batch", "etl_file", "etl_reject");

  /** Count and an order-independent hash of every row of {@code table}. */
  static String fingerprint(Warehouse w, String table) {
    return single(w, "SELECT count(*) || ':' || coalesce(sum(hash(t)::HUGEINT), 0) FROM " + table + " t");
  }

  /** Fingerprints of the data tables, ETL bookkeeping excluded unless {@code withBookkeeping}. */
  static List<String> fingerprints(Warehouse w, boolean withBookkeeping) {
    return TABLES.stream()
        .filter(t -> withBookkeeping || !t.startsWith("etl_"))
        .map(t -> t + "=" + fingerprint(w, t)).toList();
  }

  /** Fingerprints of the data tables without batch ids (stg_* carry the loading batch). */
  static List<String> contentFingerprints(Warehouse w) {
    return TABLES.stream().filter(t -> !t.startsWith("etl_"))
        .map(t -> t + "=" + single(w, "SELECT count(*) || ':' || coalesce(sum(hash(t)::HUGEINT), 0) FROM ("
            + (t.startsWith("stg_") ? "SELECT * EXCLUDE (batch_id) FROM " + t : "SELECT * FROM " + t) + ") t"))
        .toList();
  }
}
