package org.telecube.warehouse.query;

import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;

/**
 * One SQL statement the planner made: why it runs (main, totals, member check ...), its SQL in the
 * backend's dialect, the layout of the rows it returns and the tables its cubes were read from.
 */
record PlannedStatement(String purpose, String sql, RowLayout layout, RelNode rel, List<Explain.Source> sources) {
  PlannedStatement {
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  PlannedStatement(String purpose, String sql, RowLayout layout, RelNode rel) {
    this(purpose, sql, layout, rel, List.of());
  }

  PlannedStatement as(String newPurpose) {
    return new PlannedStatement(newPurpose, sql, layout, rel, sources);
  }

  /** The Calcite plan, one operator a line. */
  String planText() {
    return rel == null ? "" : RelOptUtil.toString(rel);
  }
}
