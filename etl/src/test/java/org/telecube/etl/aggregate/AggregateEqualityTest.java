package org.telecube.etl.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.LoadListener;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.Explain;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.Scope;
import org.telecube.warehouse.schema.AggregateTables;

/**
 * Every declared aggregate gives exactly the base facts' answer (DuckDB, 1,000 subscribers × 13
 * months, loaded in two batches: all but the last month, then the last month), and the aggregates
 * a second batch refreshed equal a rebuild from scratch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AggregateEqualityTest {
  private static final String LAST = "2025-12";

  private Warehouse warehouse;
  private QueryEngine engine;
  private QueryEngine base;

  @BeforeAll
  void generateAndLoadInTwoBatches(@TempDir Path dir) throws Exception {
    Path feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 1_000, 13, YearMonth.parse(LAST), 11L, false),
        (m, i, n) -> { });
    List<Path> files;
    try (Stream<Path> s = Files.list(feeds)) {
      files = s.sorted().toList();
    }
    warehouse = Warehouse.openEmbedded(dir.resolve("data"));
    EtlLoader.load(warehouse, files.stream().filter(f -> !f.getFileName().toString().contains(LAST)).toList(),
        Optional.empty(), LoadListener.NONE);
    EtlLoader.load(warehouse, files.stream().filter(f -> f.getFileName().toString().contains(LAST)).toList(),
        Optional.empty(), LoadListener.NONE);
    engine = new QueryEngine(warehouse.backend(), warehouse.model());
    base = engine.withoutAggregates();
  }

  @AfterAll
  void close() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @Test
  void aggregatesRefreshedByTheSecondBatchEqualARebuild() throws SQLException {
    try (Connection c = warehouse.workArea().dataSource().getConnection(); Statement st = c.createStatement()) {
      List<AggregateTables.Declared> all = AggregateTables.all(warehouse.model());
      for (AggregateTables.Declared d : all) {
        st.execute("CREATE TEMP TABLE before_" + d.table() + " AS SELECT * FROM " + d.table());
      }
      c.setAutoCommit(false);
      AggregateTables.refreshAll(c, warehouse.model());
      for (AggregateTables.Declared d : all) {
        long facts = count(st, "SELECT count(*) FROM " + d.cube().factTable());
        long rows = count(st, "SELECT count(*) FROM " + d.table());
        System.out.printf(Locale.ROOT, "%-40s %9d rows (%s: %d, %.1f%%)%n", d.table(), rows, d.cube().factTable(),
            facts, 100.0 * rows / facts);
        assertThat(rows).as(d.table()).isPositive();
        assertThat(count(st, "SELECT count(*) FROM (SELECT * FROM before_" + d.table() + " EXCEPT ALL SELECT * FROM "
            + d.table() + ")")).as(d.table() + " rows the rebuild lacks").isZero();
        assertThat(count(st, "SELECT count(*) FROM (SELECT * FROM " + d.table() + " EXCEPT ALL SELECT * FROM before_"
            + d.table() + ")")).as(d.table() + " rows the refresh lacked").isZero();
        assertThat(count(st, "SELECT sum(row_count) FROM " + d.table())).as(d.table()).isEqualTo(facts);
      }
      c.rollback();
    }
  }

  @TestFactory
  List<DynamicTest> everyAggregateAnswersAsTheBaseFactsDo() {
    return AggregateBattery.questions(warehouse.model(), engine, true).stream()
        .map(q -> DynamicTest.dynamicTest(q.name(), () -> AggregateBattery.check(q, engine, base)))
        .toList();
  }

  @Test
  void aScopedEngineRoutesTooAndAnswersTheSame() {
    CubeQuery q = CubeQuery.of("subscribers", List.of("active_end", "churn_rate", "net_adds"), List.of("region.city"))
        .withColumns(List.of("time.quarter")).withTotals(true);
    Scope scope = Scope.of("region.province", "440000");
    Explain explain = engine.scoped(scope).explain(q);
    assertThat(explain.statements().get(0).tables()).extracting(Explain.Source::table)
        .containsExactly("agg_subscribers_by_city");
    CellSet routed = engine.scoped(scope).execute(q);
    CellSet plain = base.scoped(scope).execute(q);
    assertThat(routed.cells()).isNotEmpty();
    AggregateBattery.assertSame("scoped cells", routed.cells(), plain.cells());
    AggregateBattery.assertSame("scoped totals", routed.totals(), plain.totals());
  }

  @Test
  void questionsNoAggregateCanAnswerReadTheFactAndSayWhy() {
    // billed subscribers add up (first_line) except over charge items: there it is a distinct count
    Explain arpu = engine.explain(CubeQuery.of("revenue", List.of("arpu"), List.of("charge_item.item")));
    Explain.Source source = arpu.statements().stream().filter(s -> s.purpose().equals("main")).findFirst()
        .orElseThrow().tables().get(0);
    assertThat(source.table()).isEqualTo("fact_billing");
    assertThat(source.rejected()).contains("agg_revenue_by_city: distinct count billed_subscribers");
    Explain byProvince = engine.explain(CubeQuery.of("revenue", List.of("arpu"), List.of("region.province")));
    assertThat(byProvince.statements().stream().filter(s -> s.purpose().equals("main")).findFirst().orElseThrow()
        .tables().get(0).table()).isEqualTo("agg_revenue_by_city");
    Explain days = engine.explain(CubeQuery.of("usage", List.of("events"), List.of("time.day")));
    assertThat(days.statements().stream().filter(s -> s.purpose().equals("main")).findFirst().orElseThrow()
        .tables().get(0).rejected()).contains("agg_usage_by_city: level time.day finer than month");
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
