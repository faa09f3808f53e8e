/**
 * Cube queries: the request and result value types (cells, totals, pivot, and the periods of the
 * answer's time members with how many of their months hold data), validation against the model,
 * planning with Apache Calcite's RelBuilder, unparsing to the backend's SQL dialect, execution that
 * a {@link org.telecube.warehouse.query.Cancellation} can stop, and member lookup with suggestions.
 *
 * <p>Cube answers and member lists go through the planner here. Not yet everything does: the
 * loaded month span and the periods read {@code dim_month} directly, and the churn lists
 * ({@code warehouse.churn}) have their own SQL; issue 11 brings them onto this one path.
 */
package org.telecube.warehouse.query;
