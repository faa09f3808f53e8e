package org.telecube.server.bench;

import java.util.List;

/**
 * A load's figures: the full load per feed against DuckDB's bare read, and small batches into the
 * loaded warehouse.
 *
 * @param wallSeconds the whole first load (read, validate, stage, merge, derive, publish)
 * @param rows feed rows of the first load
 * @param batches one-day and one-row batches (NaN seconds when not run)
 */
public record LoadFigures(double wallSeconds, long rows, List<FeedThroughput> feeds, List<Batch> batches) {
  public LoadFigures {
    feeds = List.copyOf(feeds);
    batches = List.copyOf(batches);
  }

  /** A small batch into the loaded warehouse. */
  public record Batch(String what, long rows, double seconds) {
    public double rowsPerSecond() {
      return seconds <= 0 ? Double.NaN : rows / seconds;
    }
  }
}
