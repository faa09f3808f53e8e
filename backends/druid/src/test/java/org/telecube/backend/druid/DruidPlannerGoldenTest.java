package org.telecube.backend.druid;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.backend.duckdb.StarSchema;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.model.ModelLoader;
import org.telecube.warehouse.query.PlannerGoldenTest;
import org.telecube.warehouse.reference.ReferenceData;

/**
 * The planner's SQL for Druid, on an empty warehouse. The catalog is the backend's own description
 * of the star, so planning needs no cluster; the one statement explaining runs (the cubes' loaded
 * month span) is answered by an empty star in a DuckDB schema named {@code druid}, since a Druid
 * that was never published has no datasources to answer it, and the shared test cluster holds
 * whatever other tests published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DruidPlannerGoldenTest extends PlannerGoldenTest {
  @TempDir
  static Path dir;

  private Backend backend;

  @BeforeAll
  void open() throws SQLException {
    String url = "jdbc:duckdb:" + dir.resolve("empty-druid.duckdb");
    try (Connection c = DriverManager.getConnection(url)) {
      StarSchema.initialize(c, model(), ReferenceData.shipped());
      List<String> tables = new ArrayList<>();
      try (Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      try (Statement st = c.createStatement()) {
        st.execute("CREATE SCHEMA druid");
        for (String table : tables) {
          st.execute("CREATE TABLE druid.\"" + table + "\" AS SELECT * FROM main.\"" + table + "\" LIMIT 0");
        }
      }
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(2);
    DruidBackend druid = new DruidBackend(DruidSettings.of(new BackendSettings("druid", dir,
        "http://druid-router.invalid:8888", "", "", 2)), new HikariDataSource(config));
    druid.prepare(ModelLoader.shipped());
    backend = druid;
  }

  @AfterAll
  void close() {
    backend.close();
  }

  @Override
  protected Backend backend() {
    return backend;
  }
}
