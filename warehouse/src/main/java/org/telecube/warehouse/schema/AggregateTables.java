package org.telecube.warehouse.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.telecube.warehouse.model.AggregateTable;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Measure;

/**
 * The model's aggregate tables ({@link AggregateTable}) in plain SQL that DuckDB and PostgreSQL
 * both run: created from their fact's own columns (so the types are the fact's), and refreshed
 * from the fact for given months or whole. Integer sums are kept as BIGINT and decimal sums at
 * the fact column's scale, so reading them back sums to what the fact would.
 */
public final class AggregateTables {
  private AggregateTables() {
  }

  /** An aggregate with the cube it belongs to. */
  public record Declared(Cube cube, AggregateTable aggregate) {
    public String table() {
      return aggregate.table();
    }
  }

  /** Every aggregate the model declares, cube by cube. */
  public static List<Declared> all(CubeModel model) {
    List<Declared> out = new ArrayList<>();
    model.cubes().forEach(c -> c.aggregates().forEach(a -> out.add(new Declared(c, a))));
    return out;
  }

  /** The aggregates built from {@code factTable}. */
  public static List<Declared> of(CubeModel model, String factTable) {
    return all(model).stream().filter(d -> d.cube().factTable().equals(factTable)).toList();
  }

  /**
   * Creates every missing aggregate table (empty), and re-creates one whose columns no longer match
   * its declaration (a dimension added to it), on {@code connection}'s transaction.
   */
  public static void create(Connection connection, CubeModel model) throws SQLException {
    for (Declared d : all(model)) {
      Map<String, String> columns = columns(connection, d.cube(), d.aggregate());
      Set<String> existing = existingColumns(connection, d.table());
      try (Statement st = connection.createStatement()) {
        if (existing != null && !existing.equals(columns.keySet())) {
          st.execute("DROP TABLE " + d.table());
          existing = null;
        }
        if (existing == null) {
          st.execute("CREATE TABLE " + d.table() + " AS " + select(d, columns, "WHERE 1 = 0"));
        }
      }
    }
  }

  /** Builds whole every aggregate that is empty while its fact is not (newly declared or re-created). */
  public static void buildMissing(Connection connection, CubeModel model) throws SQLException {
    for (Declared d : all(model)) {
      if (isEmpty(connection, d.table()) && !isEmpty(connection, d.cube().factTable())) {
        refresh(connection, d, null);
      }
    }
  }

  /** Rebuilds every aggregate whole from its fact (after facts were written other than by a load). */
  public static void refreshAll(Connection connection, CubeModel model) throws SQLException {
    for (Declared d : all(model)) {
      refresh(connection, d, null);
    }
  }

  /**
   * Refreshes the aggregates of {@code factTable} for {@code months} (the fact's month column), or
   * whole when {@code months} is null. An aggregate that is empty while its fact is not is built
   * whole whatever the months.
   */
  public static void refresh(Connection connection, CubeModel model, String factTable, Collection<Integer> months)
      throws SQLException {
    for (Declared d : of(model, factTable)) {
      boolean whole = months == null || isEmpty(connection, d.table()) && !isEmpty(connection, factTable);
      refresh(connection, d, whole ? null : months);
    }
  }

  private static void refresh(Connection connection, Declared d, Collection<Integer> months) throws SQLException {
    if (months != null && months.isEmpty()) {
      return;
    }
    Map<String, String> columns = columns(connection, d.cube(), d.aggregate());
    String where = months == null ? "" : "WHERE " + identifier(d.cube().timeColumn()) + " IN ("
        + months.stream().map(m -> Integer.toString(m)).collect(Collectors.joining(", ")) + ")";
    try (Statement st = connection.createStatement()) {
      st.execute("DELETE FROM " + d.table() + (where.isEmpty() ? "" : " " + where));
      st.execute("INSERT INTO " + d.table() + " (" + String.join(", ", columns.keySet()) + ") "
          + select(d, columns, where));
    }
  }

