package org.telecube.server.bench;

import org.telecube.warehouse.query.CubeQuery;

/**
 * One cube question of the bench: what an analyst asks ({@code query}) and the plain SQL on the
 * base star a DBA would write for the same answer ({@code sql}), whose last columns are the
 * query's measures in any row order.
 *
 * @param kind what the question stands for (slice, drill, roll-up, top-N, YoY, ARPU, churn rate)
 */
public record Question(String name, String kind, CubeQuery query, String sql) {
}
