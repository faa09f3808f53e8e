package org.telecube.server.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.telecube.warehouse.Warehouse;

/**
 * The indexes a DBA would add for the bench's questions on PostgreSQL, beyond the star's own (each
 * fact's month_key, the subscriber's history): the region foreign key with the month on every fact
 * the questions filter or group by region. Created only in the bench's own schema.
 */
public final class PostgresIndexes {
  /** The statements, as the report names them. */
  public static final List<String> STATEMENTS = List.of(
      "CREATE INDEX IF NOT EXISTS bench_fact_billing_city_month ON fact_billing (city_code, month_key)",
      "CREATE INDEX IF NOT EXISTS bench_fact_subscriber_month_city_month ON fact_subscriber_month (city_code, month_key)",
      "CREATE INDEX IF NOT EXISTS bench_fact_usage_city_month ON fact_usage (city_code, month_key)",
      "ANALYZE");

  private PostgresIndexes() {
  }

  /** The definitions of the bench's indexes the warehouse's schema holds, by name. */
  public static List<String> present(Warehouse warehouse) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()"
             + " AND indexname LIKE 'bench\\_%' ORDER BY indexname")) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  public static void create(Warehouse warehouse) throws SQLException {
    try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      for (String sql : STATEMENTS) {
        st.execute(sql);
      }
    }
  }
}
