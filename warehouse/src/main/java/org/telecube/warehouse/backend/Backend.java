package org.telecube.warehouse.backend;

import javax.sql.DataSource;
import org.apache.calcite.sql.SqlDialect;

/** A database the warehouse lives in. */
public interface Backend extends AutoCloseable {
  /** Short name for messages and benchmarks, e.g. {@code duckdb}. */
  String name();

  /** The dialect Calcite unparses plans into for this backend. */
  SqlDialect dialect();

  /** Pooled connections to the warehouse. */
  DataSource dataSource();

  /** Where the data lives, for messages (a file path or a JDBC URL without credentials). */
  String location();

  @Override
  void close();
}
