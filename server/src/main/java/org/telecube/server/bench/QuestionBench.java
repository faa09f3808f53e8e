package org.telecube.server.bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.QueryEngine;

/**
 * Times each question through the engine in this JVM and as hand-written SQL on one backend,
 * after checking that both give the same numbers. A question one backend cannot answer is
 * reported and the others still run.
 */
public final class QuestionBench {
  private final int warmups;
  private final int runs;

  public QuestionBench(int warmups, int runs) {
    this.warmups = warmups;
    this.runs = runs;
  }

  public BackendTimes time(Warehouse warehouse, List<Question> questions) {
    QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model());
    String name = warehouse.backend().name();
    List<Samples> engineTimes = new ArrayList<>();
    List<Samples> rawTimes = new ArrayList<>();
    List<String> checks = new ArrayList<>();
    for (Question q : questions) {
      checks.add(check(warehouse, engine, q));
      Samples e = attempt(q, "engine", () -> Samples.time(warmups, runs, () -> engine.execute(q.query())));
      Samples r = attempt(q, "raw SQL", () -> {
        try (Connection c = warehouse.backend().dataSource().getConnection()) {
          return Samples.time(warmups, runs, () -> RawSql.rows(c, q.sql()));
        }
      });
      engineTimes.add(e);
      rawTimes.add(r);
      System.out.printf(java.util.Locale.ROOT, "%-10s %-50s engine p50 %8s ms, raw SQL p50 %8s ms%s%n", name,
          q.name(), BenchReport.ms(e.p50()), BenchReport.ms(r.p50()),
          checks.get(checks.size() - 1).isEmpty() ? "" : "  ANSWERS DIFFER: " + checks.get(checks.size() - 1));
    }
    return new BackendTimes(name, engineTimes, rawTimes, checks);
  }

  /** Empty when the engine's answer and the SQL's agree; else the difference (or why one failed). */
  private static String check(Warehouse warehouse, QueryEngine engine, Question q) {
    try (Connection c = warehouse.backend().dataSource().getConnection()) {
      CellSet answer = engine.execute(q.query());
      Optional<String> diff = AnswerCheck.compare(answer, RawSql.rows(c, q.sql()));
      return diff.orElse("");
    } catch (Exception e) {
      return "not compared: " + BenchReport.describe(e);
    }
  }

  interface Timed {
    Samples call() throws Exception;
  }

  static Samples attempt(Question q, String what, Timed timed) {
    try {
      return timed.call();
    } catch (Exception e) {
      System.out.println(q.name() + ": " + what + " failed: " + BenchReport.describe(e));
      return Samples.FAILED;
    }
  }
}
