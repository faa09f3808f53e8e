package org.telecube.backend.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.schema.AggregateTables;
import org.telecube.warehouse.schema.EnumerationTables;
import org.telecube.warehouse.schema.SqlScript;

/**
 * Creates the star's tables in PostgreSQL ({@code star.sql}) and writes the model's enumeration
 * tables, as the DuckDB work area's {@code StarSchema} does: idempotent, in one transaction.
 */
final class PostgresStar {
  static final SqlScript TABLES = SqlScript.load(PostgresStar.class, "/org/telecube/backend/postgres/star.sql");
  /** Two servers opening an empty database at once would race on CREATE TABLE IF NOT EXISTS. */
  private static final long PREPARE_LOCK = 0x7e1ecbe_0001L;

  private PostgresStar() {
  }

  static void prepare(Connection connection, CubeModel model) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (Statement st = connection.createStatement()) {
        st.execute("SELECT pg_advisory_xact_lock(" + PREPARE_LOCK + ")");
      }
      TABLES.run(connection);
      addFirstLine(connection);
      EnumerationTables.write(connection, model);
      // shaped like the work area's; their rows arrive by publication like the facts'. One missing
      // beside facts already published (a warehouse from before it was declared) is built here.
      AggregateTables.create(connection, model);
      AggregateTables.buildMissing(connection, model);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * fact_billing.first_line on a warehouse published before the column existed: 1 on each
   * subscriber-month's line with the smallest charge item, as the load sets it.
   */
  private static void addFirstLine(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.columns WHERE table_name = 'fact_billing'"
          + " AND column_name = 'first_line' AND table_schema = current_schema()")) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return;
        }
      }
      st.execute("ALTER TABLE fact_billing ADD COLUMN first_line INTEGER DEFAULT 0");
      st.execute("UPDATE fact_billing f SET first_line = 1 FROM (SELECT DISTINCT ON (month_key, subscriber_id) ctid AS line"
          + " FROM fact_billing ORDER BY month_key, subscriber_id, charge_item) firsts WHERE f.ctid = firsts.line");
    }
  }
}
