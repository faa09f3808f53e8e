package org.telecube.server.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs a hand-written statement and reads every value, as a client of the database would. */
public final class RawSql {
  private RawSql() {
  }

  public static List<Object[]> rows(Connection connection, String sql) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int i = 1; i <= n; i++) {
          row[i - 1] = rs.getObject(i);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
