/**
 * The seam between the core and a database. A {@link org.telecube.warehouse.backend.Backend}
 * gives its SQL dialect, schema and {@link org.telecube.warehouse.backend.Capabilities}, pooled
 * connections to run planned queries on, its data version, and a
 * {@link org.telecube.warehouse.backend.StarPublisher} through which the ETL's work area reaches
 * it. Backends live in their own modules ({@code backends/duckdb}, {@code backends/postgres}) and
 * are opened by name ({@link org.telecube.warehouse.backend.BackendSettings}) through
 * {@link org.telecube.warehouse.backend.BackendProvider}; this package imports none of them.
 */
package org.telecube.warehouse.backend;
