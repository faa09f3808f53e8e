package org.telecube.backend.duckdb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Locale;
import javax.sql.DataSource;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;
import org.duckdb.DuckDBDriver;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.Capabilities;
import org.telecube.warehouse.backend.StarPublisher;
import org.telecube.warehouse.backend.WarehouseUnavailableException;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.reference.ReferenceData;

/**
 * DuckDB in a file, {@code <dataDir>/telecube.duckdb}, behind a HikariCP pool. DuckDB lets one
 * process hold the file; a second process gets a clear {@link WarehouseUnavailableException}.
 */
public final class DuckDbBackend implements Backend {
  public static final String FILE_NAME = "telecube.duckdb";
  private static final String IN_USE = " is in use by another process";

  private final Path file;
  private final HikariDataSource pool;

  private DuckDbBackend(Path file, HikariDataSource pool) {
    this.file = file;
    this.pool = pool;
  }

  public static DuckDbBackend open(Path dataDir) {
    return open(dataDir, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
  }

  public static DuckDbBackend open(Path dataDir, int poolSize) {
    return open(dataDir, poolSize, DuckDbLimits.defaults());
  }

  /** With a pool of {@code poolSize} connections (0: the default) and DuckDB held to {@code limits}. */
  public static DuckDbBackend open(Path dataDir, int poolSize, DuckDbLimits limits) {
    if (poolSize <= 0) {
      poolSize = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
    }
    Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dataDir, e);
    }
    checkAvailable(file);
    HikariConfig config = new HikariConfig();
    config.setPoolName("telecube-duckdb");
    config.setDriverClassName("org.duckdb.DuckDBDriver");
    config.setJdbcUrl("jdbc:duckdb:" + file);
    config.setMaximumPoolSize(poolSize);
    config.setConnectionTimeout(limits.poolTimeoutMillis());
    config.setConnectionInitSql(limits.initSql());
    config.setMinimumIdle(1);
    config.setAutoCommit(true);
    try {
      return new DuckDbBackend(file, new HikariDataSource(config));
    } catch (HikariPool.PoolInitializationException e) {
      throw unavailable(file, e);
    }
  }

  /**
   * Opens and closes the file once without the pool, so that a file another process holds is one
   * clear {@link WarehouseUnavailableException} (see {@link #inUse}) rather than HikariCP's logged
   * stack trace. The command line also calls it before starting a server.
   */
  public static void checkAvailable(Path file) {
    try (Connection probe = new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties())) {
      // opened: no other process holds it
    } catch (SQLException e) {
      throw unavailable(file, e);
    }
  }

  /** Whether {@code e} says another process holds the file (not that it is missing or broken). */
  public static boolean inUse(WarehouseUnavailableException e) {
    return e.getMessage().contains(IN_USE);
  }

  private static WarehouseUnavailableException unavailable(Path file, Exception e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("lock")) {
      return new WarehouseUnavailableException("The warehouse " + file + IN_USE
          + " (is `telecube serve` or `telecube demo` running?). Stop it, or send the"
          + " work to the running server (e.g. POST /api/etl/uploads).", e);
    }
    return new WarehouseUnavailableException("Cannot open the warehouse " + file + ": " + e.getMessage(), e);
  }

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public SqlDialect dialect() {
    return UnicodeDuckDbDialect.INSTANCE;
  }

  /**
   * DuckDB's dialect for literals in Unicode: DuckDB reads every string literal as UTF-8, so the
   * charset prefix Calcite writes for a literal not in its default charset ({@code _UTF-8'…'})
   * is left out. A NUL would end the statement early; the query validator refuses it first.
   */
  static final class UnicodeDuckDbDialect extends DuckDBSqlDialect {
    static final UnicodeDuckDbDialect INSTANCE = new UnicodeDuckDbDialect();

    private UnicodeDuckDbDialect() {
      super(DuckDBSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
      if (val.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("a NUL cannot be written in a DuckDB string literal");
      }
      super.quoteStringLiteral(buf, null, val);
    }
  }

  @Override
  public String schema() {
    return "main";
  }

  @Override
  public Capabilities capabilities() {
    return Capabilities.fullSql();
  }

  /** The star, the work area's staging and ledger tables, the calendar and the shipped reference data. */
  @Override
  public void prepare(CubeModel model) {
    try (Connection c = pool.getConnection()) {
      StarSchema.initialize(c, model, ReferenceData.shipped());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the star schema in " + file + ": " + e.getMessage(), e);
    }
  }

  /** The last batch committed: the ETL derives the star in this same file, in the batch's transaction. */
  @Override
  public long dataVersion() {
    try (Connection c = pool.getConnection(); java.sql.Statement st = c.createStatement();
         java.sql.ResultSet rs = st.executeQuery("SELECT coalesce(max(batch_id), 0) FROM etl_batch")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the last batch of " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public StarPublisher publisher() {
    return StarPublisher.inPlaceOf(this);
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public void close() {
    pool.close();
  }
}
