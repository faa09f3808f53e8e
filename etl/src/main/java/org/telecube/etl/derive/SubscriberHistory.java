package org.telecube.etl.derive;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * dim_subscriber, type 2, rebuilt from stg_subscriber: each subscriber's snapshots in as_of
 * order; a version starts at the first snapshot and at every snapshot whose tracked attributes
 * differ from the previous snapshot's. Version 1 is valid from 1900-01-01, later versions from
 * their snapshot's as_of; each version ends the day before the next starts, the last on
 * 9999-12-31. Attributes (and the untracked deposit) come from the version's first snapshot.
 *
 * <p>Rebuilt in full, or ({@link #rebuildChanged}) for the subscribers of {@link #CHANGED} only,
 * noting in {@link #SCOPE} from which month each one's derived facts can differ.
 */
public final class SubscriberHistory {
  /** Attributes whose change starts a new version. */
  public static final String TRACKED = "customer_id, msisdn, customer_type, gender, birth_year, city_code,"
      + " org_code, channel, plan_code, network_type, payment_type, vip_level, contract_type,"
      + " contract_end, join_date, status, status_date, churn_reason";

  /**
   * Temp table (subscriber_id) of the subscribers whose snapshot rows a batch added or changed;
   * filled by the merge of the subscriber feed, dropped by {@link #dropTemp}.
   */
  public static final String CHANGED = "derive_subscriber_changed";

  /**
   * Temp table (subscriber_id, from_month) of the subscribers whose derived facts can differ,
   * from month from_month on; written by {@link #rebuildChanged}.
   */
  public static final String SCOPE = "derive_subscriber_scope";

  private static final String OLD = "derive_subscriber_old";

  private static final String CHURN_DATE = "CASE WHEN %1$s.status = 'churned' THEN %1$s.status_date END";

  private SubscriberHistory() {
  }

  public static void rebuild(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DELETE FROM dim_subscriber");
      st.execute(insert(""));
    }
  }

  /**
   * Rebuilds the history of the subscribers in {@link #CHANGED} and writes {@link #SCOPE}: for
   * each whose facts can change, the first month they can change in. That is the month of the
   * earliest date on which the version in force differs (a new subscriber: all months), or of
   * the earliest join or churn date that the latest snapshot changed (fact_subscriber_month
   * reads those from it; months before both the old and the new date are unaffected).
   *
   * @return the number of subscribers in {@link #SCOPE}
   */
  public static long rebuildChanged(Connection connection) throws SQLException {
    String changed = "subscriber_id IN (SELECT subscriber_id FROM " + CHANGED + ")";
    String compared = TRACKED + ", deposit";
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE " + OLD + " AS SELECT * FROM dim_subscriber WHERE " + changed);
      st.execute("DELETE FROM dim_subscriber WHERE " + changed);
      st.execute(insert(" WHERE " + changed));
      st.execute("""
          CREATE OR REPLACE TEMP TABLE %1$s AS
          WITH bounds AS (
            SELECT subscriber_id, valid_from AS d FROM %2$s
            UNION
            SELECT subscriber_id, valid_from FROM dim_subscriber WHERE %3$s
          ), versions AS (
            SELECT b.subscriber_id, min(b.d) AS d
            FROM bounds b
            LEFT JOIN %2$s o ON o.subscriber_id = b.subscriber_id AND b.d BETWEEN o.valid_from AND o.valid_to
            LEFT JOIN dim_subscriber n ON n.subscriber_id = b.subscriber_id AND b.d BETWEEN n.valid_from AND n.valid_to
            WHERE ROW(%4$s) IS DISTINCT FROM ROW(%5$s)
            GROUP BY b.subscriber_id
          ), latest AS (
            SELECT n.subscriber_id,
                   least(CASE WHEN o.join_date IS DISTINCT FROM n.join_date THEN least(o.join_date, n.join_date) END,
                         CASE WHEN %6$s IS DISTINCT FROM %7$s OR o.churn_reason IS DISTINCT FROM n.churn_reason
                              THEN least(%6$s, %7$s) END) AS d
            FROM dim_subscriber n
            LEFT JOIN %2$s o ON o.subscriber_id = n.subscriber_id AND o.is_current
            WHERE n.is_current AND n.%3$s
          )
          SELECT subscriber_id, CAST(year(min(d)) * 100 + month(min(d)) AS INTEGER) AS from_month
          FROM (SELECT * FROM versions UNION ALL SELECT * FROM latest WHERE d IS NOT NULL)
          GROUP BY subscriber_id
          """.formatted(SCOPE, OLD, changed, prefixed("o", compared), prefixed("n", compared),
          CHURN_DATE.formatted("o"), CHURN_DATE.formatted("n")));
      st.execute("DROP TABLE " + OLD);
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + SCOPE)) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Drops the temp tables of an incremental rebuild (at the end of a batch's derivation). */
  public static void dropTemp(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DROP TABLE IF EXISTS temp.main." + CHANGED);
      st.execute("DROP TABLE IF EXISTS temp.main." + SCOPE);
    }
  }

  private static String prefixed(String alias, String columns) {
    return alias + "." + columns.replace(", ", ", " + alias + ".");
  }

  private static String insert(String where) {
    return """
        INSERT INTO dim_subscriber (subscriber_id, version, valid_from, valid_to, is_current,
          %1$s, deposit)
        WITH marked AS (
          SELECT *,
                 lag(ROW(%1$s)) OVER (PARTITION BY subscriber_id ORDER BY as_of)
                   IS DISTINCT FROM ROW(%1$s) AS starts_version
          FROM stg_subscriber%2$s
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
        """.formatted(TRACKED, where);
  }
}
