package org.telecube.server.bench;

/**
 * One feed's load against the limit: {@code telecube etl load}'s reading, validating and staging
 * of its files, and DuckDB's bare {@code read_csv} of the same files into a plain table.
 */
public record FeedThroughput(String feed, long rows, double etlSeconds, double bareSeconds) {
  public double etlRowsPerSecond() {
    return etlSeconds <= 0 ? Double.NaN : rows / etlSeconds;
  }

  public double bareRowsPerSecond() {
    return bareSeconds <= 0 ? Double.NaN : rows / bareSeconds;
  }
}
