package org.telecube.etl.load;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a batch on a console: a progress bar per file (by bytes of the file, with the row count)
 * when attached to a terminal, plain progress lines every few seconds otherwise (logs, CI); then
 * the summary table and the first rejects.
 */
public final class ConsoleLoadListener implements LoadListener {
  private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

  private final PrintStream out;
  private final boolean interactive;
  private ProgressBar bar;
  private long lastLine;
  private long batchStart;

  /** For {@code System.out}, with a bar when {@code System.console() != null}. */
  public ConsoleLoadListener() {
    this(System.out, System.console() != null);
  }

  public ConsoleLoadListener(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  @Override
  public void batchStarted(long batchId, List<FeedFile> files) {
    batchStart = System.nanoTime();
    out.printf(Locale.ROOT, "Loading batch %d: %d file%s%n", batchId, files.size(), files.size() == 1 ? "" : "s");
  }

  @Override
  public void fileStarted(FeedFile file) {
    lastLine = System.nanoTime();
    if (interactive) {
      bar = new ProgressBarBuilder()
          .setTaskName(file.kind().code() + " " + file.name())
          .setInitialMax(Math.max(1, file.sizeBytes()))
          .setUnit(" MB", 1 << 20)
          .setStyle(ProgressBarStyle.ASCII)
          .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
          .setUpdateIntervalMillis(250)
          .build();
    } else {
      out.printf(Locale.ROOT, "  %s (%s): reading%n", file.name(), file.kind().code());
    }
  }

  @Override
  public void rowsProgressed(FeedFile file, long rowsRead, long bytesRead) {
    if (bar != null) {
      bar.stepTo(bytesRead);
      bar.setExtraMessage(String.format(Locale.ROOT, " %,d rows", rowsRead));
      return;
    }
    long now = System.nanoTime();
    if (now - lastLine >= PLAIN_INTERVAL_NANOS) {
      lastLine = now;
      out.printf(Locale.ROOT, "  %s: %,d rows (%d%%)%n", file.name(), rowsRead,
          file.sizeBytes() == 0 ? 100 : Math.min(100, bytesRead * 100 / file.sizeBytes()));
    }
  }

  @Override
  public void fileFinished(FeedFile file, FileSummary summary) {
    if (bar != null) {
      bar.stepTo(bar.getMax());
      bar.close();
      bar = null;
    }
    if (summary.skipped()) {
      out.printf(Locale.ROOT, "  %s: skipped, %s%n", summary.fileName(), summary.skippedReason());
    } else {
      out.printf(Locale.ROOT, "  %s: %,d rows, %,d loaded, %,d rejected in %.1f s%n", summary.fileName(),
          summary.rowsRead(), summary.rowsLoaded(), summary.rowsRejected(), summary.seconds());
    }
  }

  @Override
  public void phase(String description) {
    out.printf(Locale.ROOT, "  [%.1f s] %s%n", (System.nanoTime() - batchStart) / 1e9, description);
  }

  @Override
  public void batchFinished(LoadSummary summary) {
    out.println();
    out.print(summary.render());
    if (!summary.rejects().isEmpty()) {
      out.println();
      out.print(summary.rejects().render());
    }
    out.flush();
  }
}
