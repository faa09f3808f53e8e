package org.telecube.warehouse.query;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.telecube.warehouse.backend.Capabilities;
import org.telecube.warehouse.model.Aggregate;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.Formula;
import org.telecube.warehouse.model.Measure;
import org.telecube.warehouse.model.OverTime;

/**
 * Refuses, before anything runs, a question the backend cannot answer the way the model defines
 * it: a measure combined over months (first/last month of a period, an average of months, a
 * count of months) needs window functions; a distinct count needs exact distinct counts. A
 * backend without them gets a clear 400, never a different number.
 */
final class CapabilityCheck {
  private CapabilityCheck() {
  }

  static void check(CubeModel model, Cube cube, List<Measure> measures, Capabilities capabilities, String backend) {
    for (Measure requested : measures) {
      for (Measure.Stored stored : storedBehind(model, cube, requested)) {
        boolean byMonth = stored.overTime() != OverTime.SUM || stored.aggregate() == Aggregate.MONTHS;
        if (byMonth && !capabilities.windowFunctions()) {
          throw refused(requested, "windowFunctions", backend);
        }
        if (stored.aggregate() == Aggregate.DISTINCT_COUNT && !capabilities.exactDistinctCount()) {
          throw refused(requested, "exactDistinctCount", backend);
        }
      }
    }
  }

  /** The churned list reads each subscriber's months before churning through window functions. */
  static void checkList(SubscriberList list, Capabilities capabilities, String backend) {
    if (list.kind() == SubscriberList.Kind.CHURNED && !capabilities.windowFunctions()) {
      throw new QueryException("list", "not_supported_by_backend", "the churned list needs window functions, which"
          + " the " + backend + " backend does not offer", "churned", "windowFunctions", backend);
    }
  }

  private static QueryException refused(Measure m, String capability, String backend) {
    return new QueryException("measures", "not_supported_by_backend", m.name() + " needs " + capability
        + ", which the " + backend + " backend does not offer", m.name(), capability, backend);
  }

  /** The stored measures {@code m} is computed from: itself, a formula's operands, another cube's measure. */
  private static Set<Measure.Stored> storedBehind(CubeModel model, Cube cube, Measure m) {
    Set<Measure.Stored> out = new LinkedHashSet<>();
    Deque<Object[]> todo = new ArrayDeque<>();
    todo.push(new Object[] {cube, m});
    Set<String> seen = new LinkedHashSet<>();
    while (!todo.isEmpty()) {
      Object[] next = todo.pop();
      Cube c = (Cube) next[0];
      Measure measure = (Measure) next[1];
      if (!seen.add(c.name() + "." + measure.name())) {
        continue;
      }
      if (measure instanceof Measure.Stored s) {
        out.add(s);
      } else if (measure instanceof Measure.Across a) {
        Cube other = model.cube(a.cube()).orElseThrow();
        todo.push(new Object[] {other, other.measure(a.measure()).orElseThrow()});
      } else if (measure instanceof Measure.Derived d) {
        for (String ref : Formula.parse(d.formula()).measureNames()) {
          todo.push(new Object[] {c, c.measure(ref).orElseThrow()});
        }
      }
    }
    return out;
  }
}
