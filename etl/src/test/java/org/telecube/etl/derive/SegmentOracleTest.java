package org.telecube.etl.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.oracle.RawFeeds;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.QueryEngine;

/**
 * Value segments and lifecycle stages against an oracle: hand-written SQL over the raw feed
 * files, read by a separate in-memory DuckDB (not through the ETL or the star schema), following
 * the definitions of docs/customer-analysis.md with the default settings (median ARPU, 24 months).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentOracleTest {
  private static final double CENT = 0.005;

  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine engine;
  private Connection oracle;

  @BeforeAll
  void generateLoadAndComputeTheOracle() throws Exception {
    Path feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 3_000, 8, YearMonth.of(2025, 8), 5L, false),
        (m, i, n) -> { });
    warehouse = Warehouse.openEmbedded(dir.resolve("data"));
    AnalysisFixtures.load(warehouse, AnalysisFixtures.filesIn(feeds));
    engine = new QueryEngine(warehouse.backend(), warehouse.model());

    oracle = RawFeeds.open(feeds);
    try (Statement st = oracle.createStatement()) {
      st.execute("CREATE TABLE event AS SELECT CAST(event_time AS TIMESTAMP) AS t, subscriber_id, event_type, "
          + "CAST(duration_sec AS INTEGER) AS duration_sec "
          + "FROM read_csv('" + feeds + "/service_events_*.csv', header = true, all_varchar = true)");
      st.execute("CREATE TABLE revenue AS SELECT mk, subscriber_id, sum(amount) AS revenue FROM bill GROUP BY ALL");
      // a row per month for everyone active on some day of it or billed in it
      st.execute("CREATE TABLE sub_month AS "
          + "WITH keys AS (SELECT m.mk, l.subscriber_id FROM months m JOIN latest l "
          + "  ON l.join_date <= m.e AND (l.churn_date IS NULL OR l.churn_date >= m.s) "
          + "  UNION SELECT mk, subscriber_id FROM revenue) "
          + "SELECT k.mk, k.subscriber_id, m.s, m.e, coalesce(r.revenue, 0) AS revenue, "
          + "  CAST(l.join_date <= m.e AND (l.churn_date IS NULL OR l.churn_date > m.e) AS INTEGER) AS active_end, "
          + "  CAST(coalesce(l.churn_date BETWEEN m.s AND m.e, false) AS INTEGER) AS churned, "
          + "  greatest(0, date_diff('month', l.join_date, m.e)) AS tenure "
          + "FROM keys k JOIN months m USING (mk) JOIN latest l USING (subscriber_id) "
          + "LEFT JOIN revenue r USING (mk, subscriber_id)");
      // status at month end: the latest snapshot taken by then
      st.execute("CREATE TABLE status_at_end AS SELECT sm.mk, sm.subscriber_id, s.status FROM sub_month sm "
          + "ASOF LEFT JOIN snap s ON sm.subscriber_id = s.subscriber_id AND sm.e >= s.as_of");
      st.execute("CREATE TABLE median AS SELECT mk, quantile_cont(revenue, 0.5) AS median FROM sub_month "
          + "WHERE active_end = 1 GROUP BY mk");
      st.execute("CREATE TABLE segment AS SELECT sm.*, CASE "
          + "  WHEN sm.revenue >= md.median AND sm.tenure >= 24 THEN 'value' "
          + "  WHEN sm.revenue >= md.median THEN 'secondary' "
          + "  WHEN sm.tenure >= 24 THEN 'potential' ELSE 'low' END AS value_segment "
          + "FROM sub_month sm JOIN median md USING (mk)");
      // decline signals of the month: competitor call over a minute, call forwarding, suspension
      // request, or status keep_number at month end
      st.execute("CREATE TABLE decline_signal AS SELECT DISTINCT CAST(year(t) * 100 + month(t) AS INTEGER) AS mk, "
          + "subscriber_id FROM event WHERE (event_type = 'competitor_service_call' AND duration_sec > 60) "
          + "OR event_type IN ('call_forward_competitor', 'suspend_request') "
          + "UNION SELECT mk, subscriber_id FROM status_at_end WHERE status = 'keep_number'");
      // revenue of the last 3 months and of the 3 before, when all 6 months have a row
      st.execute("CREATE TABLE trend AS SELECT a.mk, a.subscriber_id, count(*) AS months, "
          + "sum(b.revenue) FILTER (WHERE b.s > a.s - INTERVAL 3 MONTH) AS last3, "
          + "sum(b.revenue) FILTER (WHERE b.s <= a.s - INTERVAL 3 MONTH) AS prev3 "
          + "FROM sub_month a JOIN sub_month b ON b.subscriber_id = a.subscriber_id "
          + "AND b.s BETWEEN a.s - INTERVAL 5 MONTH AND a.s GROUP BY ALL");
      st.execute("CREATE TABLE stage AS SELECT sg.*, CASE "
          + "  WHEN sg.churned = 1 OR sg.active_end = 0 THEN 'churned' "
          + "  WHEN sg.tenure < 3 THEN 'acquisition' "
          + "  WHEN (t.months = 6 AND t.last3 < 0.8 * t.prev3) OR d.subscriber_id IS NOT NULL THEN 'decline' "
          + "  WHEN sg.tenure < 12 OR (t.months = 6 AND t.last3 > 1.1 * t.prev3) THEN 'growth' "
          + "  ELSE 'maturity' END AS lifecycle_stage "
          + "FROM segment sg JOIN trend t USING (mk, subscriber_id) "
          + "LEFT JOIN decline_signal d USING (mk, subscriber_id)");
      st.execute("CREATE TABLE bill_stage AS SELECT b.mk, b.amount, s.value_segment, s.lifecycle_stage "
          + "FROM bill b JOIN stage s USING (mk, subscriber_id)");
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

  @ParameterizedTest(name = "{1} by {0} per month")
  @CsvSource({
      "value_segment, active_end, 4, 'SELECT mk, value_segment, sum(active_end) FROM stage GROUP BY ALL'",
      "value_segment, subscribers, 4, 'SELECT mk, value_segment, count(*) FROM stage GROUP BY ALL'",
      "lifecycle_stage, active_end, 4, 'SELECT mk, lifecycle_stage, sum(active_end) FROM stage GROUP BY ALL'",
      "lifecycle_stage, subscribers, 5, 'SELECT mk, lifecycle_stage, count(*) FROM stage GROUP BY ALL'"})
  void subscriberCountsMatch(String dimension, String measure, int members, String sql) throws SQLException {
    Map<String, Double> expected = oracle(sql);
    assertMatches(cube("subscribers", measure, dimension), expected);
    assertThat(expected.keySet().stream().map(k -> k.split("\\|")[1]).distinct())
        .as("members that occur").hasSize(members);
  }

  /** The generated data reaches every rule, so the comparisons above are not vacuous. */
  @Test
  void theDataReachesEveryRule() throws SQLException {
    Map<String, Double> reached = new TreeMap<>();
    try (Statement st = oracle.createStatement(); ResultSet rs = st.executeQuery("SELECT "
        + "count(*) FILTER (WHERE lifecycle_stage = 'decline' AND d.subscriber_id IS NULL), "
        + "count(*) FILTER (WHERE lifecycle_stage = 'decline' AND d.subscriber_id IS NOT NULL), "
        + "count(*) FILTER (WHERE lifecycle_stage = 'growth' AND tenure >= 12), "
        + "count(*) FILTER (WHERE active_end = 1 AND revenue = md.median), "
        + "count(*) FILTER (WHERE tenure = 24) "
        + "FROM stage JOIN median md USING (mk) LEFT JOIN decline_signal d USING (mk, subscriber_id)")) {
      rs.next();
      String[] names = {"decline on revenue", "decline on a signal", "growth on revenue", "revenue at the median",
          "tenure exactly 24"};
      for (int i = 0; i < names.length; i++) {
        reached.put(names[i], rs.getDouble(i + 1));
      }
    }
    System.out.println("oracle rules reached: " + reached);
    assertThat(reached).allSatisfy((k, v) -> assertThat(v).as(k).isPositive());
  }

  /** Churn by value tier counts who was lost as they were: a churner keeps last month's tier. */
  @Test
  void churnersKeepTheTierOfTheMonthBeforeChurn() {
    List<String> counts = AnalysisFixtures.rows(warehouse, "SELECT count(*), "
        + "count(*) FILTER (WHERE c.value_tier IS NOT DISTINCT FROM p.value_tier), "
        + "(SELECT count(*) FROM fact_subscriber_month WHERE value_tier IS NULL) "
        + "FROM fact_subscriber_month c JOIN fact_subscriber_month p ON p.subscriber_id = c.subscriber_id "
        + "AND p.month_key = CASE WHEN c.month_key % 100 = 1 THEN c.month_key - 89 ELSE c.month_key - 1 END "
        + "AND p.active_end = 1 WHERE c.is_churned = 1").get(0);
    assertThat(Long.parseLong(counts.get(0))).as("churners with a month before").isPositive();
    assertThat(counts.get(1)).as("of them, with that month's tier").isEqualTo(counts.get(0));
    assertThat(counts.get(2)).as("subscriber-months without a tier").isEqualTo("0");
  }

  @ParameterizedTest(name = "revenue by {0} per month")
  @CsvSource({
      "value_segment, 'SELECT mk, value_segment, sum(amount) FROM bill_stage GROUP BY ALL'",
      "lifecycle_stage, 'SELECT mk, lifecycle_stage, sum(amount) FROM bill_stage GROUP BY ALL'"})
  void revenueMatches(String dimension, String sql) throws SQLException {
    assertMatches(cube("revenue", "revenue", dimension), oracle(sql));
  }

  /** Cells keyed "yyyy-mm|member". */
  private Map<String, Double> cube(String cube, String measure, String dimension) {
    String level = dimension + "." + dimension;
    CellSet result = engine.execute(CubeQuery.of(cube, List.of(measure), List.of("time.month", level)));
    Map<String, Double> out = new TreeMap<>();
    for (Map<String, Object> cell : result.cells()) {
      Object v = cell.get(measure);
      double d = v == null ? 0 : ((Number) v).doubleValue();
      if (d != 0) {
        out.put(cell.get("time.month") + "|" + cell.get(level), d);
      }
    }
    return out;
  }

  private Map<String, Double> oracle(String sql) throws SQLException {
    Map<String, Double> out = new TreeMap<>();
    try (Statement st = oracle.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        int mk = rs.getInt(1);
        double v = ((Number) rs.getObject(3)).doubleValue();
        if (v != 0) {
          out.put(String.format(java.util.Locale.ROOT, "%d-%02d|%s", mk / 100, mk % 100, rs.getString(2)), v);
        }
      }
    }
    return out;
  }

  private static void assertMatches(Map<String, Double> actual, Map<String, Double> expected) {
    assertThat(expected).isNotEmpty();
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isCloseTo(v, within(Math.max(CENT, Math.abs(v) * 1e-9))));
  }
}
