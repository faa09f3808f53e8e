/**
 * The PostgreSQL backend ({@code telecube.backend=postgres}): the star in a PostgreSQL database at
 * {@code telecube.warehouse.url}. {@link org.telecube.backend.postgres.PostgresBackend} creates the
 * tables the queries read ({@code star.sql}, plus the model's enumeration tables) and plans queries
 * in a Unicode PostgreSQL dialect over a HikariCP pool; the ETL derives the star in its DuckDB work
 * area and {@link org.telecube.backend.postgres.PostgresPublisher} copies the touched tables here
 * with {@code COPY} (through a CSV DuckDB spools to disk, {@link org.telecube.backend.postgres.SpooledCopy}),
 * in one transaction per batch, refusing a second work area.
 */
package org.telecube.backend.postgres;
