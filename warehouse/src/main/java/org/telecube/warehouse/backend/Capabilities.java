package org.telecube.warehouse.backend;

/**
 * What a backend's SQL can do. The planner asks these instead of the backend's name, so a
 * backend without a capability gets a plan that does without it, with the same answer — or,
 * where no such plan exists, a clear refusal; never a different number.
 *
 * @param windowFunctions {@code MIN(..) OVER (PARTITION BY ..)}, {@code LAG}: semi-additive
 *     measures (first/last month of a period) and the churned list's history
 * @param exactDistinctCount {@code COUNT(DISTINCT ..)} is exact (Druid's default is a sketch; the
 *     Druid backend sets Druid's exact mode on every connection)
 * @param dimensionJoins facts can be joined to dimension tables at query time (else the facts
 *     carry their dimension attributes, flattened)
 * @param exactDecimal money sums are exact to the cent (no floating point): DECIMAL, or whole cents
 *     summed as integers ({@link StoredColumn#unitScale()})
 * @param groupingSets {@code GROUP BY GROUPING SETS}: totals and subtotals in one statement
 * @param filteredAggregates {@code SUM(..) FILTER (WHERE ..)}
 * @param nestedGroupingSets grouping sets over an inner per-month grouping (totals of measures
 *     combined over months, ARPU); Druid needs merge buffers per nesting level beyond its defaults
 */
public record Capabilities(boolean windowFunctions, boolean exactDistinctCount, boolean dimensionJoins,
                           boolean exactDecimal, boolean groupingSets, boolean filteredAggregates,
                           boolean nestedGroupingSets) {

  /** A full SQL engine: DuckDB, PostgreSQL. */
  public static Capabilities fullSql() {
    return new Capabilities(true, true, true, true, true, true, true);
  }
}
