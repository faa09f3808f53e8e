package org.telecube.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bench's printed tables, as Markdown so a run's output goes into the README as it is. Pure
 * formatting: every figure comes in measured; a figure that could not be measured prints as
 * {@code failed} (a time) or {@code -} (a ratio or a figure not taken in this run).
 */
public final class BenchReport {
  private BenchReport() {
  }

  public static String ms(double value) {
    if (Double.isNaN(value)) {
      return "failed";
    }
    return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@code a / b} as {@code 1.23×}. */
  public static String ratio(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "-" : String.format(Locale.ROOT, "%.2f×", a / b);
  }

  static String seconds(double value) {
    return Double.isNaN(value) ? "failed" : String.format(Locale.ROOT, "%.1f", value);
  }

  static String count(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
  }

  /** An exception in one line, its causes' messages joined. */
  public static String describe(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null && out.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      if (out.indexOf(m) < 0) {
        out.append(out.length() == 0 ? "" : ": ").append(m);
      }
    }
    return out.toString().replaceAll("\\s+", " ");
  }

  /** A Markdown table with the header's columns. */
  public static String table(List<String> header, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    out.append("---|".repeat(header.size())).append('\n');
    for (List<String> row : rows) {
      out.append("| ").append(String.join(" | ", row)).append(" |\n");
    }
    return out.toString();
  }

  /**
   * The questions side by side: through the HTTP API with and without aggregates (p50/p95), one
   * cached repeat, and the hand-written SQL on DuckDB and PostgreSQL; each ratio is the HTTP time
   * over the SQL's (p50; below 1× TeleCube answers faster than the SQL).
   */
  public static String questions(List<Question> questions, List<HttpTimes> http, BackendTimes duckdb,
                                 BackendTimes postgres) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Samples with = http == null ? Samples.FAILED : http.get(i).withAggregates();
      Samples without = http == null ? Samples.FAILED : http.get(i).withoutAggregates();
      Samples duck = duckdb == null ? Samples.FAILED : duckdb.raw().get(i);
      Samples pg = postgres == null ? Samples.FAILED : postgres.raw().get(i);
      List<String> row = new ArrayList<>(List.of(questions.get(i).name(), questions.get(i).kind(),
          ms(with.p50()), ms(with.p95()), ms(without.p50()), ms(without.p95()),
          http == null ? "-" : ms(http.get(i).cachedMillis()),
          ms(duck.p50()), ms(duck.p95()), postgres == null ? "-" : ms(pg.p50()), postgres == null ? "-" : ms(pg.p95()),
          ratio(with.p50(), duck.p50()), ratio(without.p50(), duck.p50()), ratio(with.p50(), pg.p50()),
          answers(questions.get(i), duckdb, postgres, i)));
      rows.add(row);
    }
    return table(List.of("question", "kind", "HTTP p50 ms", "HTTP p95 ms", "without aggregates p50 ms",
        "without aggregates p95 ms", "cached repeat ms", "DuckDB SQL p50 ms", "DuckDB SQL p95 ms",
        "PostgreSQL SQL p50 ms", "PostgreSQL SQL p95 ms", "HTTP / DuckDB SQL", "without aggregates / DuckDB SQL",
        "HTTP / PostgreSQL SQL", "answers"), rows);
  }

  private static String answers(Question q, BackendTimes duckdb, BackendTimes postgres, int i) {
    List<String> differ = new ArrayList<>();
    for (BackendTimes b : new BackendTimes[] {duckdb, postgres}) {
      if (b != null && !b.checks().get(i).isEmpty()) {
        differ.add(b.backend() + ": " + b.checks().get(i));
      }
    }
    return differ.isEmpty() ? "agree" : "DIFFER (" + String.join("; ", differ) + ")";
  }

  /** Each backend's engine in this JVM against its own hand-written SQL (p50). */
  public static String backends(List<Question> questions, List<BackendTimes> backends) {
    List<String> header = new ArrayList<>(List.of("question"));
    for (BackendTimes b : backends) {
      header.addAll(List.of(b.backend() + " engine p50 ms", b.backend() + " SQL p50 ms", "ratio"));
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      List<String> row = new ArrayList<>(List.of(questions.get(i).name()));
      for (BackendTimes b : backends) {
        row.addAll(List.of(ms(b.engine().get(i).p50()), ms(b.raw().get(i).p50()),
            ratio(b.engine().get(i).p50(), b.raw().get(i).p50())));
      }
      rows.add(row);
    }
    return table(header, rows);
  }

  public static String load(LoadFigures load) {
    List<List<String>> rows = new ArrayList<>();
    for (FeedThroughput f : load.feeds()) {
      rows.add(List.of(f.feed(), count(f.rows()), seconds(f.etlSeconds()), count(f.etlRowsPerSecond()),
          seconds(f.bareSeconds()), count(f.bareRowsPerSecond()), ratio(f.etlRowsPerSecond(), f.bareRowsPerSecond())));
    }
    String feeds = table(List.of("feed", "rows", "etl load s (read, validate, stage)", "etl rows/s",
        "DuckDB read_csv s", "read_csv rows/s", "etl / read_csv"), rows);
    List<List<String>> batches = new ArrayList<>();
    batches.add(List.of("the full load (one batch: validate, stage, merge, derive)", count(load.rows()),
        seconds(load.wallSeconds()), count(load.rows() / load.wallSeconds())));
    for (LoadFigures.Batch b : load.batches()) {
      batches.add(List.of(b.what(), count(b.rows()), seconds(b.seconds()), count(b.rowsPerSecond())));
    }
    return feeds + "\n" + table(List.of("batch into the warehouse", "rows", "seconds", "rows/s"), batches);
  }

  public static String concurrency(List<ConcurrencyResult> results) {
    List<List<String>> rows = new ArrayList<>();
    for (ConcurrencyResult r : results) {
      long other = r.statuses().entrySet().stream()
          .filter(e -> !List.of("200", "5xx").contains(e.getKey()) && !e.getKey().startsWith("503"))
          .mapToLong(Map.Entry::getValue).sum();
      String busy = count(r.count("503"));
      List<String> byKind = new ArrayList<>();
      for (String kind : List.of("query", "export", "report")) {
        if (r.count("503 " + kind) > 0) {
          byKind.add(kind + " " + count(r.count("503 " + kind)));
        }
      }
      rows.add(List.of(Integer.toString(r.clients()), seconds(r.seconds()), count(r.requests()),
          String.format(Locale.ROOT, "%.1f", r.throughput()), ms(r.latency().p50()), ms(r.latency().p95()),
          ms(r.queryLatency().p95()), count(r.count("200")),
          byKind.isEmpty() ? busy : busy + " (" + String.join(", ", byKind) + ")", count(r.count("5xx")),
          count(other), count(r.peakRssMb()), count(r.peakHeapMb())));
    }
    return table(List.of("clients", "seconds", "requests", "requests/s", "p50 ms", "p95 ms", "queries p95 ms", "200",
        "503", "5xx", "other (4xx, no answer)", "peak RSS MB", "peak heap MB"), rows);
  }

  /** The run's header: machine, scale and rows per fact. */
  public static String header(Machine machine, String scale, Map<String, Long> factRows) {
    StringBuilder out = new StringBuilder("machine: ").append(machine.describe()).append('\n');
    out.append("scale: ").append(scale).append('\n');
    if (!factRows.isEmpty()) {
      out.append("rows per fact:");
      factRows.forEach((table, rows) -> out.append(' ').append(table).append(' ').append(count(rows)));
      out.append('\n');
    }
    return out.toString();
  }
}
