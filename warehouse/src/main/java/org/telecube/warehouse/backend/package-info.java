/**
 * The seam between the core and a database. A {@link org.telecube.warehouse.backend.Backend}
 * gives its SQL dialect, schema and {@link org.telecube.warehouse.backend.Capabilities}, pooled
 * connections to run planned queries on, its data version, and a
 * {@link org.telecube.warehouse.backend.StarPublisher} through which the ETL's work area reaches
 * it. A backend whose own metadata cannot describe the star (Druid) describes it with
 * {@link org.telecube.warehouse.backend.StoredColumn}s, including money kept in whole cents.
 * Backends live in their own modules ({@code backends/duckdb}, {@code backends/postgres},
 * {@code backends/druid}) and
 * are opened by name ({@link org.telecube.warehouse.backend.BackendSettings}) through
 * {@link org.telecube.warehouse.backend.BackendProvider}; this package imports none of them.
 */
package org.telecube.warehouse.backend;
