package org.telecube.warehouse.backend;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.calcite.sql.SqlDialect;
import org.telecube.warehouse.model.CubeModel;

/**
 * A database the warehouse's star lives in and is asked from. The core plans every question into
 * SQL for {@link #dialect()} over the tables in {@link #schema()}, and runs it through
 * {@link #dataSource()}; what the database cannot do is declared in {@link #capabilities()} and
 * planned around. Implementations live in their own modules (DuckDB, PostgreSQL, …) and are found
 * by name through {@link BackendProvider}; the core imports none of them.
 */
public interface Backend extends AutoCloseable {
  /** Short name, as {@code telecube.backend} spells it: {@code duckdb}, {@code postgres}. */
  String name();

  /** The dialect Calcite unparses plans into for this backend. */
  SqlDialect dialect();

  /** The schema holding the star's tables, as the backend's SQL names it ({@code main}, {@code public}). */
  String schema();

  /** What this backend can do in SQL; the planner never asks for what is not declared. */
  Capabilities capabilities();

  /**
   * Creates what is missing of the tables {@code model} reads (idempotent), so that a new, empty
   * warehouse answers with empty cells rather than errors. Run once when the warehouse opens.
   */
  void prepare(CubeModel model);

  /** Pooled connections to the warehouse, for running planned queries. */
  DataSource dataSource();

  /** Where the data lives, for messages (a file path, or a JDBC URL without credentials). */
  String location();

  /**
   * A token that changes whenever a load commits (the last batch published): answers computed
   * under one version stay right until it changes. Caches key on it.
   */
  long dataVersion();

  /**
   * The columns of {@code table} as this backend stores them, when its own metadata cannot say
   * (Druid: a datasource exists only once something is published, and money is stored as whole
   * cents); empty to read the database's JDBC metadata.
   */
  default Optional<List<StoredColumn>> storedColumns(String table) {
    return Optional.empty();
  }

  /** How a star derived by the ETL reaches this backend. */
  StarPublisher publisher();

  @Override
  void close();
}
