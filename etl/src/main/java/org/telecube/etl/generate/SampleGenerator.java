package org.telecube.etl.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.telecube.warehouse.reference.ReferenceData;

/**
 * Generates the sample feeds: a subscriber base simulated month by month, written as one
 * subscribers, billing, usage and service_events file per month (see the feed contract). Same
 * settings, same bytes. Memory stays proportional to the number of subscribers (about 50 bytes
 * each); rows are streamed to disk as they are made.
 */
public final class SampleGenerator {
  private final ReferenceData reference;
  private final int threads;

  /** A generator over the reference data shipped with this build. */
  public SampleGenerator() {
    this(ReferenceData.shipped(), defaultThreads());
  }

  /** Worker threads; the calling thread writes. More than four gains nothing on disk-bound runs. */
  private static int defaultThreads() {
    return Math.min(4, Runtime.getRuntime().availableProcessors());
  }

  /** @param threads simulation threads; the output does not depend on it (1 runs inline) */
  SampleGenerator(ReferenceData reference, int threads) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.threads = Math.max(1, threads);
  }

  /**
   * Writes {@code settings.months()} months of files into {@code settings.outDir()}.
   *
   * @param listener told after each month; may be null
   * @throws IOException when a file cannot be written (files already written are left in place)
   */
  public GenerationSummary generate(GeneratorSettings settings, GenerationListener listener)
      throws IOException {
    Objects.requireNonNull(settings, "settings");
    GenerationListener progress = listener == null ? GenerationListener.NONE : listener;
    long started = System.nanoTime(); // for the summary only; never feeds the simulation

    Path dir = settings.outDir();
    Files.createDirectories(dir);
    long seed = settings.seed();
    List<MonthInfo> months = new ArrayList<>();
    for (int i = 0; i < settings.months(); i++) {
      months.add(MonthInfo.of(i, settings.firstMonth().plusMonths(i)));
    }
    MonthInfo first = months.get(0);
    MonthInfo last = months.get(months.size() - 1);

    Geography geography = Geography.of(reference);
    PlanCatalog catalog = PlanCatalog.of(reference);
    // Room for the base plus the joins of every month (~2% a month) without regrowing.
    SubscriberTable table = new SubscriberTable((int) Math.min(Integer.MAX_VALUE - 16L,
        (long) (settings.subscribers() * (1.05 + 0.03 * settings.months()))));
    Formats formats = new Formats(first.firstDay() - 11 * 366, last.lastDay() + 3 * 366);
    Enrolment enrolment = new Enrolment(seed, geography, catalog, table, first);
    Lifecycle lifecycle = new Lifecycle(table, catalog, enrolment);
    ChurnModel churn = new ChurnModel(table, lifecycle, seed);
    BillingModel billing = new BillingModel(table, catalog, lifecycle, formats, seed);
    UsageModel usage = new UsageModel(table, catalog, formats, seed);
    EventModel events = new EventModel(formats);
    SnapshotModel snapshot = new SnapshotModel(table, catalog, geography, formats, new Msisdn(seed));

    enrolment.createBase(settings.subscribers());
    churn.primeBase(table.size, first);

    List<Path> files = new ArrayList<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Feed feed : Feed.values()) {
      rows.put(feed.stem, 0L);
    }
    // The models are stateless; each worker thread gets its own simulator (its scratch state).
    try (MonthRunner runner = new MonthRunner(threads, () -> new MonthSimulator(seed, table,
        catalog, lifecycle, churn, billing, usage, events, snapshot))) {
      int activeBase = table.size;
      for (MonthInfo mo : months) {
        enrolment.joinDuring(mo, activeBase);
        try (MonthFiles out = MonthFiles.create(dir, mo.month(), settings.gzip())) {
          activeBase = runner.run(mo, table.size, out);
          for (Feed feed : Feed.values()) {
            FeedFile f = out.get(feed);
            files.add(f.path());
            rows.merge(feed.stem, f.rows(), Long::sum);
          }
        }
        progress.monthWritten(mo.month(), mo.index() + 1, months.size());
      }
    }
    return new GenerationSummary(files, rows, Duration.ofNanos(System.nanoTime() - started));
  }
}
