package org.telecube.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.ResultColumn;

/**
 * Checks that the engine and the hand-written SQL gave the same numbers, so neither side is timed
 * for a different (cheaper) question: the measure values of the engine's cells and totals against
 * the last columns of the SQL's rows, compared as sorted lists (row order and member keys differ
 * between the two; nulls, e.g. a first month's change, are left out), within rounding.
 */
public final class AnswerCheck {
  private static final double RELATIVE = 1e-6;
  private static final double ABSOLUTE = 1e-9;

  private AnswerCheck() {
  }

  /** Why the answers differ, or empty when they agree. */
  public static Optional<String> compare(CellSet engine, List<Object[]> raw) {
    List<String> measures = engine.columns().stream().filter(c -> "measure".equals(c.kind()))
        .map(ResultColumn::name).toList();
    List<Double> expected = new ArrayList<>();
    for (List<Map<String, Object>> records : List.of(engine.cells(), engine.totals())) {
      for (Map<String, Object> cell : records) {
        for (String m : measures) {
          add(expected, cell.get(m));
        }
      }
    }
    List<Double> actual = new ArrayList<>();
    for (Object[] row : raw) {
      for (int i = Math.max(0, row.length - measures.size()); i < row.length; i++) {
        add(actual, row[i]);
      }
    }
    return compare(expected, actual);
  }

  static Optional<String> compare(List<Double> engine, List<Double> raw) {
    List<Double> a = engine.stream().sorted().toList();
    List<Double> b = raw.stream().sorted().toList();
    if (a.size() != b.size()) {
      return Optional.of("engine " + a.size() + " values, SQL " + b.size());
    }
    for (int i = 0; i < a.size(); i++) {
      double x = a.get(i);
      double y = b.get(i);
      if (Math.abs(x - y) > ABSOLUTE + RELATIVE * Math.max(Math.abs(x), Math.abs(y))) {
        return Optional.of("engine " + x + " vs SQL " + y + " (value " + (i + 1) + " of " + a.size() + " in order)");
      }
    }
    return Optional.empty();
  }

  private static void add(List<Double> values, Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      if (!Double.isNaN(d)) {
        values.add(d);
      }
    } else if (value != null) {
      values.add(Double.parseDouble(value.toString()));
    }
  }
}
