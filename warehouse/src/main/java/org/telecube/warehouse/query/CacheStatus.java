package org.telecube.warehouse.query;

import java.util.Locale;

/** How an answer met the {@link ResultCache}; its lower-case name is the {@code X-TeleCube-Cache} header value. */
public enum CacheStatus {
  /** Served from the cache. */
  HIT,
  /** Computed, and kept for next time. */
  MISS,
  /** Computed without reading the cache: asked to (Cache-Control: no-cache), the cache is off or the data version unreadable. */
  BYPASS;

  public String header() {
    return name().toLowerCase(Locale.ROOT);
  }
}
