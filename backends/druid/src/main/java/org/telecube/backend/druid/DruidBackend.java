package org.telecube.backend.druid;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.calcite.sql.SqlDialect;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.backend.Capabilities;
import org.telecube.warehouse.backend.StarPublisher;
import org.telecube.warehouse.backend.StoredColumn;
import org.telecube.warehouse.backend.WarehouseUnavailableException;
import org.telecube.warehouse.model.CubeModel;

/**
 * The star on an Apache Druid cluster. Every star table is a datasource of the same name (facts in
 * month segments, the rest in one); questions are Druid SQL over the broker's Avatica endpoint, in
 * Druid's exact mode for distinct counts; the ETL publishes by native batch ingestion through
 * {@link DruidPublisher}.
 */
public final class DruidBackend implements Backend {
  public static final String NAME = "druid";
  static final int DEFAULT_POOL_SIZE = 8;

  /**
   * Exact distinct counts (billed subscribers, for ARPU) rather than Druid's default sketch, and
   * UTC for {@code __time}; passed as Druid query context on every connection. Druid plans an exact
   * distinct count as a nested group-by whose inner result (one row per city, month and subscriber:
   * ~190,000 at 100,000 subscribers) the broker materializes, which the default row limit
   * ({@code maxSubqueryRows} 100,000) refuses; {@code maxSubqueryBytes=auto} bounds it by the
   * broker's heap instead.
   */
  static Properties queryContext() {
    Properties p = new Properties();
    p.setProperty("useApproximateCountDistinct", "false");
    p.setProperty("maxSubqueryBytes", "auto");
    p.setProperty("sqlTimeZone", "Etc/UTC");
    return p;
  }

  private final DruidSettings settings;
  private final HikariDataSource pool;
  private final String location;
  private volatile DruidStar star;
  private volatile DruidPublisher publisher;

  /** Over {@code pool} as given, without asking the broker: {@link #open} for use, tests for planning only. */
  DruidBackend(DruidSettings settings, HikariDataSource pool) {
    this.settings = settings;
    this.pool = pool;
    this.location = settings.brokerUrl().toString();
  }

  /** Asks the broker once without the pool, so an unreachable cluster is one clear error; then opens the pool. */
  public static DruidBackend open(BackendSettings backendSettings) {
    DruidSettings settings = DruidSettings.of(backendSettings);
    Properties probe = connectionProperties(settings);
    try (Connection c = DriverManager.getConnection(settings.avaticaUrl(), probe);
         Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
      rs.next();
    } catch (SQLException | RuntimeException e) {
      throw new WarehouseUnavailableException("cannot reach the Druid broker at " + settings.brokerUrl() + ": "
          + rootMessage(e), e);
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("telecube-druid");
    config.setDriverClassName(org.apache.calcite.avatica.remote.Driver.class.getName());
    config.setJdbcUrl(settings.avaticaUrl());
    config.setDataSourceProperties(connectionProperties(settings));
    config.setMaximumPoolSize(backendSettings.poolSize() > 0 ? backendSettings.poolSize() : DEFAULT_POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTestQuery("SELECT 1");
    return new DruidBackend(settings, new HikariDataSource(config));
  }

  private static Properties connectionProperties(DruidSettings settings) {
    Properties p = queryContext();
    if (!settings.username().isEmpty()) {
      p.setProperty("user", settings.username());
      p.setProperty("password", settings.password());
    }
    return p;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() != null ? t.getMessage() : t.toString();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public SqlDialect dialect() {
    return DruidDialect.INSTANCE;
  }

  @Override
  public String schema() {
    return "druid";
  }

  /**
   * Druid 33 joins the facts to the small conformed dimensions (inlined as subqueries), runs window
   * functions and grouping sets, and filters aggregates. Distinct counts are exact in the context
   * set on every connection; money is exact because it is kept and summed in whole cents.
   */
  @Override
  public Capabilities capabilities() {
    // grouping sets over a per-month grouping need more merge buffers than Druid has by default
    return new Capabilities(true, true, true, true, true, true, false);
  }

  @Override
  public void prepare(CubeModel model) {
    // Druid has no DDL: a datasource appears with its first segment. The star is described from
    // the work area's DDL instead, for the planner and the publisher alike.
    DruidStar described = DruidStar.describe(model);
    star = described;
    publisher = new DruidPublisher(settings, described, pool);
  }

  @Override
  public Optional<List<StoredColumn>> storedColumns(String table) {
    return star().storedColumns(table);
  }

  @Override
  public DataSource dataSource() {
    return pool;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public long dataVersion() {
    try {
      return druidPublisher().publishedBatch();
    } catch (SQLException e) {
      return 0;
    }
  }

  @Override
  public StarPublisher publisher() {
    return druidPublisher();
  }

  private DruidPublisher druidPublisher() {
    DruidPublisher p = publisher;
    if (p == null) {
      throw new IllegalStateException("the Druid backend publishes once the warehouse has prepared its model");
    }
    return p;
  }

  private DruidStar star() {
    DruidStar s = star;
    if (s == null) {
      throw new IllegalStateException("the Druid backend describes its tables once the warehouse has prepared its model");
    }
    return s;
  }

  @Override
  public void close() {
    pool.close();
  }
}
