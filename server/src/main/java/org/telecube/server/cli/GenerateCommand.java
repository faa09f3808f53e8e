package org.telecube.server.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.telecube.etl.generate.GenerationSummary;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code telecube generate}: a deterministic sample operator, as feed files. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write a deterministic sample of the four feeds.")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the feeds to.")
  Path out;

  @Option(names = "--subscribers", defaultValue = "100000", description = "Subscribers at the start (default 100000).")
  int subscribers;

  @Option(names = "--months", defaultValue = "13", description = "Months of feeds (default 13).")
  int months;

  @Option(names = "--last-month", paramLabel = "YYYY-MM",
      description = "Last month generated (default: last month, in Asia/Shanghai).")
  YearMonth lastMonth;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same files.")
  long seed;

  @Option(names = "--gzip", description = "Write .csv.gz files.")
  boolean gzip;

  @Override
  public Integer call() throws Exception {
    YearMonth last = lastMonth != null ? lastMonth : GeneratorSettings.defaultLastMonth(Clock.systemUTC());
    GenerationSummary summary = generate(new GeneratorSettings(out, subscribers, months, last, seed, gzip));
    System.out.printf("Wrote %d files to %s in %.1f s%n", summary.files().size(), out.toAbsolutePath(),
        summary.elapsed().toMillis() / 1000.0);
    summary.rowsPerFeed().forEach((feed, rows) -> System.out.printf("  %-15s %,12d rows%n", feed, rows));
    return 0;
  }

  static GenerationSummary generate(GeneratorSettings settings) throws Exception {
    if (System.console() == null) {
      // not a terminal (a log, CI): one plain line per month instead of a redrawn bar
      return new SampleGenerator().generate(settings, (month, index, total) ->
          System.out.printf("  generated %s (%d/%d)%n", month, index, total));
    }
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("generate").setInitialMax(settings.months())
        .setUnit(" months", 1).continuousUpdate().build()) {
      return new SampleGenerator().generate(settings, (month, index, total) -> {
        bar.stepTo(index);
        bar.setExtraMessage(month.toString());
      });
    }
  }
}
