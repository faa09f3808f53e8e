package org.telecube.backend.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts a filled shadow table in its table's place, within the caller's transaction. The shadow's
 * indexes (and primary key) were named after the shadow by {@code LIKE … INCLUDING ALL}; they get
 * the old table's names back, so the schema after a publication is the one {@code star.sql}
 * creates and {@code CREATE INDEX IF NOT EXISTS} stays idempotent.
 */
final class ShadowSwap {
  private ShadowSwap() {
  }

  static void swap(Connection pg, String table, String shadow) throws SQLException {
    Map<String, String> oldNames = indexesByDefinition(pg, table);
    Map<String, String> newNames = indexesByDefinition(pg, shadow);
    try (Statement st = pg.createStatement()) {
      st.execute("DROP TABLE " + table);
      st.execute("ALTER TABLE " + shadow + " RENAME TO " + table);
      for (Map.Entry<String, String> index : newNames.entrySet()) {
        String oldName = oldNames.get(index.getKey());
        if (oldName != null && !oldName.equals(index.getValue())) {
          // renaming a primary key's index renames the constraint too
          st.execute("ALTER INDEX " + Identifiers.checked(index.getValue()) + " RENAME TO " + Identifiers.checked(oldName));
        }
      }
    }
  }

  /**
   * Index name by what it indexes: uniqueness and the part of {@code pg_get_indexdef} after
   * {@code USING}, which names neither the index nor the table.
   */
  private static Map<String, String> indexesByDefinition(Connection pg, String table) throws SQLException {
    Map<String, String> byDefinition = new LinkedHashMap<>();
    try (PreparedStatement ps = pg.prepareStatement("SELECT c.relname, i.indisunique, pg_get_indexdef(i.indexrelid)"
        + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        + " WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass"
        + " ORDER BY c.relname")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String definition = rs.getString(3);
          String key = rs.getBoolean(2) + definition.substring(definition.indexOf(" USING "));
          byDefinition.putIfAbsent(key, rs.getString(1));
        }
      }
    }
    return byDefinition;
  }
}
