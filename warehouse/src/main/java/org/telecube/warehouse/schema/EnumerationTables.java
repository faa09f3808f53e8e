package org.telecube.warehouse.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.Enumeration;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Member;

/**
 * The model's enumeration lookup tables (code, captions, order), written from the model on every
 * backend when it opens: they come from the model, never from a load. Plain SQL every backend
 * with tables reads.
 */
public final class EnumerationTables {
  private EnumerationTables() {
  }

  /** Creates each enumeration's table if missing and replaces its rows, on {@code connection}'s transaction. */
  public static void write(Connection connection, CubeModel model) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (Enumeration e : model.enumerations()) {
        String table = e.table();
        if (!table.matches("[a-z_][a-z0-9_]*")) {
          throw new IllegalArgumentException("enumeration table name " + table + " is not a plain identifier");
        }
        st.execute("CREATE TABLE IF NOT EXISTS " + table
            + " (code VARCHAR PRIMARY KEY, name_zh VARCHAR NOT NULL, name_en VARCHAR NOT NULL,"
            + " sort_order INTEGER NOT NULL)");
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
