package org.telecube.etl.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.LoadListener;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.QueryEngine;

/**
 * Cube answers against an oracle: hand-written SQL over the raw feed files, read by a separate
 * in-memory DuckDB straight from the CSVs (not through the ETL or the star schema), at several
 * region and time levels, for a sum, ARPU, churn rate and active subscribers (semi-additive).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CubeOracleTest {
  private static final double CENT = 0.005;

  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine engine;
  private Connection oracle;

  @BeforeAll
  void generateLoadAndReadRaw() throws Exception {
    Path feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 3_000, 14, YearMonth.of(2025, 12), 7L, false),
        (m, i, n) -> { });
    warehouse = Warehouse.openEmbedded(dir.resolve("data"));
    EtlLoader.load(warehouse, feedFiles(feeds), Optional.empty(), LoadListener.NONE);
    engine = new QueryEngine(warehouse.backend(), warehouse.model());

    Path regions = dir.resolve("regions.csv");
    try (InputStream in = getClass().getResourceAsStream("/org/telecube/warehouse/reference/regions.csv")) {
      Files.copy(in, regions);
    }
    oracle = RawFeeds.open(feeds);
    try (Statement st = oracle.createStatement()) {
      st.execute("CREATE TABLE regions AS SELECT * FROM read_csv('" + regions + "', header = true, all_varchar = true)");
      st.execute("CREATE TABLE geo AS SELECT c.code AS city, p.code AS province, p.macro_region "
          + "FROM regions c JOIN regions p ON c.parent_code = p.code WHERE c.level = 'city'");
      // bill lines with the city the subscriber had at the month's end (latest snapshot by then)
      st.execute("CREATE TABLE bill_geo AS SELECT b.mk, b.subscriber_id, b.amount, g.* FROM bill b "
          + "ASOF LEFT JOIN snap s ON b.subscriber_id = s.subscriber_id AND b.me >= s.as_of "
          + "LEFT JOIN geo g ON g.city = s.city_code");
      st.execute("CREATE TABLE sub_month AS SELECT m.mk, l.subscriber_id, m.e, "
          + "CAST(l.join_date <= m.s AND (l.churn_date IS NULL OR l.churn_date > m.s) AS INTEGER) AS active_start, "
          + "CAST(l.join_date <= m.e AND (l.churn_date IS NULL OR l.churn_date > m.e) AS INTEGER) AS active_end, "
          + "CAST(coalesce(l.churn_date BETWEEN m.s AND m.e, false) AS INTEGER) AS churned "
          + "FROM months m JOIN latest l ON l.join_date <= m.e AND (l.churn_date IS NULL OR l.churn_date >= m.s)");
      st.execute("CREATE TABLE sub_month_geo AS SELECT sm.*, g.* FROM sub_month sm "
          + "ASOF LEFT JOIN snap s ON sm.subscriber_id = s.subscriber_id AND sm.e >= s.as_of "
          + "LEFT JOIN geo g ON g.city = s.city_code");
      // time members as the cube names them
      st.execute("CREATE MACRO month_code(mk) AS printf('%d-%02d', mk // 100, mk % 100)");
      st.execute("CREATE MACRO quarter_code(mk) AS printf('%d-Q%d', mk // 100, ((mk % 100) - 1) // 3 + 1)");
      st.execute("CREATE MACRO year_code(mk) AS CAST(mk // 100 AS VARCHAR)");
    }
  }

  @AfterAll
  void close() throws SQLException {
    if (oracle != null) {
      oracle.close();
    }
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @ParameterizedTest(name = "revenue by {0} x {1}")
  @CsvSource({"city, month", "province, quarter", "macro_region, year", "province, ", ", year", ", "})
  void revenueMatchesTheBillLines(String region, String time) throws Exception {
    Map<String, Double> expected = oracle(
        "SELECT " + key(region, time) + ", sum(amount) FROM bill_geo GROUP BY ALL");
    assertMatches(cube("revenue", "revenue", region, time), expected);
    assertThat(expected).isNotEmpty();
  }

  @ParameterizedTest(name = "ARPU by {0} x {1}")
  @CsvSource({"province, quarter", "macro_region, month", ", year", "city, "})
  void arpuIsRevenuePerBilledSubscriberPerMonth(String region, String time) throws Exception {
    Map<String, Double> expected = oracle(
        "WITH monthly AS (SELECT " + key(region, time) + " AS k, mk, sum(amount) AS revenue, "
            + "count(DISTINCT subscriber_id) AS billed FROM bill_geo GROUP BY ALL) "
            + "SELECT k, sum(revenue) / count(*) / avg(billed) FROM monthly GROUP BY k");
    assertMatches(cube("revenue", "arpu", region, time), expected);
  }

  @ParameterizedTest(name = "churn rate by {0} x {1}")
  @CsvSource({"province, month", "macro_region, quarter", ", year", "province, year"})
  void churnRateIsChurnedOverActiveAtTheStart(String region, String time) throws Exception {
    // active at the start of a period = active at the start of its first month
    Map<String, Double> expected = oracle(
        "WITH monthly AS (SELECT " + key(region, time) + " AS k, " + timeKey(time) + " AS period, mk, "
            + "sum(active_start) AS active_start, sum(churned) AS churned FROM sub_month_geo GROUP BY ALL), "
            + "firsts AS (SELECT period, min(mk) AS first_mk FROM monthly GROUP BY period) "
            + "SELECT k, sum(churned) / sum(active_start) FILTER (WHERE mk = first_mk) "
            + "FROM monthly JOIN firsts USING (period) GROUP BY k");
    assertMatches(cube("subscribers", "churn_rate", region, time), expected);
  }

  @ParameterizedTest(name = "active at end by {0} x {1}")
  @CsvSource({"province, year", ", year", "macro_region, quarter", "city, month", ", "})
  void activeSubscribersAreTheLastMonthsValueNotASum(String region, String time) throws Exception {
    Map<String, Double> expected = oracle(
        "WITH monthly AS (SELECT " + key(region, time) + " AS k, " + timeKey(time) + " AS period, mk, "
            + "sum(active_end) AS active_end FROM sub_month_geo GROUP BY ALL), "
            + "lasts AS (SELECT period, max(mk) AS last_mk FROM monthly GROUP BY period) "
            + "SELECT k, sum(active_end) FILTER (WHERE mk = last_mk) FROM monthly JOIN lasts USING (period) GROUP BY k");
    Map<String, Double> actual = cube("subscribers", "active_end", region, time);
    assertMatches(actual, expected);
    if ("year".equals(time)) {
      Map<String, Double> summed = oracle("SELECT " + key(region, time) + ", sum(active_end) FROM sub_month_geo GROUP BY ALL");
      assertThat(actual).isNotEqualTo(summed);
    }
  }

  @Test
  void loadingTheSameFilesAgainChangesNoAnswer() throws Exception {
    Map<String, Double> before = cube("subscribers", "churn_rate", "province", "quarter");
    Map<String, Double> revenueBefore = cube("revenue", "revenue", "city", "month");
    EtlLoader.load(warehouse, feedFiles(dir.resolve("feeds")), Optional.empty(), LoadListener.NONE);
    assertThat(cube("subscribers", "churn_rate", "province", "quarter")).isEqualTo(before);
    assertThat(cube("revenue", "revenue", "city", "month")).isEqualTo(revenueBefore);
  }

  @Test
  void previousPeriodAndYearToDateAgreeWithPlainAnswers() throws Exception {
    CellSet withTi = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("time.month"))
        .withTimeIntelligence(List.of("previous_period", "previous_period_change", "year_to_date")));
    Map<String, Double> plain = cube("revenue", "revenue", null, "month");
    double running = 0;
    String year = null;
    for (Map<String, Object> cell : withTi.cells()) {
      String month = (String) cell.get("time.month");
      String previous = YearMonth.parse(month).minusMonths(1).toString();
      Double expectedPrevious = plain.get(previous + "|");
      double value = plain.get(month + "|");
      if (expectedPrevious == null) {
        assertThat(cell.get("revenue:previous_period")).isNull();
      } else {
        assertThat(number(cell.get("revenue:previous_period"))).isCloseTo(expectedPrevious, within(CENT));
        assertThat(number(cell.get("revenue:previous_period_change")))
            .isCloseTo((value - expectedPrevious) / expectedPrevious, within(1e-9));
      }
      if (!month.substring(0, 4).equals(year)) {
        year = month.substring(0, 4);
        running = 0;
      }
      running += value;
      assertThat(number(cell.get("revenue:year_to_date"))).isCloseTo(running, within(CENT));
    }
  }

  private Map<String, Double> cube(String cube, String measure, String region, String time) {
    List<String> rows = Stream.of(region == null ? null : "region." + region, time == null ? null : "time." + time)
        .filter(l -> l != null).toList();
    CellSet result = engine.execute(CubeQuery.of(cube, List.of(measure), rows));
    Map<String, Double> out = new TreeMap<>();
    for (Map<String, Object> cell : result.cells()) {
      StringBuilder k = new StringBuilder();
      for (String level : rows) {
        k.append(cell.get(level)).append('|');
      }
      out.put(k.toString(), number(cell.get(measure)));
    }
    return out;
  }

  private Map<String, Double> oracle(String sql) throws SQLException {
    Map<String, Double> out = new HashMap<>();
    try (Statement st = oracle.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        Object v = rs.getObject(2);
        out.put(rs.getString(1), v == null ? null : ((Number) v).doubleValue());
      }
    }
    return out;
  }

  /** SQL for the oracle's row key, shaped like {@link #cube}'s: members joined by '|'. */
  private static String key(String region, String time) {
    String r = region == null ? "''" : (region.equals("city") ? "city" : region) + " || '|'";
    String t = time == null ? "''" : timeKey(time) + " || '|'";
    return r + " || " + t;
  }

  private static String timeKey(String time) {
    return time == null ? "'all'" : time + "_code(mk)";
  }

  private static void assertMatches(Map<String, Double> actual, Map<String, Double> expected) {
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((k, v) -> {
      if (v == null) {
        assertThat(actual.get(k)).as(k).isNull();
      } else {
        assertThat(actual.get(k)).as(k).isNotNull().isCloseTo(v, within(Math.max(CENT, Math.abs(v) * 1e-9)));
      }
    });
  }

  private static Double number(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }

  private static List<Path> feedFiles(Path feeds) throws IOException {
    try (Stream<Path> s = Files.list(feeds)) {
      return s.sorted().toList();
    }
  }
}
