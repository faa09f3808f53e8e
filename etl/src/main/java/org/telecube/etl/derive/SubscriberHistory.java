package org.telecube.etl.derive;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * dim_subscriber, type 2, rebuilt from stg_subscriber: each subscriber's snapshots in as_of
 * order; a version starts at the first snapshot and at every snapshot whose tracked attributes
 * differ from the previous snapshot's. Version 1 is valid from 1900-01-01, later versions from
 * their snapshot's as_of; each version ends the day before the next starts, the last on
 * 9999-12-31. Attributes (and the untracked deposit) come from the version's first snapshot.
 */
public final class SubscriberHistory {
  /** Attributes whose change starts a new version. */
  public static final String TRACKED = "customer_id, msisdn, customer_type, gender, birth_year, city_code,"
      + " org_code, channel, plan_code, network_type, payment_type, vip_level, contract_type,"
      + " contract_end, join_date, status, status_date, churn_reason";

  private SubscriberHistory() {
  }

  public static void rebuild(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DELETE FROM dim_subscriber");
      st.execute("""
          INSERT INTO dim_subscriber (subscriber_id, version, valid_from, valid_to, is_current,
            %1$s, deposit)
          WITH marked AS (
            SELECT *,
                   lag(ROW(%1$s)) OVER (PARTITION BY subscriber_id ORDER BY as_of)
                     IS DISTINCT FROM ROW(%1$s) AS starts_version
            FROM stg_subscriber
          ), versions AS (
            SELECT *,
                   row_number() OVER (PARTITION BY subscriber_id ORDER BY as_of) AS version,
                   lead(as_of) OVER (PARTITION BY subscriber_id ORDER BY as_of) AS next_from
            FROM marked
            WHERE starts_version
          )
          SELECT subscriber_id, version,
                 CASE WHEN version = 1 THEN DATE '1900-01-01' ELSE as_of END,
                 coalesce(next_from - 1, DATE '9999-12-31'),
                 next_from IS NULL,
                 %1$s, deposit
          FROM versions
          """.formatted(TRACKED));
    }
  }
}
