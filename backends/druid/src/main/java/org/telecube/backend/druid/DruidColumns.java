package org.telecube.backend.druid;

import java.util.Locale;
import org.telecube.warehouse.backend.StoredColumn;

/**
 * How a column of the work area's star (DuckDB types) is kept in a Druid datasource. Druid has
 * strings, longs and doubles: a decimal becomes a long of its smallest unit (money in whole cents,
 * summed exactly), a date or timestamp its ISO text (which sorts and compares like the date), a
 * boolean 0 or 1. The publisher writes rows this way and the planner reads them this way.
 */
final class DruidColumns {
  private DruidColumns() {
  }

  /** The column {@code name} of DuckDB type {@code duckDbType} ({@code DECIMAL(14,2)}, {@code DATE}, …) in Druid. */
  static StoredColumn stored(String name, String duckDbType) {
    String t = duckDbType.toUpperCase(Locale.ROOT).trim();
    if (t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) {
      return new StoredColumn(name, "BIGINT", decimalScale(t));
    }
    return switch (t) {
      case "TINYINT", "SMALLINT", "INTEGER", "INT", "BIGINT", "HUGEINT", "BOOLEAN" -> new StoredColumn(name, "BIGINT", 0);
      case "DOUBLE", "FLOAT", "REAL" -> new StoredColumn(name, "DOUBLE", 0);
      default -> new StoredColumn(name, "VARCHAR", 0); // VARCHAR, DATE, TIMESTAMP, UUID
    };
  }

  /** The Druid ingestion type of {@code column}: {@code string}, {@code long} or {@code double}. */
  static String ingestionType(StoredColumn column) {
    return switch (column.type()) {
      case "BIGINT" -> "long";
      case "DOUBLE" -> "double";
      default -> "string";
    };
  }

  /**
   * The DuckDB expression that writes {@code name} (of {@code duckDbType}) as Druid keeps it:
   * {@code CAST(round(amount * 100) AS BIGINT)} for money, ISO text for dates and timestamps.
   */
  static String exportExpression(String name, String duckDbType) {
    String quoted = "\"" + name.replace("\"", "\"\"") + "\"";
    String t = duckDbType.toUpperCase(Locale.ROOT).trim();
    if (t.startsWith("DECIMAL") || t.startsWith("NUMERIC")) {
      int scale = decimalScale(t);
      return "CAST(round(" + quoted + " * " + "1" + "0".repeat(scale) + ") AS BIGINT)";
    }
    return switch (t) {
      case "BOOLEAN" -> "CAST(" + quoted + " AS INTEGER)";
      case "DATE" -> "strftime(" + quoted + ", '%Y-%m-%d')";
      // to the microsecond, as the work area holds it: fixed width, so the text still sorts like the time
      case "TIMESTAMP" -> "strftime(" + quoted + ", '%Y-%m-%d %H:%M:%S.%f')";
      default -> quoted;
    };
  }

  /** The scale of {@code DECIMAL(p,s)}; DuckDB's bare DECIMAL is (18,3). */
  static int decimalScale(String type) {
    int open = type.indexOf('(');
    int comma = type.indexOf(',');
    if (open < 0 || comma < 0) {
      return 3;
    }
    return Integer.parseInt(type.substring(comma + 1, type.indexOf(')')).trim());
  }
}
