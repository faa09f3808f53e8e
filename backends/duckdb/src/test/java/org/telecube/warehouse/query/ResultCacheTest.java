package org.telecube.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;

/**
 * The result cache in the engine's one query path: a repeat is a hit, a load (a new data version)
 * is a miss with the new data, scope / locale / query each have their own entry, equivalent
 * spellings share one, and the bound in values holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultCacheTest {
  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine plain;
  private QueryEngine engine;
  private long batch = 100;

  private static final CubeQuery BY_CITY = CubeQuery.of("revenue", List.of("revenue"), List.of("region.city"));

  @BeforeAll
  void star() throws Exception {
    warehouse = Warehouse.openEmbedded(dir);
    SmallStar.fill(warehouse);
    plain = new QueryEngine(warehouse.backend(), warehouse.model());
  }

  @BeforeEach
  void freshCache() {
    engine = plain.withCache(new ResultCache(100_000));
  }

  @AfterAll
  void close() {
    warehouse.close();
  }

  @Test
  void aRepeatIsAHitWithTheSameCellsAndItsOwnElapsed() {
    QueryAnswer first = engine.answer(BY_CITY, Cancellation.none(), false);
    QueryAnswer second = engine.answer(BY_CITY, Cancellation.none(), false);
    assertThat(first.cache()).isEqualTo(CacheStatus.MISS);
    assertThat(second.cache()).isEqualTo(CacheStatus.HIT);
    assertThat(second.cellSet().cells()).isEqualTo(first.cellSet().cells());
    assertThat(second.cellSet().pivot()).isEqualTo(first.cellSet().pivot());
    // the lookup's time, not the original computation's
    assertThat(second.cellSet().elapsedMillis()).isLessThan(1_000);
    assertThat(engine.cache().size()).isEqualTo(1);
  }

  @Test
  void theStatementsQuestionsShareAreKeptPerDataVersion() throws Exception {
    CubeQuery inGuangdong = BY_CITY.withFilters(List.of(LevelFilter.members("region.province", "440000")));
    engine.execute(inGuangdong);
    // the member check of the filter
    long shared = engine.cache().statements();
    assertThat(shared).isPositive();
    engine.execute(inGuangdong.withLocale("en"));
    assertThat(engine.cache().statements()).as("the same check, kept").isEqualTo(shared);
    addBillingAndBatch();
    engine.dataChanged();
    assertThat(engine.cache().statements()).isZero();
    assertThat(engine.execute(inGuangdong).cells()).isNotEmpty();
  }

  @Test
  void equivalentSpellingsShareAnEntry() {
    engine.execute(BY_CITY);
    // zh-CN is the default locale; the limit left out is the engine's cap
    CubeQuery spelled = new CubeQuery("revenue", List.of("revenue"), List.of("region.city"), List.of(), List.of(),
        List.of(), null, "zh-CN", false, null);
    assertThat(engine.answer(spelled, Cancellation.none(), false).cache()).isEqualTo(CacheStatus.HIT);
  }

  @Test
  void scopeLocaleAndQueryEachHaveTheirOwnEntry() {
    engine.execute(BY_CITY);
    QueryAnswer scoped = engine.scoped(Scope.of("region.province", "440000")).answer(BY_CITY, Cancellation.none(), false);
    QueryAnswer english = engine.answer(BY_CITY.withLocale("en"), Cancellation.none(), false);
    QueryAnswer totals = engine.answer(BY_CITY.withTotals(true), Cancellation.none(), false);
    assertThat(List.of(scoped.cache(), english.cache(), totals.cache())).containsOnly(CacheStatus.MISS);
    assertThat(scoped.cellSet().cells()).extracting(c -> c.get("region.city")).containsOnly("440100", "440300");
    assertThat(english.cellSet().cells()).extracting(c -> c.get("region.city.caption")).contains("Guangzhou");
    assertThat(engine.cache().size()).isEqualTo(4);
    assertThat(engine.scoped(Scope.of("region.province", "440000")).answer(BY_CITY, Cancellation.none(), false).cache())
        .isEqualTo(CacheStatus.HIT);
  }

  @Test
  void aLoadInThisProcessIsAMissWithTheNewData() throws Exception {
    double before = revenue(engine.execute(BY_CITY), "440300");
    addBillingAndBatch();
    engine.dataChanged();
    QueryAnswer after = engine.answer(BY_CITY, Cancellation.none(), false);
    assertThat(after.cache()).isEqualTo(CacheStatus.MISS);
    assertThat(revenue(after.cellSet(), "440300")).isEqualTo(before + 1);
  }

  @Test
  void aLoadElsewhereIsSeenOnceTheVersionIsReadAgain() throws Exception {
    engine.execute(BY_CITY);
    addBillingAndBatch();
    Thread.sleep(QueryEngine.DATA_VERSION_TTL_MILLIS + 100);
    assertThat(engine.answer(BY_CITY, Cancellation.none(), false).cache()).isEqualTo(CacheStatus.MISS);
  }

  @Test
  void noCacheBypassesTheReadButKeepsTheFreshAnswer() {
    engine.execute(BY_CITY);
    assertThat(engine.answer(BY_CITY, Cancellation.none(), true).cache()).isEqualTo(CacheStatus.BYPASS);
    assertThat(engine.answer(BY_CITY, Cancellation.none(), false).cache()).isEqualTo(CacheStatus.HIT);
    assertThat(plain.answer(BY_CITY, Cancellation.none(), false).cache()).as("no cache").isEqualTo(CacheStatus.BYPASS);
  }

  @Test
  void explainSaysWhetherTheAnswerIsCached() {
    assertThat(engine.explain(BY_CITY).cache()).isEqualTo("miss");
    engine.execute(BY_CITY);
    assertThat(engine.explain(BY_CITY).cache()).isEqualTo("hit");
    assertThat(plain.explain(BY_CITY).cache()).isEqualTo("off");
  }

  @Test
  void theBoundInValuesHolds() {
    // by city: 3 cells x 3 columns (key, caption, revenue) = 9 values an answer
    QueryEngine small = plain.withCache(new ResultCache(20));
    for (String locale : List.of("zh-CN", "en")) {
      for (boolean totals : List.of(false, true)) {
        small.execute(BY_CITY.withLocale(locale).withTotals(totals));
      }
    }
    assertThat(small.cache().weight()).isPositive().isLessThanOrEqualTo(20);
    assertThat(small.cache().size()).isBetween(1L, 2L);
    QueryEngine none = plain.withCache(new ResultCache(0));
    assertThat(none.answer(BY_CITY, Cancellation.none(), false).cache()).isEqualTo(CacheStatus.BYPASS);
  }

  private void addBillingAndBatch() throws SQLException {
    batch++;
    try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO fact_billing (month_key, subscriber_id, charge_item, plan_code, amount, paid_amount,"
          + " outstanding, city_code) VALUES (202501,'b','voice','M4G58',1,1,0,'440300')");
      st.execute("INSERT INTO etl_batch (batch_id, started_at) VALUES (" + batch + ", now())");
      // as a load would: the aggregate tables follow the facts
      org.telecube.warehouse.schema.AggregateTables.refreshAll(c, warehouse.model());
    }
  }

  private static double revenue(CellSet cs, String city) {
    return cs.cells().stream().filter(c -> city.equals(c.get("region.city")))
        .mapToDouble(c -> ((Number) c.get("revenue")).doubleValue()).sum();
  }
}
