package org.telecube.warehouse.query;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs planned statements: the only place a question's SQL meets the database. Every read of the
 * warehouse for an answer (cells, totals, members, periods, lists) comes through here, so what the
 * planner put in a statement (a scope, a filter) is what runs.
 */
final class QueryExecutor {
  private final String backendName;

  QueryExecutor(String backendName) {
    this.backendName = backendName;
  }

  /** Runs {@code plan}; {@code cancellation} stops it before and while it runs. */
  List<ResultRow> run(PlannedStatement plan, DataSource dataSource, Cancellation cancellation) {
    int width = plan.layout().width();
    int[] unitScales = plan.layout().unitScaleByIndex();
    List<ResultRow> rows = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
      cancellation.start(st);
      try (ResultSet rs = st.executeQuery(plan.sql())) {
        int columns = rs.getMetaData().getColumnCount();
        if (columns != width) {
          throw new IllegalStateException("the " + plan.purpose() + " statement returned " + columns
              + " columns; its layout names " + width + ": " + plan.layout().columns());
        }
        while (rs.next()) {
          Object[] row = new Object[width];
          for (int i = 0; i < width; i++) {
            row[i] = unitScales[i] == 0 ? rs.getObject(i + 1) : fromUnits(rs.getObject(i + 1), unitScales[i]);
          }
          rows.add(new ResultRow(plan.layout(), row));
        }
      } finally {
        cancellation.finish();
      }
      cancellation.check();
    } catch (SQLException e) {
      if (cancellation.isCancelled()) {
        throw Cancellation.cancelledException();
      }
      throw new IllegalStateException("query failed on " + backendName + ": " + e.getMessage()
          + "\nSQL: " + plan.sql(), e);
    }
    return rows;
  }

  /**
   * A decimal kept as whole units of {@code 10^-scale}: a sum of cents is exact and becomes an exact
   * decimal; an average of cents is a double and stays one, in yuan.
   */
  static Object fromUnits(Object value, int scale) {
    if (value == null) {
      return null;
    }
    if (value instanceof Double || value instanceof Float) {
      return ((Number) value).doubleValue() / Math.pow(10, scale);
    }
    if (value instanceof BigDecimal d) {
      return d.movePointLeft(scale);
    }
    if (value instanceof Number n) {
      return BigDecimal.valueOf(n.longValue(), scale);
    }
    throw new IllegalStateException("a money column in whole units held " + value.getClass().getSimpleName());
  }
}
