/** The embedded default backend: one DuckDB file under the data directory, no server. */
package org.telecube.warehouse.backend.duckdb;
