package org.telecube.etl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.telecube.warehouse.Warehouse;

/** Reads a warehouse back in tests: rows as strings, single values, statements. */
public final class WarehouseRows {
  private WarehouseRows() {
  }

  public static List<List<String>> rows(Warehouse w, String sql) {
    try (Connection c = w.backend().dataSource().getConnection();
         Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      List<List<String>> out = new ArrayList<>();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        out.add(row);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static String single(Warehouse w, String sql) {
    List<List<String>> rows = rows(w, sql);
    return rows.isEmpty() ? null : rows.get(0).get(0);
  }

  public static void execute(Warehouse w, String sql) {
    try (Connection c = w.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
