package org.telecube.server.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.load.LoadSummary;
import org.telecube.server.bench.BackendTimes;
import org.telecube.server.bench.BenchFeeds;
import org.telecube.server.bench.BenchReport;
import org.telecube.server.bench.BenchServer;
import org.telecube.server.bench.ConcurrencyBench;
import org.telecube.server.bench.ConcurrencyResult;
import org.telecube.server.bench.HttpBench;
import org.telecube.server.bench.HttpTimes;
import org.telecube.server.bench.LoadBench;
import org.telecube.server.bench.LoadFigures;
import org.telecube.server.bench.Machine;
import org.telecube.server.bench.PostgresIndexes;
import org.telecube.server.bench.Question;
import org.telecube.server.bench.QuestionBench;
import org.telecube.server.bench.Questions;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.query.QueryEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code telecube bench}: the figures issue 13 is measured by, in one run on the same data and
 * machine. With {@code --scale} it generates (or reuses) feeds of that many subscribers, with
 * {@code --load} it takes given feeds; either is loaded into a fresh warehouse per backend and
 * timed. Then the questions ({@link Questions}) through the engine and as hand-written SQL on each
 * backend (answers checked equal), through the HTTP API of the real server started in this JVM on
 * the DuckDB warehouse (with and without aggregates, and a cached repeat), the server under
 * concurrent clients, and the load per feed against DuckDB's bare read plus small batches. The
 * parts live in {@code org.telecube.server.bench}; this class only orders them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time loads, cube questions (in-process, over HTTP, against hand-written SQL) and concurrent"
        + " clients, on one or more backends side by side.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand
  TelecubeCommand root;

  @Option(names = "--runs", defaultValue = "15", description = "Timed runs per case (default 15).")
  int runs;

  @Option(names = "--warmups", defaultValue = "3", description = "Untimed runs before them (default 3).")
  int warmups;

  @Option(names = "--reports-month", paramLabel = "YYYY-MM",
      description = "Also time rendering each report (PDF, the whole country) for this month.")
  String reportsMonth;

  @Option(names = "--skip-queries", description = "Only time the load and the reports.")
  boolean skipQueries;

  @Option(names = "--skip-http", description = "Do not start the server: no HTTP timings, no concurrency.")
  boolean skipHttp;

  @Option(names = "--skip-batches", description = "Do not time the one-day and one-row batches after the load.")
  boolean skipBatches;

  @Option(names = "--clients", split = ",", paramLabel = "N[,N]", defaultValue = "20,50",
      description = "Concurrent clients, one run each (default 20,50; 0 for none).")
  List<Integer> clients;

  @Option(names = "--duration", defaultValue = "60", paramLabel = "SECONDS",
      description = "Seconds of each concurrency run (default 60).")
  int durationSeconds;

  @Option(names = "--scale", paramLabel = "SUBSCRIBERS",
      description = "Generate 12 months of feeds for this many subscribers (or reuse them, see --feeds) and load"
          + " them; with --load, only labels that data.")
  Integer scale;

  @Option(names = "--feeds", paramLabel = "DIR",
      description = "Where --scale generates its feeds, reused when they are that scale (default <data-dir>/bench/feeds-<scale>).")
  Path feedsDir;

  @Option(names = "--last-month", paramLabel = "YYYY-MM",
      description = "Last month --scale generates (default: last month, in Asia/Shanghai).")
  YearMonth lastMonth;

  @Option(names = "--backends", split = ",", paramLabel = "NAME[,NAME]",
      description = "Backends to time side by side, e.g. duckdb,postgres,druid (default: --backend). A server"
          + " backend is reached at its --postgres-url / --druid-url, else at $TELECUBE_WAREHOUSE_URL.")
  List<String> backends;

  @Option(names = "--postgres-url", paramLabel = "JDBC-URL",
      description = "PostgreSQL for this run (user and password in the URL; $TELECUBE_WAREHOUSE_USERNAME/PASSWORD"
          + " are not sent to it), e.g. jdbc:postgresql://127.0.0.1:55432/postgres?user=me.")
  String postgresUrl;

  @Option(names = "--druid-url", paramLabel = "URL",
      description = "The Druid router or broker for this run, e.g. http://127.0.0.1:8888 (other Druid settings from"
          + " $TELECUBE_DRUID_*; no credentials sent).")
  String druidUrl;

  @Option(names = "--load", paramLabel = "DIR",
      description = "First load these feed files into a fresh warehouse per backend and time it (DuckDB: a new"
          + " file under the data directory; PostgreSQL: a new schema telecube_bench in its database, with the"
          + " bench's indexes; Druid: the star's datasources on that cluster emptied first, so give it a cluster"
          + " of its own).")
  Path load;

  /** What one backend's part of the run left for the rest. */
  private record Run(BackendSettings settings, LoadSummary loaded, double loadSeconds, BackendTimes times) {
  }

  private List<Question> questions;
  /** The bench's indexes found on PostgreSQL (made by --load, or by hand on an existing warehouse). */
  private List<String> postgresIndexes = List.of();

  @Override
  public Integer call() throws Exception {
    Path feeds = feeds();
    System.out.println(BenchReport.header(Machine.current(), scaleLabel(feeds), Map.of()));
    List<String> names = backends == null || backends.isEmpty() ? List.of(root.backendSettings().backend()) : backends;
    List<Run> runsByBackend = new ArrayList<>();
    for (String name : names) {
      runsByBackend.add(time(name, feeds));
    }
    Run duckdb = names.contains("duckdb") ? runsByBackend.get(names.indexOf("duckdb")) : null;
    Run postgres = names.contains("postgres") ? runsByBackend.get(names.indexOf("postgres")) : null;

    List<HttpTimes> http = null;
    List<ConcurrencyResult> concurrency = new ArrayList<>();
    Map<String, Long> factRows = Map.of();
    if (duckdb != null && !skipQueries && !skipHttp) {
      try (BenchServer server = BenchServer.start(duckdb.settings().dataDir())) {
        System.out.println("== the server at " + server.base() + " on " + duckdb.settings().dataDir());
        http = new HttpBench(warmups, runs).time(server, questions);
        for (int n : clients) {
          if (n > 0) {
            System.out.printf(Locale.ROOT, "== %d clients for %d s%n", n, durationSeconds);
            concurrency.add(new ConcurrencyBench(questions, month(server.warehouse())[0])
                .run(server, n, Duration.ofSeconds(durationSeconds)));
          }
        }
        factRows = LoadBench.factRows(server.warehouse());
      }
    }
    LoadFigures loadFigures = null;
    if (duckdb != null && duckdb.loaded() != null) {
      Path scratch = BenchWarehouse.benchDir(duckdb.settings()).resolveSibling("scratch");
      List<LoadFigures.Batch> batches = List.of();
      try (Warehouse warehouse = Warehouse.open(duckdb.settings())) {
        if (factRows.isEmpty()) {
          factRows = LoadBench.factRows(warehouse);
        }
        if (!skipBatches) {
          batches = LoadBench.smallBatches(warehouse, feeds, scratch);
        }
      }
      loadFigures = new LoadFigures(duckdb.loadSeconds(), duckdb.loaded().rowsRead(),
          LoadBench.throughput(duckdb.loaded(), feeds, scratch), batches);
    }
    print(feeds, names, runsByBackend, duckdb, postgres, http, concurrency, factRows, loadFigures);
    boolean differ = runsByBackend.stream().filter(r -> r.times() != null)
        .anyMatch(r -> r.times().checks().stream().anyMatch(c -> !c.isEmpty()));
    if (differ) {
      System.out.println("The engine's answers and the hand-written SQL's differ (see \"answers\"): the timings"
          + " of those questions compare different work.");
    }
    return differ ? 1 : 0;
  }

  private void print(Path feeds, List<String> names, List<Run> runsByBackend, Run duckdb, Run postgres,
                     List<HttpTimes> http, List<ConcurrencyResult> concurrency, Map<String, Long> factRows,
                     LoadFigures loadFigures) {
    System.out.println();
    System.out.print(BenchReport.header(Machine.current(), scaleLabel(feeds), factRows));
    System.out.printf(Locale.ROOT, "runs: %d timed after %d warm-ups per case%n", runs, warmups);
    if (!skipQueries && questions != null) {
      System.out.println();
      System.out.println("Questions (ratios: the HTTP time over the SQL's, p50; below 1x TeleCube is faster):");
      System.out.println();
      System.out.print(BenchReport.questions(questions, http, duckdb == null ? null : duckdb.times(),
          postgres == null ? null : postgres.times()));
      if (postgres != null) {
        System.out.println();
        System.out.println(postgresIndexes.isEmpty()
            ? "PostgreSQL: the warehouse's own indexes only (the bench adds its own to a warehouse it loads)."
            : "PostgreSQL indexes beyond the star's own (month_key per fact): " + String.join("; ", postgresIndexes));
      }
      System.out.println();
      System.out.println("The engine in this JVM against each backend's hand-written SQL:");
      System.out.println();
      System.out.print(BenchReport.backends(questions,
          runsByBackend.stream().map(Run::times).filter(t -> t != null).toList()));
    }
    for (int i = 0; i < names.size(); i++) {
      if (runsByBackend.get(i).loaded() != null) {
        System.out.printf(Locale.ROOT, "load %-10s %8.1f s%n", names.get(i), runsByBackend.get(i).loadSeconds());
      }
    }
    if (loadFigures != null) {
      System.out.println();
      System.out.println("Load (DuckDB):");
      System.out.println();
      System.out.print(BenchReport.load(loadFigures));
    }
    if (!concurrency.isEmpty()) {
      System.out.println();
      System.out.println("Concurrent clients (HTTP: the questions in turn, every 10th request a CSV export, every"
          + " 25th a PDF report; peak RSS and heap of this JVM, which runs the server):");
      System.out.println();
      System.out.print(BenchReport.concurrency(concurrency));
    }
  }

  /** The feeds this run loads: --load, else --scale's generated (or reused) ones, else none. */
  private Path feeds() throws Exception {
    if (load != null || scale == null) {
      return load;
    }
    Path dir = feedsDir != null ? feedsDir : root.dataDir.resolve("bench").resolve("feeds-" + scale);
    YearMonth last = lastMonth != null ? lastMonth : GeneratorSettings.defaultLastMonth(Clock.systemUTC());
    return BenchFeeds.prepare(dir, scale, last);
  }

  private String scaleLabel(Path feeds) {
    String data = feeds == null ? "the warehouse in " + root.dataDir : "feeds in " + feeds;
    return scale == null ? data : String.format(Locale.ROOT, "%,d subscribers x 12 months (%s)", scale, data);
  }

  /** Where backend {@code name} is for this run: its own --X-url when given, else the environment's. */
  private BackendSettings settingsFor(String name) {
    // the embedded backend takes no URL, even when the environment names a server one
    if (name.equals("duckdb")) {
      return BackendSettings.embedded(root.dataDir);
    }
    BackendSettings settings = root.backendSettings().withBackend(name);
    String url = switch (name) {
      case "postgres" -> postgresUrl;
      case "druid" -> druidUrl;
      default -> null;
    };
    return url == null || url.isBlank() ? settings
        : new BackendSettings(name, settings.dataDir(), url, "", "", settings.poolSize(), settings.options());
  }

  private Run time(String name, Path feeds) throws Exception {
    BackendSettings settings = settingsFor(name);
    double loadSeconds = 0;
    LoadSummary loaded = null;
    if (feeds != null) {
      Path marker = BenchDruid.marker(settings);
      settings = BenchWarehouse.fresh(settings);
      try (Warehouse warehouse = Warehouse.open(settings)) {
        if (name.equals("druid")) {
          BenchDruid.reset(warehouse, marker);
        }
        long t0 = System.nanoTime();
        loaded = LoadBench.load(warehouse, feeds);
        loadSeconds = (System.nanoTime() - t0) / 1e9;
        if (name.equals("druid")) {
          BenchDruid.remember(warehouse, marker);
        }
        if (name.equals("postgres")) {
          PostgresIndexes.create(warehouse);
        }
      }
    }
    try (Warehouse warehouse = Warehouse.open(settings)) {
      System.out.println("== " + warehouse.backend().name() + " at " + warehouse.backend().location());
      if (name.equals("postgres")) {
        postgresIndexes = PostgresIndexes.present(warehouse);
      }
      if (reportsMonth != null) {
        QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model());
        org.telecube.reports.ReportService reports = new org.telecube.reports.ReportService(engine);
        for (org.telecube.reports.definition.ReportDefinition r : reports.catalog()) {
          double ms = org.telecube.server.bench.Samples.time(1, runs,
              () -> reports.render(r.id(), reportsMonth, null, "zh-CN", "pdf")).p50();
          System.out.printf(Locale.ROOT, "report %-38s %10.0f ms (median of %d after warm-up, PDF, whole country)%n",
              r.id(), ms, runs);
        }
      }
      BackendTimes times = null;
      if (!skipQueries) {
        if (questions == null) {
          String[] period = month(warehouse);
          questions = Questions.all(period[0], period[1]);
        }
        times = new QuestionBench(warmups, runs).time(warehouse, questions);
      }
      return new Run(settings, loaded, loadSeconds, times);
    }
  }

  /** The last month holding billing and its year, e.g. {@code 2026-11} and {@code 2026}. */
  private static String[] month(Warehouse warehouse) throws java.sql.SQLException {
    try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT month_code, year_code FROM dim_month "
             + "WHERE month_key = (SELECT max(month_key) FROM fact_billing)")) {
      if (!rs.next() || rs.getString(1) == null) {
        throw new IllegalStateException("the warehouse holds no billing: load feeds first (--load DIR or --scale N)");
      }
      return new String[] {rs.getString(1), rs.getString(2)};
    }
  }
}
