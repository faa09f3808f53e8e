package org.telecube.etl.contract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.telecube.etl.oracle.RawFeeds;

/**
 * The contract's oracle: {@link RawFeeds} (a separate in-memory DuckDB over the raw CSV files) plus
 * the reference geography and products, and the tables the contract's hand-written SQL starts from.
 * Nothing here reads the star schema or asks the engine.
 *
 * <p>Row keys are built in SQL as the cube names its members, joined by {@code '|'}
 * ({@code month_code}, {@code quarter_code}, {@code year_code} macros for time).
 */
final class RawOracle implements AutoCloseable {
  private static final String REFERENCE = "/org/telecube/warehouse/reference/";

  private final Connection db;

  private RawOracle(Connection db) {
    this.db = db;
  }

  static RawOracle open(Path feeds, Path scratch) throws SQLException, IOException {
    Path regions = copy("regions.csv", scratch);
    Path products = copy("products.csv", scratch);
    Connection db = RawFeeds.open(feeds);
    try (Statement st = db.createStatement()) {
      st.execute("CREATE TABLE regions AS SELECT * FROM read_csv('" + regions + "', header = true, "
          + "all_varchar = true)");
      st.execute("CREATE TABLE products AS SELECT * FROM read_csv('" + products + "', header = true, "
          + "all_varchar = true)");
      st.execute("CREATE TABLE geo AS SELECT c.code AS city, p.code AS province, p.macro_region "
          + "FROM regions c JOIN regions p ON c.parent_code = p.code WHERE c.level = 'city'");
      // every bill line, with the plan's family and the city the subscriber had at the month's end
      // (latest snapshot by then), as fact_billing files it
      st.execute("CREATE TABLE bill_all AS SELECT CAST(replace(bill_month, '-', '') AS INTEGER) AS mk, subscriber_id, "
          + "plan_code, charge_item, CAST(amount AS DECIMAL(14,2)) AS amount, "
          + "CAST(paid_amount AS DECIMAL(14,2)) AS paid_amount, last_day(CAST(bill_month || '-01' AS DATE)) AS me "
          + "FROM read_csv('" + feeds + "/billing_*.csv', header = true, all_varchar = true)");
      st.execute("CREATE TABLE bill_geo AS SELECT b.*, p.family, g.* FROM bill_all b "
          + "ASOF LEFT JOIN snap s ON b.subscriber_id = s.subscriber_id AND b.me >= s.as_of "
          + "LEFT JOIN geo g ON g.city = s.city_code LEFT JOIN products p ON p.plan_code = b.plan_code");
      st.execute("CREATE TABLE sub_month AS SELECT m.mk, l.subscriber_id, m.e, "
          + "CAST(l.join_date <= m.s AND (l.churn_date IS NULL OR l.churn_date > m.s) AS INTEGER) AS active_start, "
          + "CAST(l.join_date <= m.e AND (l.churn_date IS NULL OR l.churn_date > m.e) AS INTEGER) AS active_end, "
          + "CAST(l.join_date BETWEEN m.s AND m.e AS INTEGER) AS is_new, "
          + "CAST(coalesce(l.churn_date BETWEEN m.s AND m.e, false) AS INTEGER) AS churned "
          + "FROM months m JOIN latest l ON l.join_date <= m.e AND (l.churn_date IS NULL OR l.churn_date >= m.s)");
      st.execute("CREATE TABLE sub_month_geo AS SELECT sm.*, g.* FROM sub_month sm "
          + "ASOF LEFT JOIN snap s ON sm.subscriber_id = s.subscriber_id AND sm.e >= s.as_of "
          + "LEFT JOIN geo g ON g.city = s.city_code");
      st.execute("CREATE TABLE usage AS SELECT CAST(usage_date AS DATE) AS usage_date, "
          + "CAST(year(CAST(usage_date AS DATE)) * 100 + month(CAST(usage_date AS DATE)) AS INTEGER) AS mk, "
          + "subscriber_id, service, CAST(events AS BIGINT) AS events, CAST(duration_sec AS BIGINT) AS duration_sec, "
          + "CAST(volume_kb AS BIGINT) AS volume_kb "
          + "FROM read_csv('" + feeds + "/usage_*.csv', header = true, all_varchar = true)");
      st.execute("CREATE TABLE service_events AS SELECT CAST(event_time AS TIMESTAMP) AS event_time, "
          + "CAST(year(CAST(event_time AS DATE)) * 100 + month(CAST(event_time AS DATE)) AS INTEGER) AS mk, "
          + "subscriber_id, event_type, severity "
          + "FROM read_csv('" + feeds + "/service_events_*.csv', header = true, all_varchar = true)");
      st.execute("CREATE MACRO month_code(mk) AS printf('%d-%02d', mk // 100, mk % 100)");
      st.execute("CREATE MACRO quarter_code(mk) AS printf('%d-Q%d', mk // 100, ((mk % 100) - 1) // 3 + 1)");
      st.execute("CREATE MACRO year_code(mk) AS CAST(mk // 100 AS VARCHAR)");
      st.execute("CREATE MACRO prev_mk(mk) AS CASE WHEN mk % 100 = 1 THEN mk - 89 ELSE mk - 1 END");
    } catch (SQLException e) {
      db.close();
      throw e;
    }
    return new RawOracle(db);
  }

  private static Path copy(String name, Path scratch) throws IOException {
    Path target = scratch.resolve(name);
    try (InputStream in = RawOracle.class.getResourceAsStream(REFERENCE + name)) {
      Files.copy(in, target);
    }
    return target;
  }

  /** Column 1 as the row key, column 2 as the value (exact types kept: BigDecimal, Long, Double). */
  Map<String, Object> rows(String sql) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getObject(2));
      }
    }
    return out;
  }

  /** Column 1 of every row, in the query's order. */
  List<String> keys(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** The single value of a one-row, one-column query. */
  Object value(String sql) throws SQLException {
    try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getObject(1);
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
