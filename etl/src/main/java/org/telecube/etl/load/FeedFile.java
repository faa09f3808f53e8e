package org.telecube.etl.load;

import java.nio.file.Path;
import org.telecube.etl.feed.FeedKind;

/**
 * A file of a batch and the feed it is read as.
 *
 * @param sizeBytes size on disk (compressed for gzip), the total of a progress bar
 */
public record FeedFile(Path path, FeedKind kind, long sizeBytes) {

  /** The file name without directory, as reported and recorded. */
  public String name() {
    return path.getFileName().toString();
  }
}
