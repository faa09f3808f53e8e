package org.telecube.warehouse.backend;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code telecube.backend} and {@code telecube.warehouse.*}: which backend, and where. The same
 * settings come from the environment ({@code TELECUBE_BACKEND}, {@code TELECUBE_WAREHOUSE_URL},
 * {@code TELECUBE_WAREHOUSE_USERNAME}, {@code TELECUBE_WAREHOUSE_PASSWORD}) for the command line
 * and from Spring's configuration for the server.
 *
 * @param backend the backend's name: {@code duckdb} (default), {@code postgres} or {@code druid}
 * @param dataDir the data directory: the DuckDB file, and the ETL's work area for other backends
 * @param url the backend's URL (empty for DuckDB, which lives in {@code dataDir})
 * @param username the backend's user, or empty
 * @param password the backend's password, or empty
 * @param poolSize connections in the pool; 0 for the backend's default
 * @param options what only one backend needs, by key: {@code druid.overlord-url},
 *     {@code druid.ingest}, {@code duckdb.memory-limit}, … (from {@code TELECUBE_DRUID_OVERLORD_URL},
 *     {@code TELECUBE_DRUID_INGEST}, {@code TELECUBE_DUCKDB_MEMORY_LIMIT}), and {@link #POOL_TIMEOUT_MILLIS}
 */
public record BackendSettings(String backend, Path dataDir, String url, String username, String password,
                              int poolSize, Map<String, String> options) {
  public static final String DEFAULT_BACKEND = "duckdb";
  /** Environment variables naming a backend's own options: TELECUBE_DRUID_OVERLORD_URL → druid.overlord-url. */
  private static final String[] OPTION_PREFIXES = {"DRUID", "DUCKDB"};
  /** Option: the longest wait, in milliseconds, for a pooled connection (the server keeps it short: load is a 503). */
  public static final String POOL_TIMEOUT_MILLIS = "pool.timeout-ms";

  public BackendSettings {
    backend = backend == null || backend.isBlank() ? DEFAULT_BACKEND : backend.trim().toLowerCase(Locale.ROOT);
    url = url == null ? "" : url.trim();
    username = username == null ? "" : username;
    password = password == null ? "" : password;
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  public BackendSettings(String backend, Path dataDir, String url, String username, String password, int poolSize) {
    this(backend, dataDir, url, username, password, poolSize, Map.of());
  }

  /** The embedded default in {@code dataDir}. */
  public static BackendSettings embedded(Path dataDir) {
    return new BackendSettings(DEFAULT_BACKEND, dataDir, "", "", "", 0);
  }

  /** From the environment variables above, with {@code dataDir} from the caller. */
  public static BackendSettings fromEnvironment(Path dataDir) {
    return new BackendSettings(System.getenv("TELECUBE_BACKEND"), dataDir, System.getenv("TELECUBE_WAREHOUSE_URL"),
        System.getenv("TELECUBE_WAREHOUSE_USERNAME"), System.getenv("TELECUBE_WAREHOUSE_PASSWORD"), 0,
        optionsFrom(System.getenv()));
  }

  /** The backend options among {@code environment}: {@code TELECUBE_DRUID_INGEST_DIR} → {@code druid.ingest-dir}. */
  public static Map<String, String> optionsFrom(Map<String, String> environment) {
    Map<String, String> options = new TreeMap<>();
    environment.forEach((name, value) -> {
      for (String prefix : OPTION_PREFIXES) {
        String full = "TELECUBE_" + prefix + "_";
        if (name.startsWith(full) && name.length() > full.length() && value != null && !value.isBlank()) {
          options.put(prefix.toLowerCase(Locale.ROOT) + "."
              + name.substring(full.length()).toLowerCase(Locale.ROOT).replace('_', '-'), value.trim());
        }
      }
    });
    return options;
  }

  /** The option {@code key}, or {@code fallback} when it is not set. */
  public String option(String key, String fallback) {
    String value = options.get(key);
    return value == null || value.isBlank() ? fallback : value;
  }

  public BackendSettings withBackend(String name) {
    return new BackendSettings(name, dataDir, url, username, password, poolSize, options);
  }

  public BackendSettings withOptions(Map<String, String> more) {
    Map<String, String> merged = new TreeMap<>(options);
    merged.putAll(more);
    return new BackendSettings(backend, dataDir, url, username, password, poolSize, merged);
  }

  @Override
  public String toString() {
    // never the password
    return "BackendSettings[backend=" + backend + ", dataDir=" + dataDir + ", url=" + url + ", username=" + username
        + ", options=" + options + "]";
  }
}
