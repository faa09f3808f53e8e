package org.telecube.warehouse.query;

import java.util.function.LongSupplier;

/**
 * The warehouse's data version ({@code Backend.dataVersion()}), read at most once per
 * {@code ttlMillis}: on every backend it is a query (the last batch published), which a cache
 * lookup must not pay each time. A load in another process is seen within the TTL; a load in
 * this process calls {@link #refresh()} and is seen at once.
 */
final class DataVersion {
  private final LongSupplier source;
  private final long ttlNanos;
  private long value;
  private long readAt;
  private boolean known;

  DataVersion(LongSupplier source, long ttlMillis) {
    this.source = source;
    this.ttlNanos = ttlMillis * 1_000_000;
  }

  synchronized long current() {
    long now = System.nanoTime();
    if (!known || now - readAt >= ttlNanos) {
      value = source.getAsLong();
      readAt = now;
      known = true;
    }
    return value;
  }

  /** The next {@link #current()} reads the backend again. */
  synchronized void refresh() {
    known = false;
  }
}
