/**
 * The embedded default backend: one DuckDB file under the data directory, no server. The same
 * file is the ETL's work area: {@link org.telecube.backend.duckdb.StarSchema} creates the staging,
 * ledger and star tables, the calendar and the conformed dimensions, in DuckDB's SQL.
 */
package org.telecube.backend.duckdb;
