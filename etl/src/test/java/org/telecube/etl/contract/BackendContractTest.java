package org.telecube.etl.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telecube.etl.aggregate.AggregateBattery;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.LoadListener;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.backend.Capabilities;
import org.telecube.warehouse.churn.AtRiskSubscriber;
import org.telecube.warehouse.churn.ChurnListQuery;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.churn.ChurnedSubscriber;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Level;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.OrderKey;
import org.telecube.warehouse.query.QueryException;
import org.telecube.warehouse.query.QueryEngine;

/**
 * The backend contract: what every backend must answer, and answer right. One operator is
 * generated, loaded through the ETL into the backend under test (published to it when it is not
 * DuckDB), and every answer is checked against hand-written SQL over the raw CSV files
 * ({@link RawOracle}), never against the engine itself. The one exception is the churn lists,
 * whose warning scores are derived: they are compared with a plain embedded DuckDB warehouse
 * loaded from the same files.
 *
 * <p>What a backend cannot do is declared in its {@link Capabilities}, not skipped: a check that
 * needs a capability checks the number when the backend has it, and otherwise checks that the
 * engine refuses with a {@link QueryException} — never a different number.
 *
 * <p><b>How a backend joins the suite:</b> add a class extending this one (in this module's
 * tests, with the backend's module and its test-jar as test dependencies) that returns its
 * settings from {@link #settings(Path)}, which the fixture calls once, before loading. A server
 * backend starts its server there, since a subclass's {@code @BeforeAll} would run after this
 * class's fixture, and stops it in {@link #backendClosed()}. {@code PostgresContractTest}, for
 * instance, starts {@code org.telecube.backend.postgres.testing.EmbeddedPostgres} in
 * {@code settings} and returns {@code new BackendSettings("postgres", dataDir, url, user,
 * password, 0)}. Override {@link #capabilities(Warehouse)} only to run the checks against fewer
 * capabilities than the backend declares. The fixture is built once per class (2,000 subscribers
 * × 13 months); tests never reload, except the last one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class BackendContractTest {
  private static final YearMonth LAST_MONTH = YearMonth.of(2025, 12);
  private static final int LAST_MONTH_KEY = LAST_MONTH.getYear() * 100 + LAST_MONTH.getMonthValue();
  private static final String LAST = LAST_MONTH.toString();

  private Path dir;
  private Path feeds;
  private Warehouse warehouse;
  private Warehouse reference;
  private QueryEngine engine;
  private RawOracle oracle;
  private Capabilities capabilities;
  private Expect expect;

  /** The backend under test, with {@code dataDir} as its data directory (the ETL's work area). */
  protected abstract BackendSettings settings(Path dataDir) throws Exception;

  /** Called once the warehouse is closed, after every test: a server backend stops its server here. */
  protected void backendClosed() throws Exception {
  }

  /** What the backend declares it can do; the checks branch on it. */
  protected Capabilities capabilities(Warehouse warehouse) {
    return warehouse.backend().capabilities();
  }

  /** The churn lists over {@code warehouse}; the one place that knows their constructor. */
  protected ChurnLists churnLists(Warehouse warehouse, QueryEngine engine) {
    return new ChurnLists(engine);
  }

  @BeforeAll
  void generateLoadAndReadRaw(@TempDir Path tempDir) throws Exception {
    dir = tempDir;
    feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 2_000, 13, LAST_MONTH, 7L, false), (m, i, n) -> { });
    warehouse = Warehouse.open(settings(dir.resolve("data")));
    EtlLoader.load(warehouse, feedFiles(), Optional.empty(), LoadListener.NONE);
    engine = new QueryEngine(warehouse.backend(), warehouse.model());
    capabilities = capabilities(warehouse);
    expect = new Expect(capabilities.exactDecimal());
    reference = openReference();
    oracle = RawOracle.open(feeds, Files.createDirectories(dir.resolve("oracle")));
  }

  /**
   * A plain embedded DuckDB warehouse loaded from the same files: the reference for the churn
   * lists. When the backend under test is that already, it is its own reference (a second load
   * would only double the fixture's time).
   */
  private Warehouse openReference() throws IOException {
    if (warehouse.backend().name().equals(Warehouse.WORK_AREA_BACKEND)) { // the plain embedded DuckDB already
      return warehouse;
    }
    Warehouse plain = Warehouse.openEmbedded(dir.resolve("reference"));
    EtlLoader.load(plain, feedFiles(), Optional.empty(), LoadListener.NONE);
    return plain;
  }

  @AfterAll
  void close() throws Exception {
    if (oracle != null) {
      oracle.close();
    }
    if (reference != null && reference != warehouse) {
      reference.close();
    }
    if (warehouse != null) {
      warehouse.close();
    }
    backendClosed();
  }

  // ---- every cube, every level ----

  @Test
  void everyAdditiveMeasureHasAnOracle() {
    List<String> measures = warehouse.model().cubes().stream()
        .flatMap(c -> AdditiveTotals.of(c).stream().map(m -> c.name() + "." + m)).toList();
    assertThat(measures).containsExactlyInAnyOrderElementsOf(AdditiveTotals.SQL.keySet());
  }

  @TestFactory
  Stream<DynamicTest> grandTotalOfEveryAdditiveMeasureMatchesTheRawFiles() {
    return warehouse.model().cubes().stream().flatMap(cube -> AdditiveTotals.of(cube).stream()
        .map(measure -> DynamicTest.dynamicTest(cube.name() + "." + measure, () -> {
          Object total = engine.execute(CubeQuery.of(cube.name(), List.of(measure), List.of())).cells().get(0)
              .get(measure);
          String name = cube.name() + "." + measure;
          expect.same(name, total, oracle.value(AdditiveTotals.SQL.get(name)));
        })));
  }

  /** Every (cube, level) of the model, time levels included. */
  private List<String[]> cubeLevels() {
    List<String[]> out = new ArrayList<>();
    for (Cube cube : warehouse.model().cubes()) {
      for (DimensionUsage usage : cube.dimensions()) {
        for (Level level : usage.levels()) {
          out.add(new String[] {cube.name(), usage.name() + "." + level.name()});
        }
      }
    }
    return out;
  }

  /**
   * Every aggregate table answers as the base facts do on this backend (published to it with its
   * fact): a handful of questions per aggregate, asked with and without aggregates.
   */
  @TestFactory
  Stream<DynamicTest> aggregateTablesAnswerAsTheBaseFactsDo() {
    QueryEngine base = engine.withoutAggregates();
    return AggregateBattery.questions(warehouse.model(), engine, false).stream()
        .map(q -> DynamicTest.dynamicTest(q.name(), () -> AggregateBattery.check(q, engine, base)));
  }

  @TestFactory
  Stream<DynamicTest> everyLevelAddsUpToTheTotalAndListsItsRowsAsMembers() {
    List<String[]> pairs = cubeLevels();
    assertThat(pairs).hasSizeGreaterThan(94);
    return pairs.stream().map(p -> DynamicTest.dynamicTest(p[0] + " by " + p[1], () -> addsUp(p[0], p[1])));
  }

  private void addsUp(String cubeName, String level) {
    Cube cube = warehouse.model().cube(cubeName).orElseThrow();
    List<String> measures = AdditiveTotals.of(cube);
    Map<String, Object> total = engine.execute(CubeQuery.of(cubeName, measures, List.of())).cells().get(0);
    CellSet byLevel = engine.execute(CubeQuery.of(cubeName, measures, List.of(level)));
    assertThat(byLevel.truncated()).as("%s by %s truncated", cubeName, level).isFalse();
    List<String> members = engine.members(cubeName, level, null, "en").members().stream().map(MemberRef::key).toList();
    List<String> strangers = new ArrayList<>();
    for (Map<String, Object> cell : byLevel.cells()) {
      String key = (String) cell.get(level);
      if (key == null || !members.contains(key)) {
        strangers.add(key + " (" + cell + ")");
      }
    }
    assertThat(strangers).as("%s rows by %s whose key is not a listed member", cubeName, level).isEmpty();
    for (String measure : measures) {
      Object sum = byLevel.cells().stream().map(c -> c.get(measure)).reduce(null, BackendContractTest::add);
      expect.same(cubeName + "." + measure + " by " + level + " against the grand total", sum, total.get(measure));
    }
  }

  /** Adds exactly when both are exact (the engine's sums), in doubles otherwise; null is nothing. */
  private static Object add(Object a, Object b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (Expect.exact(a) && Expect.exact(b)) {
      return Expect.decimal(a).add(Expect.decimal(b));
    }
    return ((Number) a).doubleValue() + ((Number) b).doubleValue();
  }

  // ---- sums, derived and semi-additive measures at several levels (region × time) ----

  @ParameterizedTest(name = "revenue by {0} x {1}")
  @CsvSource({"city, month", "province, quarter", "macro_region, year", "province, ", ", year", ", "})
  void revenueMatchesTheBillLines(String region, String time) throws Exception {
    expect.sameCells("revenue", cube("revenue", "revenue", region, time),
        oracle.rows("SELECT " + key(region, time) + ", sum(amount) FROM bill_geo GROUP BY ALL"));
  }

  @ParameterizedTest(name = "ARPU by {0} x {1}")
  @CsvSource({"province, quarter", "macro_region, month", ", year", "city, "})
  void arpuIsRevenuePerBilledSubscriberPerMonth(String region, String time) throws Exception {
    String sql = "WITH monthly AS (SELECT " + key(region, time) + " AS k, mk, sum(amount) AS revenue, "
        + "count(DISTINCT subscriber_id) AS billed FROM bill_geo GROUP BY ALL) "
        + "SELECT k, CAST(sum(revenue) AS DOUBLE) / count(*) / avg(billed) FROM monthly GROUP BY k";
    numberOrRefusal("exactDistinctCount", capabilities.exactDistinctCount(),
        () -> cube("revenue", "arpu", region, time),
        cells -> expect.sameCells("arpu", cells, oracle.rows(sql)));
  }

  @ParameterizedTest(name = "churn rate by {0} x {1}")
  @CsvSource({"province, month", "macro_region, quarter", ", year", "province, year"})
  void churnRateIsChurnedOverActiveAtTheStart(String region, String time) throws Exception {
    // active at the start of a period = active at the start of its first month
    String sql = "WITH monthly AS (SELECT " + key(region, time) + " AS k, " + period(time) + " AS period, mk, "
        + "sum(active_start) AS active_start, sum(churned) AS churned FROM sub_month_geo GROUP BY ALL), "
        + "firsts AS (SELECT period, min(mk) AS first_mk FROM monthly GROUP BY period) "
        + "SELECT k, CAST(sum(churned) AS DOUBLE) / sum(active_start) FILTER (WHERE mk = first_mk) "
        + "FROM monthly JOIN firsts USING (period) GROUP BY k";
    numberOrRefusal("windowFunctions", capabilities.windowFunctions(),
        () -> cube("subscribers", "churn_rate", region, time),
        cells -> expect.sameCells("churn rate", cells, oracle.rows(sql)));
  }

  @ParameterizedTest(name = "active at end by {0} x {1}")
  @CsvSource({"province, year", ", year", "macro_region, quarter", "city, month", ", "})
  void activeSubscribersAreTheLastMonthsValueNotASum(String region, String time) throws Exception {
    String sql = "WITH monthly AS (SELECT " + key(region, time) + " AS k, " + period(time) + " AS period, mk, "
        + "sum(active_end) AS active_end FROM sub_month_geo GROUP BY ALL), "
        + "lasts AS (SELECT period, max(mk) AS last_mk FROM monthly GROUP BY period) "
        + "SELECT k, sum(active_end) FILTER (WHERE mk = last_mk) FROM monthly JOIN lasts USING (period) GROUP BY k";
    numberOrRefusal("windowFunctions", capabilities.windowFunctions(),
        () -> cube("subscribers", "active_end", region, time),
        cells -> expect.sameCells("active at end", cells, oracle.rows(sql)));
  }

  // ---- slices, dices, drill-down, top-N ----

  @Test
  void inFilterOnProvincesKeepsOnlyThoseProvinces() throws Exception {
    List<String> provinces = oracle.keys(
        "SELECT province FROM bill_geo GROUP BY province ORDER BY sum(amount) DESC, province LIMIT 2");
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue"), List.of("region.province", "time.quarter"))
        .withFilters(List.of(new LevelFilter("region.province", provinces, null, null)));
    expect.sameCells("revenue of " + provinces, cells(q, "revenue"),
        oracle.rows("SELECT " + key("province", "quarter") + ", sum(amount) FROM bill_geo WHERE province IN ("
            + inList(provinces) + ") GROUP BY ALL"));
  }

  @Test
  void inFilterOnAProductFamilyKeepsOnlyItsPlans() throws Exception {
    String family = oracle.keys("SELECT family FROM bill_geo GROUP BY family ORDER BY sum(amount) DESC, family LIMIT 1")
        .get(0);
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue", "bill_lines"), List.of("product.plan"))
        .withFilters(List.of(LevelFilter.members("product.family", family)));
    expect.sameCells("revenue of family " + family, cells(q, "revenue"),
        oracle.rows("SELECT plan_code, sum(amount) FROM bill_geo WHERE family = '" + family + "' GROUP BY ALL"));
    expect.sameCells("bill lines of family " + family, cells(q, "bill_lines"),
        oracle.rows("SELECT plan_code, count(*) FROM bill_geo WHERE family = '" + family + "' GROUP BY ALL"));
  }

  @Test
  void monthRangeKeepsOnlyItsMonths() throws Exception {
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue"), List.of("time.month", "region.macro_region"))
        .withFilters(List.of(LevelFilter.range("time.month", "2025-03", "2025-08")));
    expect.sameCells("revenue 2025-03..2025-08", cells(q, "revenue"),
        oracle.rows("SELECT concat_ws('|', month_code(mk), macro_region), sum(amount) FROM bill_geo "
            + "WHERE mk BETWEEN 202503 AND 202508 GROUP BY ALL"));
  }

  @Test
  void drillDownFromAProvinceToItsCities() throws Exception {
    String province = oracle.keys(
        "SELECT province FROM bill_geo GROUP BY province ORDER BY count(DISTINCT city) DESC, province LIMIT 1").get(0);
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue"), List.of("region.city"))
        .withFilters(List.of(LevelFilter.members("region.province", province)));
    expect.sameCells("revenue by city of " + province, cells(q, "revenue"),
        oracle.rows("SELECT city, sum(amount) FROM bill_geo WHERE province = '" + province + "' GROUP BY ALL"));
    List<String> cities = engine.members("revenue", "region.city", province, "en").members().stream()
        .map(MemberRef::key).toList();
    assertThat(cities).containsExactlyInAnyOrderElementsOf(
        oracle.keys("SELECT city FROM geo WHERE province = '" + province + "'"));
  }

  @Test
  void topFiveCitiesByRevenue() throws Exception {
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue"), List.of("region.city"))
        .withOrder(List.of(OrderKey.desc("revenue")), 5);
    CellSet answer = engine.execute(q);
    Map<String, Object> expected = oracle.rows(
        "SELECT city, sum(amount) FROM bill_geo GROUP BY city ORDER BY 2 DESC, 1 LIMIT 5");
    assertThat(answer.cells().stream().map(c -> (String) c.get("region.city")).toList())
        .as("the top five cities, in order").containsExactlyElementsOf(expected.keySet());
    assertThat(answer.truncated()).isTrue();
    expect.sameCells("top five cities", cells(q, "revenue"), expected);
  }

  // ---- time intelligence ----

  @Test
  void revenueMonthOnMonthYearOnYearAndYearToDate() throws Exception {
    CellSet answer = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("time.month"))
        .withTimeIntelligence(List.of("previous_period", "previous_period_change", "same_period_last_year",
            "same_period_last_year_change", "year_to_date")));
    String monthly = "WITH m AS (SELECT mk, sum(amount) AS r FROM bill GROUP BY mk), "
        + "t AS (SELECT m.mk, m.r, p.r AS prev, y.r AS last_year, "
        + "sum(m.r) OVER (PARTITION BY m.mk // 100 ORDER BY m.mk) AS ytd FROM m "
        + "LEFT JOIN m p ON p.mk = prev_mk(m.mk) LEFT JOIN m y ON y.mk = m.mk - 100) ";
    Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
    expected.put("revenue:previous_period", oracle.rows(monthly + "SELECT month_code(mk), prev FROM t"));
    expected.put("revenue:previous_period_change",
        oracle.rows(monthly + "SELECT month_code(mk), CAST(r - prev AS DOUBLE) / abs(prev) FROM t"));
    expected.put("revenue:same_period_last_year", oracle.rows(monthly + "SELECT month_code(mk), last_year FROM t"));
    expected.put("revenue:same_period_last_year_change",
        oracle.rows(monthly + "SELECT month_code(mk), CAST(r - last_year AS DOUBLE) / abs(last_year) FROM t"));
    expected.put("revenue:year_to_date", oracle.rows(monthly + "SELECT month_code(mk), ytd FROM t"));
    assertThat(expected.get("revenue:same_period_last_year").values()).as("a month with a year before")
        .anyMatch(v -> v != null);
    expected.forEach((column, rows) -> {
      Map<String, Object> actual = new LinkedHashMap<>();
      answer.cells().forEach(c -> actual.put((String) c.get("time.month"), c.get(column)));
      expect.sameCells(column, actual, rows);
    });
  }

  // ---- drill-across ----

  @ParameterizedTest(name = "{0} by {1}")
  @CsvSource({"mou, month, duration_sec, 60", "mou, quarter, duration_sec, 60", "dou, month, volume_kb, 1024"})
  void usagePerActiveSubscriberCombinesUsageWithTheSubscribersCube(String measure, String time, String column,
                                                                   int unit) throws Exception {
    // usage / months of usage / active subscribers at the end of the period's last month
    String sql = "WITH u AS (SELECT " + period(time) + " AS k, CAST(sum(" + column + ") AS DOUBLE) / " + unit
        + " AS amount, count(DISTINCT mk) AS months FROM usage GROUP BY ALL), "
        + "a AS (SELECT " + period(time) + " AS k, mk, sum(active_end) AS active_end FROM sub_month GROUP BY ALL), "
        + "l AS (SELECT k, active_end FROM a QUALIFY mk = max(mk) OVER (PARTITION BY k)) "
        + "SELECT u.k, u.amount / u.months / l.active_end FROM u JOIN l USING (k)";
    numberOrRefusal("windowFunctions", capabilities.windowFunctions(),
        () -> cube("usage", measure, null, time),
        cells -> expect.sameCells(measure + " by " + time, cells, oracle.rows(sql)));
  }

  @Test
  void complaintsPerTenThousandActiveSubscribers() throws Exception {
    String sql = "WITH c AS (SELECT mk, count(*) FILTER (WHERE event_type = 'complaint') AS complaints "
        + "FROM service_events GROUP BY mk), "
        + "a AS (SELECT mk, sum(active_end) AS active_end FROM sub_month GROUP BY mk) "
        + "SELECT month_code(mk), CAST(complaints * 10000 AS DOUBLE) / active_end FROM c JOIN a USING (mk)";
    numberOrRefusal("windowFunctions", capabilities.windowFunctions(),
        () -> cube("service", "complaints_per_10k", null, "month"),
        cells -> expect.sameCells("complaints per 10k", cells, oracle.rows(sql)));
  }

  // ---- members ----

  @ParameterizedTest(name = "members of region.{0}")
  @CsvSource({"macro_region", "province", "city"})
  void regionMembersAreTheReferenceGeography(String level) throws Exception {
    List<String> members = engine.members("revenue", "region." + level, null, "zh-CN").members().stream()
        .map(MemberRef::key).toList();
    assertThat(members).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(oracle.keys("SELECT DISTINCT " + level + " FROM geo"));
  }

  @ParameterizedTest(name = "members of time.{0}")
  @CsvSource({"year", "quarter", "month"})
  void timeMembersAreTheLoadedPeriodsInOrder(String level) throws Exception {
    List<String> members = engine.members("revenue", "time." + level, null, "en").members().stream()
        .map(MemberRef::key).toList();
    assertThat(members).containsExactlyElementsOf(
        oracle.keys("SELECT DISTINCT " + level + "_code(mk) AS k FROM bill ORDER BY k"));
  }

  @Test
  void dayMembersOfUsageCoverItsMonths() throws Exception {
    List<String> members = engine.members("usage", "time.day", null, "en").members().stream()
        .map(MemberRef::key).toList();
    assertThat(members).containsExactlyElementsOf(oracle.keys(
        "SELECT strftime(CAST(d AS DATE), '%Y-%m-%d') FROM range((SELECT CAST(date_trunc('month', min(usage_date)) "
            + "AS TIMESTAMP) FROM usage), (SELECT CAST(last_day(max(usage_date)) + 1 AS TIMESTAMP) FROM usage), "
            + "INTERVAL 1 DAY) t(d) ORDER BY 1"));
  }

  // ---- churn lists, against the embedded DuckDB reference ----

  @Test
  void atRiskListIsTheReferenceList() {
    ChurnListQuery q = new ChurnListQuery(LAST_MONTH_KEY, null, ChurnLists.MAX_LIMIT);
    List<String> expected = churnLists(reference, new QueryEngine(reference.backend(), reference.model()))
        .atRisk(q, Language.EN).stream().map(AtRiskSubscriber::subscriberId).toList();
    assertThat(expected).as("the reference lists someone").isNotEmpty();
    assertThat(churnLists(warehouse, engine).atRisk(q, Language.EN).stream().map(AtRiskSubscriber::subscriberId))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void churnedListIsTheReferenceList() {
    ChurnListQuery q = new ChurnListQuery(LAST_MONTH_KEY, null, ChurnLists.MAX_LIMIT);
    List<String> expected = churnLists(reference, new QueryEngine(reference.backend(), reference.model()))
        .churned(q, Language.EN).stream().map(ChurnedSubscriber::subscriberId).toList();
    assertThat(expected).as("the reference lists someone").isNotEmpty();
    Supplier<List<String>> actual = () -> churnLists(warehouse, engine).churned(q, Language.EN).stream()
        .map(ChurnedSubscriber::subscriberId).toList();
    if (capabilities.windowFunctions()) {
      assertThat(actual.get()).containsExactlyElementsOf(expected);
    } else {
      assertThatThrownBy(actual::get).as("without windowFunctions the churned list must be refused")
          .isInstanceOf(QueryException.class);
    }
  }

  // ---- a report's headline figures for the last month ----

  @Test
  void headlineRevenueOfTheLastMonth() throws Exception {
    expect.same("revenue of " + LAST, lastMonth("revenue", "revenue"),
        oracle.value("SELECT sum(amount) FROM bill WHERE mk = " + LAST_MONTH_KEY));
  }

  @Test
  void headlineArpuAndBilledSubscribersOfTheLastMonth() throws Exception {
    Object billed = oracle.value("SELECT count(DISTINCT subscriber_id) FROM bill WHERE mk = " + LAST_MONTH_KEY);
    Object arpu = oracle.value("SELECT CAST(sum(amount) AS DOUBLE) / count(DISTINCT subscriber_id) FROM bill "
        + "WHERE mk = " + LAST_MONTH_KEY);
    numberOrRefusal("exactDistinctCount", capabilities.exactDistinctCount(),
        () -> lastMonthCell("revenue", "billed_subscribers", "arpu"),
        cell -> {
          expect.same("billed subscribers of " + LAST, cell.get("billed_subscribers"), billed);
          expect.same("ARPU of " + LAST, cell.get("arpu"), arpu);
        });
  }

  @Test
  void headlineChurnedOfTheLastMonth() throws Exception {
    expect.same("churned in " + LAST, lastMonth("subscribers", "churned"),
        oracle.value("SELECT sum(churned) FROM sub_month WHERE mk = " + LAST_MONTH_KEY));
  }

  @Test
  void headlineActiveAndChurnRateOfTheLastMonth() throws Exception {
    Object active = oracle.value("SELECT sum(active_end) FROM sub_month WHERE mk = " + LAST_MONTH_KEY);
    Object rate = oracle.value("SELECT CAST(sum(churned) AS DOUBLE) / sum(active_start) FROM sub_month WHERE mk = "
        + LAST_MONTH_KEY);
    numberOrRefusal("windowFunctions", capabilities.windowFunctions(),
        () -> lastMonthCell("subscribers", "active_end", "churn_rate"),
        cell -> {
          expect.same("active at the end of " + LAST, cell.get("active_end"), active);
          expect.same("churn rate of " + LAST, cell.get("churn_rate"), rate);
        });
  }

  // ---- last: the fixture is loaded again ----

  @Test
  @Order(Integer.MAX_VALUE)
  void loadingTheSameFilesAgainChangesNoAnswer() throws Exception {
    Map<String, Object> revenue = cube("revenue", "revenue", "city", "month");
    Map<String, Object> churned = cube("subscribers", "churned", "province", "quarter");
    EtlLoader.load(warehouse, feedFiles(), Optional.empty(), LoadListener.NONE);
    QueryEngine again = new QueryEngine(warehouse.backend(), warehouse.model());
    assertThat(cells(again, CubeQuery.of("revenue", List.of("revenue"), List.of("region.city", "time.month")),
        "revenue")).isEqualTo(revenue);
    assertThat(cells(again, CubeQuery.of("subscribers", List.of("churned"), List.of("region.province", "time.quarter")),
        "churned")).isEqualTo(churned);
  }

  // ---- helpers ----

  /**
   * Runs the check when the backend declares the capability; otherwise the engine must refuse
   * with a QueryException rather than answer.
   */
  private static <T> void numberOrRefusal(String capability, boolean capable, Supplier<T> answer, Check<T> check)
      throws Exception {
    if (capable) {
      check.accept(answer.get());
    } else {
      assertThatThrownBy(answer::get).as("without %s the engine must refuse, not answer", capability)
          .isInstanceOf(QueryException.class);
    }
  }

  @FunctionalInterface
  private interface Check<T> {
    void accept(T value) throws Exception;
  }

  private Object lastMonth(String cube, String measure) {
    return lastMonthCell(cube, measure).get(measure);
  }

  private Map<String, Object> lastMonthCell(String cube, String... measures) {
    List<Map<String, Object>> cells = engine.execute(CubeQuery.of(cube, List.of(measures), List.of())
        .withFilters(List.of(LevelFilter.members("time.month", LAST)))).cells();
    assertThat(cells).hasSize(1);
    return cells.get(0);
  }

  /** {@code measure} by the region and time levels given (null: not on the axis), keyed as {@link #key}. */
  private Map<String, Object> cube(String cube, String measure, String region, String time) {
    List<String> rows = Stream.of(region == null ? null : "region." + region, time == null ? null : "time." + time)
        .filter(l -> l != null).toList();
    return cells(CubeQuery.of(cube, List.of(measure), rows), measure);
  }

  private Map<String, Object> cells(CubeQuery q, String measure) {
    return cells(engine, q, measure);
  }

  private static Map<String, Object> cells(QueryEngine engine, CubeQuery q, String measure) {
    CellSet answer = engine.execute(q);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map<String, Object> cell : answer.cells()) {
      String k = Stream.concat(q.rows().stream(), q.columns().stream()).map(l -> String.valueOf(cell.get(l)))
          .collect(Collectors.joining("|"));
      assertThat(out.put(k, cell.get(measure))).as("one cell per key: %s", k).isNull();
    }
    return out;
  }

  /** SQL for the oracle's row key, shaped like {@link #cells}'s: members joined by '|'. */
  private static String key(String region, String time) {
    List<String> parts = new ArrayList<>();
    if (region != null) {
      parts.add(region);
    }
    if (time != null) {
      parts.add(time + "_code(mk)");
    }
    return parts.isEmpty() ? "''" : "concat_ws('|', " + String.join(", ", parts) + ")";
  }

  /** SQL for the period a month belongs to at {@code time} ('all' when time is not on the axis). */
  private static String period(String time) {
    return time == null ? "'all'" : time + "_code(mk)";
  }

  private static String inList(List<String> keys) {
    return keys.stream().map(k -> "'" + k.replace("'", "''") + "'").collect(Collectors.joining(", "));
  }

  private List<Path> feedFiles() throws IOException {
    try (Stream<Path> s = Files.list(feeds)) {
      return s.sorted().toList();
    }
  }
}
