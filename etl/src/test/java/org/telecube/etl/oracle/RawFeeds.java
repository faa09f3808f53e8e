package org.telecube.etl.oracle;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The oracles' view of the raw feed files: a separate in-memory DuckDB reading the CSVs directly
 * (never through the ETL or the star schema), with the tables every oracle starts from:
 * {@code snap} (snapshot rows), {@code bill} (bill lines with month key and month end),
 * {@code latest} (join and churn dates from each subscriber's latest snapshot) and {@code months}.
 */
public final class RawFeeds {
  private RawFeeds() {
  }

  public static Connection open(Path feeds) throws SQLException {
    Connection oracle = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = oracle.createStatement()) {
      st.execute("CREATE TABLE snap AS SELECT subscriber_id, CAST(as_of AS DATE) AS as_of, city_code, "
          + "CAST(join_date AS DATE) AS join_date, status, CAST(status_date AS DATE) AS status_date "
          + "FROM read_csv('" + feeds + "/subscribers_*.csv', header = true, all_varchar = true)");
      st.execute("CREATE TABLE bill AS SELECT CAST(replace(bill_month, '-', '') AS INTEGER) AS mk, subscriber_id, "
          + "CAST(amount AS DECIMAL(14,2)) AS amount, last_day(CAST(bill_month || '-01' AS DATE)) AS me "
          + "FROM read_csv('" + feeds + "/billing_*.csv', header = true, all_varchar = true)");
      st.execute("CREATE TABLE latest AS SELECT subscriber_id, join_date, "
          + "CASE WHEN status = 'churned' THEN status_date END AS churn_date FROM snap "
          + "QUALIFY row_number() OVER (PARTITION BY subscriber_id ORDER BY as_of DESC) = 1");
      st.execute("CREATE TABLE months AS SELECT CAST(d AS DATE) AS s, last_day(CAST(d AS DATE)) AS e, "
          + "CAST(year(d) * 100 + month(d) AS INTEGER) AS mk FROM range("
          + "(SELECT CAST(date_trunc('month', min(as_of)) AS TIMESTAMP) FROM snap), "
          + "(SELECT CAST(max(as_of) AS TIMESTAMP) FROM snap), INTERVAL 1 MONTH) t(d)");
    } catch (SQLException e) {
      oracle.close();
      throw e;
    }
    return oracle;
  }
}
