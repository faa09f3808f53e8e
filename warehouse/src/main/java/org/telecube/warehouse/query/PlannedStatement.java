package org.telecube.warehouse.query;

import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;

/**
 * One SQL statement the planner made: why it runs (main, totals, member check ...), its SQL in the
 * backend's dialect and the layout of the rows it returns.
 */
record PlannedStatement(String purpose, String sql, RowLayout layout, RelNode rel) {
  PlannedStatement as(String newPurpose) {
    return new PlannedStatement(newPurpose, sql, layout, rel);
  }

  /** The Calcite plan, one operator a line. */
  String planText() {
    return rel == null ? "" : RelOptUtil.toString(rel);
  }
}
