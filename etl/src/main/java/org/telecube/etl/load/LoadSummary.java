package org.telecube.etl.load;

import java.util.List;
import java.util.Locale;
import org.telecube.etl.derive.DerivedChanges;

/**
 * What a batch did.
 *
 * @param batchId the batch's id in etl_batch
 * @param files per file, in load order
 * @param seconds wall time of the whole batch (reading, staging, deriving, committing)
 * @param derived what was derived, e.g. {@code [fact_billing 202506, customer analysis from 202506]}
 * @param rejects the batch's rejects (counts and the first few)
 * @param changes per star table, the months whose rows the derivation changed (for refreshing
 *     what is built on them)
 */
public record LoadSummary(long batchId, List<FileSummary> files, double seconds, List<String> derived,
                          RejectReport rejects, DerivedChanges changes) {
  public LoadSummary {
    files = List.copyOf(files);
    derived = List.copyOf(derived);
  }

  public long rowsRead() {
    return files.stream().mapToLong(FileSummary::rowsRead).sum();
  }

  public long rowsLoaded() {
    return files.stream().mapToLong(FileSummary::rowsLoaded).sum();
  }

  public long rowsRejected() {
    return files.stream().mapToLong(FileSummary::rowsRejected).sum();
  }

  public long filesSkipped() {
    return files.stream().filter(FileSummary::skipped).count();
  }

  /** Rows read per second of the whole batch. */
  public double rowsPerSecond() {
    return seconds <= 0 ? 0 : rowsRead() / seconds;
  }

  /** The summary table: one line per file, then totals. */
  public String render() {
    String nl = System.lineSeparator();
    int nameWidth = Math.max(20, files.stream().mapToInt(f -> f.fileName().length()).max().orElse(0));
    String row = "%-15s %-" + nameWidth + "s %12s %12s %9s %8s %10s";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Batch %d: %d file%s (%d skipped), committed in %.1f s", batchId,
        files.size(), files.size() == 1 ? "" : "s", filesSkipped(), seconds)).append(nl);
    sb.append(String.format(Locale.ROOT, row, "feed", "file", "read", "loaded", "rejected", "seconds",
        "rows/s")).append(nl);
    for (FileSummary f : files) {
      if (f.skipped()) {
        sb.append(String.format(Locale.ROOT, "%-15s %-" + nameWidth + "s skipped: %s", f.feed().code(),
            f.fileName(), f.skippedReason())).append(nl);
      } else {
        sb.append(String.format(Locale.ROOT, row, f.feed().code(), f.fileName(), number(f.rowsRead()),
            number(f.rowsLoaded()), number(f.rowsRejected()), String.format(Locale.ROOT, "%.1f", f.seconds()),
            number(Math.round(f.rowsPerSecond())))).append(nl);
      }
    }
    sb.append(String.format(Locale.ROOT, row, "total", "", number(rowsRead()), number(rowsLoaded()),
        number(rowsRejected()), String.format(Locale.ROOT, "%.1f", seconds), number(Math.round(rowsPerSecond()))))
        .append(nl);
    if (!derived.isEmpty()) {
      sb.append("derived: ").append(String.join("; ", derived)).append(nl);
    }
    return sb.toString();
  }

  private static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  @Override
  public String toString() {
    return render();
  }
}
