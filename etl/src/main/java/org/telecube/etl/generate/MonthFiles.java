package org.telecube.etl.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

/** The four files of one month, filled chunk by chunk while the month is simulated. */
final class MonthFiles implements Closeable {
  private final Map<Feed, FeedFile> files = new EnumMap<>(Feed.class);

  static MonthFiles create(Path dir, YearMonth month, boolean gzip) throws IOException {
    MonthFiles out = new MonthFiles();
    try {
      for (Feed feed : Feed.values()) {
        out.files.put(feed, FeedFile.create(feed.file(dir, month, gzip), gzip, feed.header));
      }
    } catch (IOException | RuntimeException e) {
      try {
        out.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return out;
  }

  void append(Chunk chunk) throws IOException {
    for (Feed feed : Feed.values()) {
      files.get(feed).append(chunk.rows(feed));
    }
  }

  FeedFile get(Feed feed) {
    return files.get(feed);
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (FeedFile f : files.values()) {
      try {
        f.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
