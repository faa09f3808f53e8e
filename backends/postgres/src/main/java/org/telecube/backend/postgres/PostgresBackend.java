package org.telecube.backend.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.calcite.sql.SqlDialect;
import org.postgresql.Driver;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.backend.Capabilities;
import org.telecube.warehouse.backend.StarPublisher;
import org.telecube.warehouse.backend.WarehouseUnavailableException;
import org.telecube.warehouse.model.CubeModel;

/**
 * The star in a PostgreSQL database, behind a HikariCP pool. The ETL derives it in its DuckDB work
 * area and {@link PostgresPublisher publishes} the touched tables here; queries are unparsed to
 * {@link UnicodePostgresDialect} and read the tables in the connection's current schema.
 */
public final class PostgresBackend implements Backend {
  public static final String NAME = "postgres";
  static final int DEFAULT_POOL_SIZE = 8;
  /** Literals are written for standard strings (see UnicodePostgresDialect), whatever the server's default. */
  private static final String SESSION_SETUP = "SET standard_conforming_strings = on";

  private final String location;
  private final String schema;
  private final HikariDataSource pool;
  private final PostgresPublisher publisher;

  private PostgresBackend(String location, String schema, HikariDataSource pool) {
    this.location = location;
    this.schema = schema;
    this.pool = pool;
    this.publisher = new PostgresPublisher(pool, location);
  }

  /**
   * Connects once without the pool, so that an unreachable server or a refused login is one clear
   * {@link WarehouseUnavailableException} rather than HikariCP's logged stack trace, and reads the
   * schema the star lives in; then opens the pool.
   */
  public static PostgresBackend open(BackendSettings settings) {
    String url = PostgresUrls.check(settings.url());
    String location = PostgresUrls.withoutCredentials(url);
    String schema = probe(url, settings, location);
    HikariConfig config = new HikariConfig();
    config.setPoolName("telecube-postgres");
    config.setDriverClassName(Driver.class.getName());
    config.setJdbcUrl(url);
    if (!settings.username().isEmpty()) {
      config.setUsername(settings.username());
    }
    if (!settings.password().isEmpty()) {
      config.setPassword(settings.password());
    }
    config.setMaximumPoolSize(settings.poolSize() > 0 ? settings.poolSize() : DEFAULT_POOL_SIZE);
    config.setConnectionTimeout(Long.parseLong(settings.option(BackendSettings.POOL_TIMEOUT_MILLIS, "30000")));
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    config.setConnectionInitSql(SESSION_SETUP);
    try {
      return new PostgresBackend(location, schema, new HikariDataSource(config));
    } catch (RuntimeException e) {
      throw unavailable(location, settings, e.getCause() != null ? e.getCause() : e);
    }
  }

  private static String probe(String url, BackendSettings settings, String location) {
    Properties properties = new Properties();
    if (!settings.username().isEmpty()) {
      properties.setProperty("user", settings.username());
    }
    if (!settings.password().isEmpty()) {
      properties.setProperty("password", settings.password());
    }
    properties.setProperty("connectTimeout", "10");
    try (Connection c = new Driver().connect(url, properties); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT current_schema()")) {
      rs.next();
      String schema = rs.getString(1);
      if (schema == null) {
        throw new WarehouseUnavailableException("The PostgreSQL warehouse " + location + " has no schema to create"
            + " the star in: none of the search_path's schemas exists (create one, or set currentSchema= in the URL).",
            null);
      }
      return schema;
    } catch (SQLException e) {
      throw unavailable(location, settings, e);
    }
  }

  /** One line: where, and the server's reason; never the password, even if a driver echoed it. */
  private static WarehouseUnavailableException unavailable(String location, BackendSettings settings, Throwable e) {
    String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
    if (!settings.password().isEmpty()) {
      reason = reason.replace(settings.password(), "…");
    }
    return new WarehouseUnavailableException("Cannot connect to the PostgreSQL warehouse " + location + ": " + reason,
        e);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SqlDialect dialect() {
    return UnicodePostgresDialect.INSTANCE;
  }

  /** The connection's {@code current_schema()} when the backend opened (usually {@code public}). */
  @Override
  public String schema() {
    return schema;
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.fullSql();
  }

  /** The star's tables and indexes, and the model's enumeration tables; the data arrives by publication. */
  @Override
  public void prepare(CubeModel model) {
    try (Connection c = pool.getConnection()) {
      PostgresStar.prepare(c, model);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the star schema in " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public String location() {
    return location;
  }

  /** The last batch published (0 when none): it changes exactly when a publication commits. */
  @Override
  public long dataVersion() {
    try {
      return publisher.publishedBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the last publication of " + location + ": " + e.getMessage(), e);
    }
  }

  @Override
  public StarPublisher publisher() {
    return publisher;
  }

  @Override
  public void close() {
    pool.close();
  }
}
