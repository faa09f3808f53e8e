package org.telecube.etl.generate;

import java.util.EnumMap;
import java.util.Map;

/** The rows one run of consecutive subscribers produced in a month, per feed. */
final class Chunk {
  private final Map<Feed, FeedRows> rows = new EnumMap<>(Feed.class);
  /** Subscribers of the chunk still in the base at the month's end. */
  int activeAtEnd;

  Chunk() {
    for (Feed feed : Feed.values()) {
      rows.put(feed, new FeedRows());
    }
  }

  FeedRows rows(Feed feed) {
    return rows.get(feed);
  }
}
