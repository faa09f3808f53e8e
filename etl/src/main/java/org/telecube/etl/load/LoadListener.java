package org.telecube.etl.load;

import java.util.List;

/**
 * Follows a batch as it loads. Called on the loading thread; keep it quick. Every method has a
 * do-nothing default.
 */
public interface LoadListener {
  LoadListener NONE = new LoadListener() {
  };

  /** The batch's files are known and ordered; nothing is loaded yet. */
  default void batchStarted(long batchId, List<FeedFile> files) {
  }

  default void fileStarted(FeedFile file) {
  }

  /**
   * Rows read so far from {@code file}, every few thousand rows.
   *
   * @param bytesRead bytes of the file read so far, against {@link FeedFile#sizeBytes()}
   */
  default void rowsProgressed(FeedFile file, long rowsRead, long bytesRead) {
  }

  default void fileFinished(FeedFile file, FileSummary summary) {
  }

  /** A step after reading, e.g. "merging billing" or "deriving facts". */
  default void phase(String description) {
  }

  /** The batch committed. */
  default void batchFinished(LoadSummary summary) {
  }
}
