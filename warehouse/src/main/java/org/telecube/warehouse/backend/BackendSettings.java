package org.telecube.warehouse.backend;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code telecube.backend} and {@code telecube.warehouse.*}: which backend, and where. The same
 * settings come from the environment ({@code TELECUBE_BACKEND}, {@code TELECUBE_WAREHOUSE_URL},
 * {@code TELECUBE_WAREHOUSE_USERNAME}, {@code TELECUBE_WAREHOUSE_PASSWORD}) for the command line
 * and from Spring's configuration for the server.
 *
 * @param backend the backend's name: {@code duckdb} (default) or {@code postgres}
 * @param dataDir the data directory: the DuckDB file, and the ETL's work area for other backends
 * @param url the backend's JDBC URL (empty for DuckDB, which lives in {@code dataDir})
 * @param username the backend's user, or empty
 * @param password the backend's password, or empty
 * @param poolSize connections in the pool; 0 for the backend's default
 */
public record BackendSettings(String backend, Path dataDir, String url, String username, String password,
                              int poolSize) {
  public static final String DEFAULT_BACKEND = "duckdb";

  public BackendSettings {
    backend = backend == null || backend.isBlank() ? DEFAULT_BACKEND : backend.trim().toLowerCase(Locale.ROOT);
    url = url == null ? "" : url.trim();
    username = username == null ? "" : username;
    password = password == null ? "" : password;
  }

  /** The embedded default in {@code dataDir}. */
  public static BackendSettings embedded(Path dataDir) {
    return new BackendSettings(DEFAULT_BACKEND, dataDir, "", "", "", 0);
  }

  /** From the environment variables above, with {@code dataDir} from the caller. */
  public static BackendSettings fromEnvironment(Path dataDir) {
    return new BackendSettings(System.getenv("TELECUBE_BACKEND"), dataDir, System.getenv("TELECUBE_WAREHOUSE_URL"),
        System.getenv("TELECUBE_WAREHOUSE_USERNAME"), System.getenv("TELECUBE_WAREHOUSE_PASSWORD"), 0);
  }

  public BackendSettings withBackend(String name) {
    return new BackendSettings(name, dataDir, url, username, password, poolSize);
  }

  @Override
  public String toString() {
    // never the password
    return "BackendSettings[backend=" + backend + ", dataDir=" + dataDir + ", url=" + url + ", username=" + username + "]";
  }
}
