package org.telecube.etl.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.telecube.etl.feed.FeedKind;

/**
 * What became of one file of a batch.
 *
 * @param rowsRead data rows in the file (header excluded)
 * @param rowsLoaded rows that passed validation and were staged
 * @param rowsRejected rows rejected (one or more rejects each, see etl_reject)
 * @param skippedReason null when loaded; else why not, e.g. {@code already loaded in batch 3}
 * @param seconds time spent reading, validating and staging the file
 */
public record FileSummary(String fileName, FeedKind feed, String sha256, long rowsRead, long rowsLoaded,
                          long rowsRejected, String skippedReason, double seconds) {

  /**
   * In the JSON too, so a client of the server's loads ({@code /api/etl/uploads},
   * {@code /api/etl/batches}) reports skipped files as the CLI does.
   */
  @JsonProperty("skipped")
  public boolean skipped() {
    return skippedReason != null;
  }

  public double rowsPerSecond() {
    return seconds <= 0 ? 0 : rowsRead / seconds;
  }
}
