package org.telecube.backend.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.Enumeration;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Member;
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
      writeEnumerations(connection, model);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The same tables and rows as the work area's (StarSchema.writeEnumerations): they come from the model. */
  private static void writeEnumerations(Connection connection, CubeModel model) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (Enumeration e : model.enumerations()) {
        String table = Identifiers.checked(e.table());
        st.execute("CREATE TABLE IF NOT EXISTS " + table
            + " (code varchar PRIMARY KEY, name_zh varchar NOT NULL, name_en varchar NOT NULL,"
            + " sort_order integer NOT NULL)");
        st.execute("DELETE FROM " + table);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
          int order = 0;
          for (Member m : e.members()) {
            ps.setString(1, m.code());
            ps.setString(2, m.caption().in(Language.ZH_CN));
            ps.setString(3, m.caption().in(Language.EN));
            ps.setInt(4, order++);
            ps.addBatch();
          }
          ps.executeBatch();
        }
      }
    }
  }
}
