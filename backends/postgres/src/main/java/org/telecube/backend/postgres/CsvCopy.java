package org.telecube.backend.postgres;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams a work-area result set into PostgreSQL's {@code COPY … FROM STDIN (FORMAT csv)}, some
 * thousand rows at a time, so a table of millions of rows never sits in memory.
 *
 * <p>CSV as PostgreSQL reads it by default: NULL is an unquoted empty field, so every string is
 * quoted (an empty string is {@code ""}, quotes are doubled, commas and newlines stay inside the
 * quotes); decimals are written in plain notation, exact; dates and timestamps in ISO form, with no
 * time zone (both sides are zone-less, so the JVM's zone never shifts them).
 */
final class CsvCopy {
  static final int ROWS_PER_CHUNK = 10_000;
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  private CsvCopy() {
  }

  /** Copies every row of {@code rows} into {@code copySql}'s table; returns the rows copied. */
  static long copy(ResultSet rows, CopyManager copyManager, String copySql) throws SQLException {
    int[] types = types(rows.getMetaData());
    CopyIn copyIn = copyManager.copyIn(copySql);
    try {
      StringBuilder chunk = new StringBuilder(1 << 16);
      long count = 0;
      while (rows.next()) {
        appendRow(chunk, rows, types);
        if (++count % ROWS_PER_CHUNK == 0) {
          write(copyIn, chunk);
        }
      }
      write(copyIn, chunk);
      return copyIn.endCopy();
    } finally {
      if (copyIn.isActive()) {
        cancel(copyIn); // a failed read or write: the server drops the partial COPY
      }
    }
  }

  /** Best effort: the failure that got here is the one worth reporting, and the transaction rolls back. */
  private static void cancel(CopyIn copyIn) {
    try {
      copyIn.cancelCopy();
    } catch (SQLException ignored) {
      // the connection is already broken or the COPY already ended
    }
  }

  private static void write(CopyIn copyIn, StringBuilder chunk) throws SQLException {
    if (chunk.length() > 0) {
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
      copyIn.writeToCopy(bytes, 0, bytes.length);
      chunk.setLength(0);
    }
  }

  private static int[] types(ResultSetMetaData meta) throws SQLException {
    int[] types = new int[meta.getColumnCount()];
    for (int i = 0; i < types.length; i++) {
      types[i] = meta.getColumnType(i + 1);
    }
    return types;
  }

  static void appendRow(StringBuilder out, ResultSet rows, int[] types) throws SQLException {
    for (int i = 0; i < types.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      appendField(out, value(rows, i + 1, types[i]));
    }
    out.append('\n');
  }

  /** The column's value as Java reads it exactly; null for SQL NULL. */
  private static Object value(ResultSet rows, int column, int type) throws SQLException {
    return switch (type) {
      case Types.DECIMAL, Types.NUMERIC -> rows.getBigDecimal(column);
      case Types.DATE -> rows.getObject(column, LocalDate.class);
      case Types.TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR -> rows.getString(column);
      default -> rows.getObject(column);
    };
  }

  static void appendField(StringBuilder out, Object value) {
    if (value == null) {
      return; // unquoted empty: NULL
    }
    if (value instanceof String s) {
      out.append('"').append(s.replace("\"", "\"\"")).append('"');
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (value instanceof LocalDateTime t) {
      out.append(TIMESTAMP.format(t));
    } else if (value instanceof LocalDate d) {
      out.append(d); // ISO yyyy-MM-dd
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof Number n) {
      out.append(n); // Integer, Long, Short, Double (NaN and Infinity as PostgreSQL spells them)
    } else {
      throw new IllegalArgumentException("cannot publish a value of " + value.getClass().getName() + ": " + value);
    }
  }
}
