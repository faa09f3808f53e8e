package org.telecube.backend.duckdb;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.regex.Pattern;
import org.telecube.warehouse.backend.BackendSettings;

/**
 * What DuckDB may take in this process: {@code memory_limit} (beyond it, big aggregations spill
 * to disk instead of growing the process), {@code threads}, and how long a caller waits for a
 * pooled connection. Options {@code duckdb.memory-limit} / {@code duckdb.threads}
 * ({@code TELECUBE_DUCKDB_MEMORY_LIMIT}, {@code TELECUBE_DUCKDB_THREADS}) and
 * {@value BackendSettings#POOL_TIMEOUT_MILLIS}.
 *
 * @param memoryLimit as DuckDB spells it: {@code 2GB}, {@code 512MiB}
 * @param threads DuckDB's worker threads, shared by every connection
 * @param poolTimeoutMillis longest wait for a connection of the pool
 */
public record DuckDbLimits(String memoryLimit, int threads, long poolTimeoutMillis) {
  private static final Pattern SIZE = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)",
      Pattern.CASE_INSENSITIVE);
  /** HikariCP's own default. */
  static final long DEFAULT_POOL_TIMEOUT_MILLIS = 30_000;

  public DuckDbLimits {
    if (!SIZE.matcher(memoryLimit).matches()) {
      throw new IllegalArgumentException("duckdb.memory-limit (TELECUBE_DUCKDB_MEMORY_LIMIT) must be a size such"
          + " as 2GB or 512MiB, not \"" + memoryLimit + "\"");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("duckdb.threads (TELECUBE_DUCKDB_THREADS) must be at least 1, not " + threads);
    }
  }

  /**
   * The defaults: 40% of the machine's memory (DuckDB's own is 80%, which leaves too little for the
   * JVM beside it under load) and a thread per processor.
   */
  public static DuckDbLimits defaults() {
    return new DuckDbLimits(defaultMemoryLimit(), Runtime.getRuntime().availableProcessors(),
        DEFAULT_POOL_TIMEOUT_MILLIS);
  }

  /** From {@code settings}' options, each falling back to its default. */
  public static DuckDbLimits from(BackendSettings settings) {
    DuckDbLimits d = defaults();
    String threads = settings.option("duckdb.threads", String.valueOf(d.threads()));
    String timeout = settings.option(BackendSettings.POOL_TIMEOUT_MILLIS, String.valueOf(d.poolTimeoutMillis()));
    try {
      return new DuckDbLimits(settings.option("duckdb.memory-limit", d.memoryLimit()).trim(),
          Integer.parseInt(threads.trim()), Long.parseLong(timeout.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("duckdb.threads (TELECUBE_DUCKDB_THREADS) must be a whole number, not \""
          + threads + "\"", e);
    }
  }

  /** Run on each new connection: both settings are the database's, so every connection agrees. */
  String initSql() {
    return "SET memory_limit = '" + memoryLimit.replace(" ", "") + "'; SET threads = " + threads;
  }

  private static String defaultMemoryLimit() {
    long total = 0;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      total = os.getTotalMemorySize();
    }
    long mib = total <= 0 ? 2048 : Math.max(256, total * 2 / 5 / (1024 * 1024));
    return String.format(Locale.ROOT, "%dMiB", mib);
  }
}
