/**
 * Questions to the warehouse and their answers. One path from every question to SQL:
 * {@link org.telecube.warehouse.query.QueryEngine} validates (QueryValidator), has QueryPlanner
 * (cube plans — a distinct count as the sum of its additive column where that is exact —,
 * members, month span, periods, totals by GROUPING SETS, every time-intelligence kind of a
 * grouping in one statement) and ListPlanner (detail
 * rows: the churn lists) plan each statement with Apache Calcite's RelBuilder and unparse it to
 * the backend's dialect, runs it through QueryExecutor — the only class that runs a question's
 * SQL, stoppable by a {@link org.telecube.warehouse.query.Cancellation} — and shapes the rows
 * (read by name through a {@link org.telecube.warehouse.query.RowLayout}) in CellShaping.
 *
 * <p>Before planning, CapabilityCheck refuses what the backend's declared
 * {@link org.telecube.warehouse.backend.Capabilities} cannot answer as the model defines it
 * (months combined without window functions, distinct counts without exact ones).
 *
 * <p>A {@link org.telecube.warehouse.query.Scope} given to {@code QueryEngine.scoped} is added by
 * the planner to every statement: cells, totals, time intelligence, both cubes of a drill-across,
 * members and lists; the filters and the scope also restrict the fact by its own keys before it
 * is aggregated. A member named outside the scope (a filter, a members parent, a list region) is
 * refused as {@code out_of_scope}, told from one that does not exist by a check without the scope
 * that only a refusal runs; a member containing the scope (its macro-region) is answered within it. AggregateRouter picks, per cube a statement reads, the smallest of the
 * model's aggregate tables that can answer it, else the fact ({@code QueryEngine.withoutAggregates}
 * never routes). {@link org.telecube.warehouse.query.Explain} lists every statement a query runs
 * and the table each read. Results (cell sets, pivots, member lists) are immutable.
 *
 * <p>An engine given a {@link org.telecube.warehouse.query.ResultCache} ({@code withCache}) keeps
 * cell sets keyed by the validated query, scope, use of aggregates and the backend's data version
 * (read at most once a second by DataVersion; {@code dataChanged()} after an in-process load), so
 * a repeat is a lookup and a load makes every older answer unreachable; the statements questions
 * share (month spans, periods, member checks) are kept there too, under their SQL. CalciteCatalog
 * gives each thread one Calcite cluster to build its plans on.
 */
package org.telecube.warehouse.query;
