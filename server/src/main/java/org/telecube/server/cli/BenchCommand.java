package org.telecube.server.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.QueryEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code telecube bench}: cube queries through the engine (validate, plan with Calcite, unparse,
 * run, shape) against the same questions as hand-written SQL on the raw star tables, in one run
 * on the same data, on each backend named (e.g. DuckDB, PostgreSQL and Druid side by side, each
 * server backend at its own {@code --postgres-url} / {@code --druid-url}); with {@code --load},
 * first loads the feeds into a fresh warehouse per backend and times that too. Prints medians, the
 * engine/raw ratio per backend and every other backend's engine time against raw SQL on DuckDB.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Time cube queries against hand-written SQL on the same data, on one or more backends side by side.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand
  TelecubeCommand root;

  @Option(names = "--runs", defaultValue = "15", description = "Timed runs per case (default 15).")
  int runs;

  @Option(names = "--reports-month", paramLabel = "YYYY-MM",
      description = "Also time rendering each report (PDF, the whole country) for this month.")
  String reportsMonth;

  @Option(names = "--skip-queries", description = "Only time the reports.")
  boolean skipQueries;

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
          + " file under the data directory; PostgreSQL: a new schema telecube_bench in its database; Druid: the"
          + " star's datasources on that cluster emptied first, so give it a cluster of its own).")
  java.nio.file.Path load;

  record Case(String name, CubeQuery query, String sql) {
  }

  /** The bench's questions, each with hand-written SQL DuckDB, PostgreSQL and Druid run. */
  static List<Case> cases() {
    return List.of(
        new Case("revenue by province x month",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.province", "time.month")),
            "SELECT r.province_code, r.province_name_zh, m.month_code, sum(f.amount) FROM fact_billing f "
                + "JOIN dim_region r ON r.city_code = f.city_code JOIN dim_month m ON m.month_key = f.month_key "
                + "GROUP BY r.province_code, r.province_name_zh, m.month_code ORDER BY 1, 3"),
        new Case("ARPU by city (one year)",
            CubeQuery.of("revenue", List.of("arpu"), List.of("region.city"))
                .withFilters(List.of(LevelFilter.members("time.year", "2025"))),
            "WITH m AS (SELECT f.city_code, f.month_key, sum(f.amount) AS revenue, count(DISTINCT f.subscriber_id) AS billed "
                + "FROM fact_billing f JOIN dim_month d ON d.month_key = f.month_key WHERE d.year_code = '2025' "
                + "GROUP BY f.city_code, f.month_key) "
                + "SELECT r.city_code, r.city_name_zh, sum(revenue) / count(*) / avg(billed) FROM m "
                + "JOIN dim_region r ON r.city_code = m.city_code GROUP BY r.city_code, r.city_name_zh ORDER BY 1"),
        new Case("churn rate by macro-region x quarter",
            CubeQuery.of("subscribers", List.of("churn_rate"), List.of("region.macro_region", "time.quarter")),
            "WITH m AS (SELECT r.macro_region, d.quarter_code, f.month_key, sum(f.is_churned) AS churned, "
                + "sum(f.active_start) AS active_start FROM fact_subscriber_month f JOIN dim_region r ON r.city_code = f.city_code "
                + "JOIN dim_month d ON d.month_key = f.month_key GROUP BY r.macro_region, d.quarter_code, f.month_key), "
                + "q AS (SELECT quarter_code, min(month_key) AS first_month FROM m GROUP BY quarter_code) "
                // ON rather than USING: Druid does not group by a USING column qualified by one side
                + "SELECT m.macro_region, m.quarter_code, 1.0 * sum(m.churned) / sum(m.active_start) FILTER (WHERE m.month_key = q.first_month) "
                + "FROM m JOIN q ON q.quarter_code = m.quarter_code GROUP BY m.macro_region, m.quarter_code ORDER BY 1, 2"),
        new Case("active subscribers by year (semi-additive)",
            CubeQuery.of("subscribers", List.of("active_end"), List.of("time.year")),
            "WITH m AS (SELECT d.year_code, f.month_key, sum(f.active_end) AS active_end FROM fact_subscriber_month f "
                + "JOIN dim_month d ON d.month_key = f.month_key GROUP BY d.year_code, f.month_key) "
                + "SELECT year_code, sum(active_end) FILTER (WHERE month_key = (SELECT max(month_key) FROM m m2 "
                + "WHERE m2.year_code = m.year_code)) FROM m GROUP BY year_code ORDER BY 1"),
        new Case("MoU by province (drill-across)",
            CubeQuery.of("usage", List.of("mou"), List.of("region.province")),
            "WITH u AS (SELECT r.province_code, sum(f.duration_sec) / 60.0 AS minutes, count(DISTINCT f.month_key) AS months "
                + "FROM fact_usage f JOIN dim_region r ON r.city_code = f.city_code GROUP BY r.province_code), "
                + "a AS (SELECT r.province_code, sum(f.active_end) AS active_end FROM fact_subscriber_month f "
                + "JOIN dim_region r ON r.city_code = f.city_code WHERE f.month_key = (SELECT max(month_key) FROM fact_subscriber_month) "
                + "GROUP BY r.province_code) "
                + "SELECT province_code, minutes / months / active_end FROM u JOIN a USING (province_code) ORDER BY 1"),
        new Case("revenue by province x month + MoM change",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.province", "time.month"))
                .withTimeIntelligence(List.of("previous_period_change")),
            "WITH m AS (SELECT r.province_code, f.month_key, sum(f.amount) AS revenue FROM fact_billing f "
                + "JOIN dim_region r ON r.city_code = f.city_code GROUP BY r.province_code, f.month_key) "
                + "SELECT province_code, month_key, revenue, revenue / lag(revenue) OVER (PARTITION BY province_code ORDER BY month_key) - 1 "
                + "FROM m ORDER BY 1, 2"),
        new Case("revenue by province x quarter, totals",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
                .withColumns(List.of("time.quarter")).withTotals(true),
            "SELECT r.province_code, d.quarter_code, sum(f.amount) FROM fact_billing f "
                + "JOIN dim_region r ON r.city_code = f.city_code JOIN dim_month d ON d.month_key = f.month_key "
                + "GROUP BY ROLLUP (r.province_code, d.quarter_code) ORDER BY 1, 2"));
  }

  /** One backend's figures. */
  private record Timing(double loadSeconds, List<double[]> cases) {
  }

  @Override
  public Integer call() throws Exception {
    List<String> names = backends == null || backends.isEmpty() ? List.of(root.backendSettings().backend()) : backends;
    List<Timing> timings = new ArrayList<>();
    for (String name : names) {
      timings.add(time(name));
    }
    if (skipQueries) {
      return 0;
    }
    System.out.println();
    // every engine time is also set against raw SQL on DuckDB, when DuckDB is among the backends
    int duckdb = names.indexOf("duckdb");
    StringBuilder header = new StringBuilder(String.format(java.util.Locale.ROOT, "%-45s", "case"));
    for (String name : names) {
      header.append(String.format(java.util.Locale.ROOT, " %16s %16s %7s", name + " engine ms", name + " raw ms", "ratio"));
      if (duckdb >= 0 && !name.equals("duckdb")) {
        header.append(String.format(java.util.Locale.ROOT, " %16s", name + "/duckdb raw"));
      }
    }
    System.out.println(header);
    List<Case> cases = cases();
    for (int i = 0; i < cases.size(); i++) {
      StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%-45s", cases.get(i).name()));
      for (int b = 0; b < names.size(); b++) {
        double[] c = timings.get(b).cases().get(i);
        line.append(String.format(java.util.Locale.ROOT, " %16s %16s %7s", ms(c[0]), ms(c[1]), ratio(c[0], c[1])));
        if (duckdb >= 0 && b != duckdb) {
          line.append(String.format(java.util.Locale.ROOT, " %16s", ratio(c[0], timings.get(duckdb).cases().get(i)[1])));
        }
      }
      System.out.println(line);
    }
    if (load != null) {
      for (int i = 0; i < names.size(); i++) {
        System.out.printf(java.util.Locale.ROOT, "load %-10s %8.1f s%n", names.get(i), timings.get(i).loadSeconds());
      }
    }
    return 0;
  }

  /** A median in milliseconds, or why there is none. */
  private static String ms(double value) {
    return Double.isNaN(value) ? "failed" : String.format(java.util.Locale.ROOT, "%.1f", value);
  }

  private static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? "-" : String.format(java.util.Locale.ROOT, "%.2fx", a / b);
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

  private Timing time(String name) throws Exception {
    BackendSettings settings = settingsFor(name);
    double loadSeconds = 0;
    if (load != null) {
      java.nio.file.Path marker = BenchDruid.marker(settings);
      settings = BenchWarehouse.fresh(settings);
      try (Warehouse warehouse = Warehouse.open(settings)) {
        if (name.equals("druid")) {
          BenchDruid.reset(warehouse, marker);
        }
        long t0 = System.nanoTime();
        org.telecube.etl.load.EtlLoader.load(warehouse, org.telecube.etl.load.FeedPaths.expand(List.of(load)),
            java.util.Optional.empty(), new org.telecube.etl.load.ConsoleLoadListener());
        loadSeconds = (System.nanoTime() - t0) / 1e9;
        if (name.equals("druid")) {
          BenchDruid.remember(warehouse, marker);
        }
      }
    }
    try (Warehouse warehouse = Warehouse.open(settings)) {
      System.out.println("== " + warehouse.backend().name() + " at " + warehouse.backend().location());
      QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model());
      if (reportsMonth != null) {
        org.telecube.reports.ReportService reports = new org.telecube.reports.ReportService(engine);
        for (org.telecube.reports.definition.ReportDefinition r : reports.catalog()) {
          double ms = median(() -> reports.render(r.id(), reportsMonth, null, "zh-CN", "pdf"));
          System.out.printf("report %-38s %10.0f ms (median of %d after warm-up, PDF, whole country)%n", r.id(), ms, runs);
        }
      }
      List<double[]> out = new ArrayList<>();
      if (!skipQueries) {
        for (Case c : cases()) {
          // a case one backend cannot answer is reported, and the others still run
          double engineMs = attempt(c.name(), "engine", () -> median(() -> engine.execute(c.query())));
          double rawMs = attempt(c.name(), "raw SQL", () -> {
            try (Connection conn = warehouse.backend().dataSource().getConnection()) {
              return median(() -> drain(conn, c.sql()));
            }
          });
          System.out.printf(java.util.Locale.ROOT, "%-45s engine %8s ms, raw SQL %8s ms%n", c.name(), ms(engineMs),
              ms(rawMs));
          out.add(new double[] {engineMs, rawMs});
        }
      }
      return new Timing(loadSeconds, out);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private interface Timed {
    double call() throws Exception;
  }

  private static double attempt(String name, String what, Timed timed) {
    try {
      return timed.call();
    } catch (Exception e) {
      System.out.println(name + ": " + what + " failed: " + CliErrors.describe(e));
      return Double.NaN;
    }
  }

  private double median(Work work) {
    try {
      for (int i = 0; i < 3; i++) {
        work.run();
      }
      double[] times = new double[runs];
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        work.run();
        times[i] = (System.nanoTime() - t) / 1e6;
      }
      Arrays.sort(times);
      return times[runs / 2];
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  private static void drain(Connection conn, String sql) throws SQLException {
    List<Object> sink = new ArrayList<>();
    try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= n; i++) {
          sink.add(rs.getObject(i));
        }
      }
    }
  }
}
