package org.telecube.warehouse.query;

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
            row[i] = rs.getObject(i + 1);
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
}
