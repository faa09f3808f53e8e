package org.telecube.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.telecube.warehouse.backend.BackendSettings;

/**
 * A fresh, empty warehouse for {@code telecube bench --load}, never the operator's own: a new
 * data directory under {@code <data-dir>/bench/}, and for PostgreSQL a schema of its own
 * ({@value #SCHEMA}, dropped and made again) in the configured database. Druid has no schemas:
 * {@link BenchDruid} empties the star's datasources on the cluster once the warehouse is open.
 */
final class BenchWarehouse {
  static final String SCHEMA = "telecube_bench";

  private BenchWarehouse() {
  }

  static BackendSettings fresh(BackendSettings settings) throws IOException, SQLException {
    Path dir = benchDir(settings);
    deleteTree(dir);
    Files.createDirectories(dir);
    String url = settings.url();
    if (url.startsWith("jdbc:postgresql:")) {
      try (Connection c = DriverManager.getConnection(url, settings.username(), settings.password());
           Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        st.execute("CREATE SCHEMA " + SCHEMA);
      }
      url = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }
    return new BackendSettings(settings.backend(), dir, url, settings.username(), settings.password(),
        settings.poolSize(), settings.options());
  }

  /** The bench's own data directory for {@code settings}' backend, under the operator's data directory. */
  static Path benchDir(BackendSettings settings) {
    return settings.dataDir().resolve("bench").resolve(settings.backend());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
