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
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.QueryEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code telecube bench}: cube queries through the engine (validate, plan with Calcite, unparse,
 * run, shape) against the same questions as hand-written SQL on the raw star tables, in one run
 * on the same data. Prints medians and the engine/raw ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Time cube queries against hand-written DuckDB SQL on the same data.")
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

  record Case(String name, CubeQuery query, String sql) {
  }

  static List<Case> cases() {
    return List.of(
        new Case("revenue by province x month",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.province", "time.month")),
            "SELECT r.province_code, r.province_name_zh, m.month_code, sum(f.amount) FROM fact_billing f "
                + "JOIN dim_region r ON r.city_code = f.city_code JOIN dim_month m ON m.month_key = f.month_key "
                + "GROUP BY ALL ORDER BY 1, 3"),
        new Case("ARPU by city (one year)",
            CubeQuery.of("revenue", List.of("arpu"), List.of("region.city"))
                .withFilters(List.of(LevelFilter.members("time.year", "2025"))),
            "WITH m AS (SELECT f.city_code, f.month_key, sum(f.amount) AS revenue, count(DISTINCT f.subscriber_id) AS billed "
                + "FROM fact_billing f JOIN dim_month d ON d.month_key = f.month_key WHERE d.year_code = '2025' GROUP BY ALL) "
                + "SELECT r.city_code, r.city_name_zh, sum(revenue) / count(*) / avg(billed) FROM m "
                + "JOIN dim_region r ON r.city_code = m.city_code GROUP BY ALL ORDER BY 1"),
        new Case("churn rate by macro-region x quarter",
            CubeQuery.of("subscribers", List.of("churn_rate"), List.of("region.macro_region", "time.quarter")),
            "WITH m AS (SELECT r.macro_region, d.quarter_code, f.month_key, sum(f.is_churned) AS churned, "
                + "sum(f.active_start) AS active_start FROM fact_subscriber_month f JOIN dim_region r ON r.city_code = f.city_code "
                + "JOIN dim_month d ON d.month_key = f.month_key GROUP BY ALL), "
                + "q AS (SELECT quarter_code, min(month_key) AS first_month FROM m GROUP BY ALL) "
                + "SELECT macro_region, quarter_code, sum(churned) / sum(active_start) FILTER (WHERE month_key = first_month) "
                + "FROM m JOIN q USING (quarter_code) GROUP BY ALL ORDER BY 1, 2"),
        new Case("active subscribers by year (semi-additive)",
            CubeQuery.of("subscribers", List.of("active_end"), List.of("time.year")),
            "WITH m AS (SELECT d.year_code, f.month_key, sum(f.active_end) AS active_end FROM fact_subscriber_month f "
                + "JOIN dim_month d ON d.month_key = f.month_key GROUP BY ALL) "
                + "SELECT year_code, sum(active_end) FILTER (WHERE month_key = (SELECT max(month_key) FROM m m2 "
                + "WHERE m2.year_code = m.year_code)) FROM m GROUP BY ALL ORDER BY 1"),
        new Case("MoU by province (drill-across)",
            CubeQuery.of("usage", List.of("mou"), List.of("region.province")),
            "WITH u AS (SELECT r.province_code, sum(f.duration_sec) / 60.0 AS minutes, count(DISTINCT f.month_key) AS months "
                + "FROM fact_usage f JOIN dim_region r ON r.city_code = f.city_code GROUP BY ALL), "
                + "a AS (SELECT r.province_code, sum(f.active_end) AS active_end FROM fact_subscriber_month f "
                + "JOIN dim_region r ON r.city_code = f.city_code WHERE f.month_key = (SELECT max(month_key) FROM fact_subscriber_month) GROUP BY ALL) "
                + "SELECT province_code, minutes / months / active_end FROM u JOIN a USING (province_code) ORDER BY 1"),
        new Case("revenue by province x month + MoM change",
            CubeQuery.of("revenue", List.of("revenue"), List.of("region.province", "time.month"))
                .withTimeIntelligence(List.of("previous_period_change")),
            "WITH m AS (SELECT r.province_code, f.month_key, sum(f.amount) AS revenue FROM fact_billing f "
                + "JOIN dim_region r ON r.city_code = f.city_code GROUP BY ALL) "
                + "SELECT province_code, month_key, revenue, revenue / lag(revenue) OVER (PARTITION BY province_code ORDER BY month_key) - 1 "
                + "FROM m ORDER BY 1, 2"));
  }

  @Override
  public Integer call() throws SQLException {
    try (Warehouse warehouse = Warehouse.openEmbedded(root.dataDir)) {
      QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model());
      if (reportsMonth != null) {
        org.telecube.reports.ReportService reports = new org.telecube.reports.ReportService(engine);
        for (org.telecube.reports.definition.ReportDefinition r : reports.catalog()) {
          double ms = median(() -> reports.render(r.id(), reportsMonth, null, "zh-CN", "pdf"));
          System.out.printf("report %-38s %10.0f ms (median of %d after warm-up, PDF, whole country)%n", r.id(), ms, runs);
        }
      }
      if (skipQueries) {
        return 0;
      }
      System.out.printf("%-45s %10s %12s %12s %8s%n", "case", "plan ms", "engine ms", "raw SQL ms", "ratio");
      for (Case c : cases()) {
        double planMs = median(() -> engine.explain(c.query()));
        double engineMs = median(() -> engine.execute(c.query()));
        double rawMs;
        try (Connection conn = warehouse.backend().dataSource().getConnection()) {
          rawMs = median(() -> drain(conn, c.sql()));
        }
        System.out.printf("%-45s %10.2f %12.1f %12.1f %7.2fx%n", c.name(), planMs, engineMs, rawMs, engineMs / rawMs);
      }
    }
    return 0;
  }

  private interface Work {
    void run() throws Exception;
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
