package org.telecube.backend.postgres;

import java.sql.Connection;
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
      EnumerationTables.write(connection, model);
      // empty, shaped like the work area's; their rows arrive by publication like the facts'
      AggregateTables.create(connection, model);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }
}
