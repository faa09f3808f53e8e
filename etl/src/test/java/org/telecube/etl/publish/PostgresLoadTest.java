package org.telecube.etl.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.backend.postgres.testing.EmbeddedPostgres;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.FeedPaths;
import org.telecube.etl.load.LoadFailedException;
import org.telecube.etl.load.LoadListener;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.QueryEngine;

/**
 * Loads published to a real PostgreSQL: the same answers as the embedded DuckDB after every step;
 * reloading changes nothing; a failure before the publish and a crash between the backend's
 * commit and the work area's both leave a consistent warehouse (the latter heals with the next
 * load); a second work area cannot publish over the first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresLoadTest {
  @TempDir
  static Path dir;

  private EmbeddedPostgres postgres;
  private List<Path> months1to3;
  private List<Path> month4;

  @BeforeAll
  void generate() throws java.io.IOException {
    postgres = EmbeddedPostgres.shared();
    Path feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 600, 4, YearMonth.of(2025, 4), 11L, false),
        (m, i, n) -> { });
    List<Path> all = FeedPaths.expand(List.of(feeds));
    month4 = all.stream().filter(p -> p.getFileName().toString().contains("2025-04")
        || p.getFileName().toString().contains("202504")).toList();
    months1to3 = all.stream().filter(p -> !month4.contains(p)).toList();
    assertThat(month4).isNotEmpty();
  }

  private BackendSettings postgresAt(String url, Path dataDir) {
    return new BackendSettings("postgres", dataDir, url, postgres.user(), postgres.password(), 2);
  }

  /** A database of its own per test (names unique within the shared server's life). */
  private String newDatabase(String name) {
    return postgres.createDatabase(name + "_" + Long.toString(System.nanoTime(), 36));
  }

  private static CellSet answer(Warehouse w, CubeQuery q) {
    return new QueryEngine(w.backend(), w.model()).execute(q);
  }

  private static final List<CubeQuery> QUESTIONS = List.of(
      CubeQuery.of("revenue", List.of("revenue", "arpu", "billed_subscribers"), List.of("region.province", "time.month"))
          .withTotals(true),
      CubeQuery.of("subscribers", List.of("active_end", "churned", "churn_rate"), List.of("time.quarter", "value_tier.value_tier"))
          .withTotals(true),
      CubeQuery.of("usage", List.of("mou"), List.of("region.macro_region")));

  private static void assertSameAnswers(Warehouse expected, Warehouse actual) {
    for (CubeQuery q : QUESTIONS) {
      CellSet e = answer(expected, q);
      CellSet a = answer(actual, q);
      assertThat(a.cells()).as(q.toString()).isEqualTo(e.cells());
      assertThat(a.totals()).as(q.toString()).isEqualTo(e.totals());
    }
  }

  @Test
  void incrementalLoadsReloadsAndTheirAnswersEqualDuckDbs() {
    String db = newDatabase("load_steps");
    try (Warehouse duck = Warehouse.openEmbedded(dir.resolve("duck-steps"));
         Warehouse pg = Warehouse.open(postgresAt(db, dir.resolve("pg-steps")))) {
      assertThat(pg.backend().name()).isEqualTo("postgres");
      assertThat(pg.workArea()).isNotSameAs(pg.backend());
      assertThat(pg.backend().dataVersion()).isZero();

      EtlLoader.load(duck, months1to3, Optional.empty(), LoadListener.NONE);
      EtlLoader.load(pg, months1to3, Optional.empty(), LoadListener.NONE);
      assertThat(pg.backend().dataVersion()).isEqualTo(1);
      assertSameAnswers(duck, pg);

      EtlLoader.load(duck, month4, Optional.empty(), LoadListener.NONE);
      EtlLoader.load(pg, month4, Optional.empty(), LoadListener.NONE);
      assertThat(pg.backend().dataVersion()).isEqualTo(2);
      assertSameAnswers(duck, pg);

      // everything again: every file skipped, nothing changes
      CellSet before = answer(pg, QUESTIONS.get(0));
      EtlLoader.load(pg, months1to3, Optional.empty(), LoadListener.NONE);
      assertThat(answer(pg, QUESTIONS.get(0)).cells()).isEqualTo(before.cells());
      assertThat(pg.backend().dataVersion()).isEqualTo(3);
    }
  }

  @Test
  void aFailureBeforePublishingLeavesBothStoresAsTheyWere() {
    String db = newDatabase("load_fail");
    try (Warehouse pg = Warehouse.open(postgresAt(db, dir.resolve("pg-fail")))) {
      EtlLoader.load(pg, months1to3, Optional.empty(), LoadListener.NONE);
      CellSet before = answer(pg, QUESTIONS.get(0));
      assertThatThrownBy(() -> EtlLoader.load(pg, month4, Optional.empty(), failingAt("publishing")))
          .isInstanceOf(IllegalStateException.class);
      assertThat(answer(pg, QUESTIONS.get(0)).cells()).isEqualTo(before.cells());
      assertThat(pg.backend().dataVersion()).isEqualTo(1);
    }
  }

  @Test
  void aCrashBetweenTheTwoCommitsHealsWithTheNextLoad() {
    String db = newDatabase("load_crash");
    try (Warehouse duck = Warehouse.openEmbedded(dir.resolve("duck-crash"));
         Warehouse pg = Warehouse.open(postgresAt(db, dir.resolve("pg-crash")))) {
      EtlLoader.load(pg, months1to3, Optional.empty(), LoadListener.NONE);
      // PostgreSQL commits month 4, then the work area fails before its own commit
      assertThatThrownBy(() -> EtlLoader.load(pg, month4, Optional.empty(), failingAt("committing")))
          .isInstanceOf(IllegalStateException.class);
      assertThat(pg.backend().dataVersion()).isEqualTo(2);
      // the work area still lacks month 4: loading it again republishes every table whole
      EtlLoader.load(pg, month4, Optional.empty(), LoadListener.NONE);
      EtlLoader.load(duck, months1to3, Optional.empty(), LoadListener.NONE);
      EtlLoader.load(duck, month4, Optional.empty(), LoadListener.NONE);
      assertSameAnswers(duck, pg);
    }
  }

  @Test
  void aSecondWorkAreaCannotPublishOverTheFirst() {
    String db = newDatabase("load_two");
    try (Warehouse first = Warehouse.open(postgresAt(db, dir.resolve("pg-first")))) {
      EtlLoader.load(first, months1to3, Optional.empty(), LoadListener.NONE);
    }
    try (Warehouse second = Warehouse.open(postgresAt(db, dir.resolve("pg-second")))) {
      CellSet before = answer(second, QUESTIONS.get(0));
      assertThatThrownBy(() -> EtlLoader.load(second, month4, Optional.empty(), LoadListener.NONE))
          .isInstanceOf(LoadFailedException.class)
          .hasMessageContaining("work area");
      assertThat(answer(second, QUESTIONS.get(0)).cells()).isEqualTo(before.cells());
      assertThat(second.backend().dataVersion()).isEqualTo(1);
    }
  }

  /** What {@code telecube etl publish} runs: a warehouse missing what an older TeleCube never sent is whole again. */
  @Test
  void aFullPublicationRepairsWhatAnOlderPublicationLeftOut() throws Exception {
    String db = newDatabase("load_republish");
    try (Warehouse duck = Warehouse.openEmbedded(dir.resolve("duck-republish"));
         Warehouse pg = Warehouse.open(postgresAt(db, dir.resolve("pg-republish")))) {
      EtlLoader.load(duck, months1to3, Optional.empty(), LoadListener.NONE);
      EtlLoader.load(pg, months1to3, Optional.empty(), LoadListener.NONE);
      try (java.sql.Connection c = pg.backend().dataSource().getConnection(); java.sql.Statement st = c.createStatement()) {
        st.execute("UPDATE fact_billing SET first_line = 0");
        st.execute("DELETE FROM agg_revenue_by_city WHERE month_key = (SELECT max(month_key) FROM agg_revenue_by_city)");
      }
      assertThat(answer(pg, QUESTIONS.get(0)).cells()).isNotEqualTo(answer(duck, QUESTIONS.get(0)).cells());
      try (java.sql.Connection work = pg.workArea().dataSource().getConnection()) {
        work.setAutoCommit(false);
        assertThat(Publishing.republish(pg.backend(), work)).isEqualTo(2);
        work.commit();
      }
      assertThat(pg.backend().dataVersion()).isEqualTo(2);
      assertSameAnswers(duck, pg);
      // the next load follows on from it, by its changed months again
      EtlLoader.load(duck, month4, Optional.empty(), LoadListener.NONE);
      EtlLoader.load(pg, month4, Optional.empty(), LoadListener.NONE);
      assertSameAnswers(duck, pg);
      try (java.sql.Connection work = duck.workArea().dataSource().getConnection()) {
        assertThat(Publishing.republish(duck.backend(), work)).as("DuckDB is its own work area").isZero();
      }
    }
  }

  /** Fails the load when it reaches the phase whose description starts with {@code phase}. */
  private static LoadListener failingAt(String phase) {
    return new LoadListener() {
      @Override
      public void phase(String description) {
        if (description.startsWith(phase)) {
          throw new IllegalStateException("simulated failure at " + description);
        }
      }
    };
  }
}