  /** The fact's rows for an aggregate: its columns (name → expression), grouped by its keys. */
  static String select(Declared d, Map<String, String> columns, String where) {
    List<String> keys = keys(d.cube(), d.aggregate());
    StringBuilder sql = new StringBuilder("SELECT ");
    sql.append(columns.entrySet().stream().map(e -> e.getValue() + " AS " + e.getKey()).collect(Collectors.joining(", ")));
    sql.append(" FROM ").append(identifier(d.cube().factTable()));
    if (!where.isEmpty()) {
      sql.append(' ').append(where);
    }
    sql.append(" GROUP BY ").append(String.join(", ", keys));
    return sql.toString();
  }

  /** The foreign keys an aggregate groups by: the month column first, then its dimensions' keys. */
  public static List<String> keys(Cube cube, AggregateTable aggregate) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(identifier(cube.timeColumn()));
    for (DimensionUsage u : cube.dimensions()) {
      if (!u.dimension().time() && aggregate.dimensions().contains(u.name())) {
        keys.add(identifier(u.foreignKey()));
      }
    }
    return List.copyOf(keys);
  }

  /** Column name → expression over the fact: keys, one per measure it stores, row_count. */
  private static Map<String, String> columns(Connection connection, Cube cube, AggregateTable aggregate)
      throws SQLException {
    Map<String, Integer[]> types = factTypes(connection, cube.factTable());
    Map<String, String> out = new LinkedHashMap<>();
    keys(cube, aggregate).forEach(k -> out.put(k, k));
    for (Measure m : cube.measures()) {
      // a distinct count with an additive form is stored as that form's sum: the planner asks for
      // it only where the form holds (no dimension it does not add up over)
      Measure.Stored s = m instanceof Measure.Stored st && st.additive() != null ? st.asAdditiveSum()
          : m instanceof Measure.Stored st ? st : null;
      if (s != null && AggregateTable.stores(s)) {
        out.put(identifier(AggregateTable.column(s)), expression(s, types));
      }
    }
    out.put(AggregateTable.ROW_COUNT, "COUNT(*)");
    return out;
  }

  /** SUM → the sum at BIGINT or the column's decimal scale; COUNT → COUNT(*); each with the measure's filter. */
  private static String expression(Measure.Stored m, Map<String, Integer[]> types) {
    String filter = m.filter().isEmpty() ? "" : " FILTER (WHERE " + m.filter().entrySet().stream()
        .map(e -> identifier(e.getKey()) + " IN (" + e.getValue().stream().map(AggregateTables::literal)
            .collect(Collectors.joining(", ")) + ")")
        .collect(Collectors.joining(" AND ")) + ")";
    return switch (m.aggregate()) {
      case COUNT -> "COUNT(*)" + filter;
      case SUM -> {
        String column = identifier(m.column());
        Integer[] type = types.get(m.column().toLowerCase(Locale.ROOT));
        if (type == null) {
          throw new IllegalStateException("measure " + m.name() + " sums " + column + ", which its fact lacks");
        }
        String sum = "SUM(" + column + ")" + filter;
        yield switch (type[0]) {
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> "CAST(" + sum + " AS BIGINT)";
          case Types.DECIMAL, Types.NUMERIC -> "CAST(" + sum + " AS DECIMAL(38, " + type[1] + "))";
          default -> sum;
        };
      }
      default -> throw new IllegalArgumentException(m.name() + " is not stored in aggregates");
    };
  }

  /** The fact's columns (lower case) → {JDBC type, scale}. */
  private static Map<String, Integer[]> factTypes(Connection connection, String table) throws SQLException {
    Map<String, Integer[]> out = new LinkedHashMap<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT * FROM " + identifier(table) + " WHERE 1 = 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        out.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), new Integer[] {meta.getColumnType(i), meta.getScale(i)});
      }
    }
    return out;
  }

  /** The table's column names (lower case), or null when it does not exist. */
  private static Set<String> existingColumns(Connection connection, String table) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), table, null)) {
      while (rs.next()) {
        out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return out.isEmpty() ? null : out;
  }

  private static boolean isEmpty(Connection connection, String table) throws SQLException {
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT 1 FROM " + identifier(table) + " LIMIT 1")) {
      return !rs.next();
    }
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String identifier(String name) {
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException(name + " is not a plain identifier");
    }
    return name;
  }
}
