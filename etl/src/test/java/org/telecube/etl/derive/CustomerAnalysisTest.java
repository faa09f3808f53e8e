package org.telecube.etl.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.telecube.etl.derive.AnalysisFixtures.USAGE_HEADER;
import static org.telecube.etl.derive.AnalysisFixtures.rows;
import static org.telecube.etl.derive.AnalysisFixtures.setting;
import static org.telecube.etl.derive.AnalysisFixtures.single;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.QueryEngine;

/**
 * The customer analysis on {@link AnalysisHandMadeSet}, against values worked out by hand from
 * the definitions (docs/customer-analysis.md): segment, lifecycle stage, signals, warning type,
 * score and at-risk flag of every subscriber-month, the prior weights used while history is too
 * short, and the settings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerAnalysisTest {
  @TempDir
  static Path dir;

  private Warehouse warehouse;

  /**
   * month, subscriber, value segment, lifecycle stage, signals (enum order), warning type; worked
   * out by hand (see {@link AnalysisHandMadeSet} for the data and the monthly medians).
   */
  private static final String[] EXPECTED = {
      "202501 A value     maturity",
      "202501 C value     maturity",
      "202501 D value     maturity",
      "202501 E potential maturity",     // 19 < 58, tenure 48
      "202501 F secondary maturity",     // 58 >= 58, tenure 20
      "202501 G value     maturity",
      "202501 H potential maturity",
      "202501 I value     maturity",
      "202501 J value     maturity",
      "202501 K low       growth",       // tenure 4 < 12
      "202501 L value     maturity",
      "202502 A value     maturity",
      "202502 C value     maturity",
      "202502 D value     maturity",     // a 60 s competitor call is not over a minute
      "202502 E potential maturity",
      "202502 F secondary maturity",
      "202502 G value     maturity",
      "202502 H potential maturity",
      "202502 I value     maturity",
      "202502 J value     maturity",
      "202502 K low       growth",
      "202502 L value     maturity",
      "202503 A value     maturity",     // a serious fault report is no complaint
      "202503 C value     maturity",
      "202503 D value     maturity",     // a normal complaint is not serious
      "202503 E potential maturity",
      "202503 F secondary maturity",
      "202503 G value     maturity",     // 116 = exactly twice the fee: no bill shock
      "202503 H potential maturity",
      "202503 I value     maturity",
      "202503 J value     maturity",
      "202503 K low       growth",
      "202503 L value     maturity",
      "202504 A value     maturity",
      "202504 C value     maturity",
      "202504 D value     decline   competitor_call,serious_complaint marketing",
      "202504 E potential maturity  arrears care",                   // Mar bill due 04-15, paid 06-05
      "202504 F secondary maturity  contract_ending marketing",      // 04-30 + 60 days = 06-29
      "202504 G value     maturity",     // 58 is not below half of 116
      "202504 H potential maturity",
      "202504 I value     maturity",
      "202504 J value     maturity",
      "202504 K low       growth",
      "202504 L value     decline   competitor_call marketing",
      "202505 A value     maturity",     // median (58 + 70) / 2 = 64
      "202505 C value     maturity",
      "202505 D potential maturity",     // 58 < 64
      "202505 E potential maturity  arrears care",
      "202505 F potential maturity  contract_ending marketing",      // tenure 24: long; 58 < 64
      "202505 G value     maturity  bill_shock care",                // 118 > 2 x 58
      "202505 H potential decline   keep_number care",
      "202505 I value     maturity",     // 70 >= 64
      "202505 J value     maturity",
      "202505 K low       growth",
      "202505 L potential churned",      // churned 05-20; 58 < 64
      "202506 A value     maturity",     // median (50 + 58) / 2 = 54
      "202506 B low       acquisition",  // tenure 0, 40 < 54
      "202506 C potential decline   bill_drop marketing",            // 50 < 199 / 2; 448 < 0.8 x 597
      "202506 D value     maturity",     // 58 >= 54, tenure 36
      "202506 E potential maturity",     // paid on 06-05
      "202506 F value     maturity",     // contract ended 06-29 < 06-30; tenure 25
      "202506 G value     maturity  bill_drop marketing",            // 58 < 118 / 2
      "202506 H potential decline   keep_number care",
      "202506 I value     churned",      // churned 06-12 with no signal before
      "202506 J value     growth",       // 387 > 1.1 x 297
      "202506 K low       growth",       // Jun bill not due until 07-15
      "202507 A value     maturity",
      "202507 B secondary acquisition",  // tenure 1, 58 >= 58
      "202507 C potential decline",      // 299 < 0.8 x 597
      "202507 D value     maturity",
      "202507 E potential maturity",
      "202507 F value     maturity",
      "202507 G value     maturity",
      "202507 H potential decline   keep_number care",
      "202507 J value     decline   call_forward,voluntary_suspension marketing", // signals beat revenue growth
      "202507 K low       growth    arrears care",                   // Jun bill unpaid, due 07-15
  };

  /** Expected rows keyed "month subscriber" -> [segment, stage, signals, warning type]. */
  private static Map<String, String[]> expected() {
    Map<String, String[]> out = new LinkedHashMap<>();
    for (String e : EXPECTED) {
      String[] f = e.trim().split("\\s+");
      out.put(f[0] + " " + f[1], new String[] {f[2], f[3], f.length > 4 ? f[4] : "", f.length > 5 ? f[5] : "none"});
    }
    return out;
  }

  /** previous_* per row: the subscriber's previous expected row, 'new' for the first. */
  private static Map<String, String[]> expectedPrevious() {
    Map<String, String[]> out = new HashMap<>();
    Map<String, String[]> last = new HashMap<>();
    expected().forEach((key, v) -> {
      String sub = key.split(" ")[1];
      String[] prev = last.get(sub);
      out.put(key, prev == null ? new String[] {"new", "new"} : new String[] {prev[0], prev[1]});
      last.put(sub, v);
    });
    return out;
  }

  @BeforeAll
  void loadTheSet() {
    warehouse = Warehouse.openEmbedded(dir.resolve("data"));
    AnalysisFixtures.load(warehouse, AnalysisHandMadeSet.write(dir.resolve("feeds")));
  }

  @AfterAll
  void close() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @Test
  void theDataLoadedAsDesigned() {
    assertThat(single(warehouse, "SELECT count(*) FROM etl_reject")).isEqualTo("0");
    assertThat(single(warehouse, "SELECT count(*) FROM fact_subscriber_month")).isEqualTo(String.valueOf(EXPECTED.length));
    assertThat(rows(warehouse, "SELECT month_key, subscriber_id, active_end, is_churned FROM fact_subscriber_month"
        + " WHERE subscriber_id IN ('I', 'L') AND (active_end = 0 OR is_churned = 1) ORDER BY 1, 2"))
        .containsExactly(List.of("202505", "L", "0", "1"), List.of("202506", "I", "0", "1"));
  }

  @Test
  void segmentsStagesAndSignalsOfEverySubscriberMonth() {
    Map<String, String> actual = new TreeMap<>();
    for (List<String> r : rows(warehouse, "SELECT month_key, subscriber_id, value_segment, lifecycle_stage, signals,"
        + " warning_type FROM fact_subscriber_month")) {
      actual.put(r.get(0) + " " + r.get(1), r.get(2) + " " + r.get(3) + " [" + r.get(4) + "] " + r.get(5));
    }
    Map<String, String> want = new TreeMap<>();
    expected().forEach((k, v) -> want.put(k, v[0] + " " + v[1] + " [" + v[2] + "] " + v[3]));
    assertThat(actual).containsExactlyEntriesOf(want);
  }

  @Test
  void previousSegmentAndStageAreThoseOfTheSubscribersPreviousRow() {
    Map<String, String> actual = new TreeMap<>();
    for (List<String> r : rows(warehouse, "SELECT month_key, subscriber_id, previous_value_segment,"
        + " previous_lifecycle_stage FROM fact_subscriber_month")) {
      actual.put(r.get(0) + " " + r.get(1), r.get(2) + " " + r.get(3));
    }
    Map<String, String> want = new TreeMap<>();
    expectedPrevious().forEach((k, v) -> want.put(k, v[0] + " " + v[1]));
    assertThat(actual).containsExactlyEntriesOf(want);
    // the moves the set was built for
    assertThat(actual).containsEntry("202505 D", "value decline").containsEntry("202506 D", "potential maturity")
        .containsEntry("202505 F", "secondary maturity").containsEntry("202506 F", "potential maturity")
        .containsEntry("202506 B", "new new").containsEntry("202507 B", "low acquisition")
        .containsEntry("202506 C", "value maturity");
  }

  @Test
  void signalColumnsAgreeWithTheSignalList() {
    for (List<String> r : rows(warehouse, "SELECT month_key, subscriber_id, signals, signal_count, "
        + Arrays.stream(ChurnSignal.values()).map(ChurnSignal::column).reduce((a, b) -> a + ", " + b).orElseThrow()
        + " FROM fact_subscriber_month")) {
      String key = r.get(0) + " " + r.get(1);
      List<String> fired = new ArrayList<>();
      for (int i = 0; i < ChurnSignal.values().length; i++) {
        assertThat(r.get(4 + i)).as(key).isIn("0", "1");
        if (r.get(4 + i).equals("1")) {
          fired.add(ChurnSignal.values()[i].code());
        }
      }
      assertThat(r.get(2)).as(key).isEqualTo(String.join(",", fired));
      assertThat(r.get(3)).as(key).isEqualTo(String.valueOf(fired.size()));
    }
  }

  @Test
  void withTooLittleHistoryTheWeightsAreThePriors() {
    // Jan..Jun have a next month: 53 active-at-end subscriber-months without a signal, of which
    // one (I in May) churned the next month.
    double base = 1.0 / 53;
    Map<String, Long> observations = Map.of("competitor_call", 2L, "call_forward", 0L, "keep_number", 2L,
        "bill_drop", 2L, "voluntary_suspension", 0L, "contract_ending", 2L, "arrears", 2L,
        "serious_complaint", 1L, "bill_shock", 1L);
    List<List<String>> weights = rows(warehouse, "SELECT signal, action_type, weight, churn_rate_with,"
        + " churn_rate_without, observations, fitted_from, fitted_to, source FROM churn_signal_weight ORDER BY signal");
    assertThat(weights).hasSize(ChurnSignal.values().length);
    for (List<String> w : weights) {
      ChurnSignal s = ChurnSignal.valueOf(w.get(0).toUpperCase(Locale.ROOT));
      assertThat(w.get(1)).as(w.get(0)).isEqualTo(s.actionType().code());
      assertThat(Double.parseDouble(w.get(2))).as(w.get(0)).isEqualTo(s.priorWeight());
      assertThat(Double.parseDouble(w.get(4))).as(w.get(0)).isCloseTo(base, within(1e-12));
      assertThat(Long.parseLong(w.get(5))).as(w.get(0)).isEqualTo(observations.get(w.get(0)));
      assertThat(w.subList(6, 9)).as(w.get(0)).containsExactly("202501", "202506", "default");
    }
    assertThat(single(warehouse, "SELECT churn_rate_with FROM churn_signal_weight WHERE signal = 'competitor_call'"))
        .isEqualTo("0.5"); // L churned after its competitor call, D did not
    // the priors' action types, as the CRM practice names them
    assertThat(rows(warehouse, "SELECT action_type, string_agg(signal, ',' ORDER BY signal) FROM churn_signal_weight"
        + " GROUP BY 1 ORDER BY 1")).containsExactly(
        List.of("care", "arrears,bill_shock,keep_number,serious_complaint,voluntary_suspension"),
        List.of("marketing", "bill_drop,call_forward,competitor_call,contract_ending"));
  }

  @Test
  void warningScoreIsTheBaseRateTimesTheExponentOfTheFiredWeights() {
    double base = 1.0 / 53;
    Map<String, String[]> want = expected();
    for (List<String> r : rows(warehouse, "SELECT month_key, subscriber_id, warning_score, at_risk, active_end,"
        + " value_tier FROM fact_subscriber_month")) {
      String key = r.get(0) + " " + r.get(1);
      String signals = want.get(key)[2];
      double sum = signals.isEmpty() ? 0 : Arrays.stream(signals.split(","))
          .mapToDouble(s -> ChurnSignal.valueOf(s.toUpperCase(Locale.ROOT)).priorWeight()).sum();
      double score = Math.min(0.99, base * Math.exp(sum));
      assertThat(Double.parseDouble(r.get(2))).as(key).isCloseTo(score, within(1e-12));
      // every signal here lifts the score to at least 1/53 x e = 5.1% >= 5%; none stays at 1/53 = 1.9%
      boolean active = r.get(4).equals("1");
      assertThat(r.get(3)).as(key).isEqualTo(active && !signals.isEmpty() ? "1" : "0");
      assertThat(r.get(5)).as(key + " value_tier").isIn("top5", "next15", "rest");
    }
    assertThat(single(warehouse, "SELECT warning_score FROM fact_subscriber_month WHERE month_key = 202504"
        + " AND subscriber_id = 'D'")).startsWith("0.5115"); // e^(2.0 + 1.3) / 53
  }

  @Test
  void aChurnedSubscriberKeepsTheTierOfTheMonthBeforeChurn() {
    // L churned 2025-05-20 and I 2025-06-12: each month's row carries April's and May's tier
    assertThat(rows(warehouse, "SELECT c.month_key, c.subscriber_id, c.active_end, c.value_tier, p.value_tier"
        + " FROM fact_subscriber_month c JOIN fact_subscriber_month p ON p.subscriber_id = c.subscriber_id"
        + " AND p.month_key = CASE WHEN c.month_key % 100 = 1 THEN c.month_key - 89 ELSE c.month_key - 1 END"
        + " WHERE c.is_churned = 1 ORDER BY 1, 2")).containsExactly(
        List.of("202505", "L", "0", "rest", "rest"),
        List.of("202506", "I", "0", "rest", "rest"));
    // churn by value tier: no churned subscriber in a blank row
    QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model());
    CellSet byTier = engine.execute(CubeQuery.of("subscribers", List.of("churned"), List.of("value_tier.value_tier")));
    Map<String, Long> churned = new TreeMap<>();
    byTier.cells().forEach(c -> churned.merge(String.valueOf(c.get("value_tier.value_tier")), number(c.get("churned")), Long::sum));
    assertThat(churned).containsEntry("rest", 2L).doesNotContainKey("null");
  }

  @Test
  void billingCarriesTheSubscribersSegmentAndStageOfTheMonth() {
    assertThat(single(warehouse, "SELECT count(*) FROM fact_billing b JOIN fact_subscriber_month f USING"
        + " (month_key, subscriber_id) WHERE b.value_segment IS DISTINCT FROM f.value_segment"
        + " OR b.lifecycle_stage IS DISTINCT FROM f.lifecycle_stage")).isEqualTo("0");
    assertThat(rows(warehouse, "SELECT month_key, charge_item, amount, value_segment, lifecycle_stage FROM fact_billing"
        + " WHERE subscriber_id = 'G' AND month_key IN (202505, 202506) ORDER BY 1, 2")).containsExactly(
        List.of("202505", "monthly_fee", "58.00", "value", "maturity"),
        List.of("202505", "roaming", "60.00", "value", "maturity"),
        List.of("202506", "monthly_fee", "58.00", "value", "maturity"));
    assertThat(single(warehouse, "SELECT count(*) FROM fact_billing WHERE value_segment IS NULL"
        + " OR lifecycle_stage IS NULL")).isEqualTo("0");
  }

  @Test
  void theCubeCountsActiveSubscribersBySegmentAndStage() {
    QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model());
    CellSet bySegment = engine.execute(CubeQuery.of("subscribers", List.of("active_end", "at_risk"),
            List.of("value_segment.value_segment"))
        .withFilters(List.of(LevelFilter.members("time.month", "2025-05"))));
    Map<String, String> segments = new TreeMap<>();
    for (Map<String, Object> cell : bySegment.cells()) {
      segments.put((String) cell.get("value_segment.value_segment"),
          number(cell.get("active_end")) + "/" + number(cell.get("at_risk")));
    }
    // May: value A C G I J (G at risk), potential D E F H (E F H at risk), low K; L churned
    assertThat(segments).containsEntry("value", "5/1").containsEntry("potential", "4/3").containsEntry("low", "1/0");
    assertThat(segments.getOrDefault("secondary", "0/0")).isEqualTo("0/0");

    CellSet byStage = engine.execute(CubeQuery.of("subscribers", List.of("subscribers"),
            List.of("lifecycle_stage.lifecycle_stage"))
        .withFilters(List.of(LevelFilter.members("time.month", "2025-06"))));
    Map<String, Long> stages = new TreeMap<>();
    for (Map<String, Object> cell : byStage.cells()) {
      stages.put((String) cell.get("lifecycle_stage.lifecycle_stage"), number(cell.get("subscribers")));
    }
    assertThat(stages).containsExactlyInAnyOrderEntriesOf(Map.of(
        "acquisition", 1L, "growth", 2L, "maturity", 5L, "decline", 2L, "churned", 1L));
  }

  private static long number(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  // ---- settings: on a warehouse of their own, as they change the answers --------------------------

  @Test
  void settingsTakeEffectWithTheNextBatch() {
    try (Warehouse w = Warehouse.openEmbedded(dir.resolve("settings-data"))) {
      AnalysisFixtures.load(w, AnalysisHandMadeSet.write(dir.resolve("settings-feeds")));
      String segments = "SELECT subscriber_id || ':' || string_agg(value_segment, ',' ORDER BY month_key)"
          + " FROM fact_subscriber_month WHERE subscriber_id IN ('A', 'D', 'F') GROUP BY subscriber_id ORDER BY 1";
      assertThat(rows(w, segments)).extracting(r -> r.get(0)).containsExactly(
          "A:value,value,value,value,value,value,value",
          "D:value,value,value,value,potential,value,value",
          "F:secondary,secondary,secondary,secondary,potential,value,value");

      setting(w, "tenure_threshold_months", "36");
      setting(w, "min_observations", "2");
      // nothing changes until a batch runs
      assertThat(rows(w, segments)).extracting(r -> r.get(0)).contains(
          "D:value,value,value,value,potential,value,value");
      Path usage = AnalysisFixtures.write(dir.resolve("settings-feeds/usage_2025-07.csv"),
          List.of(USAGE_HEADER, "2025-07-03,A,voice,local,own,3,180,0"));
      AnalysisFixtures.load(w, List.of(usage));
      // D's tenure is 31..37: long from Jun (36); F (20..26) is never long
      assertThat(rows(w, segments)).extracting(r -> r.get(0)).containsExactly(
          "A:value,value,value,value,value,value,value",
          "D:secondary,secondary,secondary,secondary,low,value,value",
          "F:secondary,secondary,secondary,secondary,low,secondary,secondary");
      // competitor_call, seen twice (one churner), is fitted now: ln(0.5 / (1/53))
      assertThat(rows(w, "SELECT weight, source FROM churn_signal_weight WHERE signal = 'competitor_call'"))
          .singleElement().satisfies(r -> {
            assertThat(Double.parseDouble(r.get(0))).isCloseTo(Math.log(0.5 * 53), within(1e-12));
            assertThat(r.get(1)).isEqualTo("fitted");
          });
      assertThat(rows(w, "SELECT signal, source FROM churn_signal_weight WHERE observations < 2 ORDER BY 1"))
          .containsExactly(List.of("bill_shock", "default"), List.of("call_forward", "default"),
              List.of("serious_complaint", "default"), List.of("voluntary_suspension", "default"));
      assertThat(Double.parseDouble(single(w, "SELECT warning_score FROM fact_subscriber_month WHERE month_key = 202504"
          + " AND subscriber_id = 'L'"))).isCloseTo(0.5, within(1e-12)); // 1/53 x 26.5

      // a yuan ARPU threshold instead of the median, and a higher at-risk score, with a corrected file
      setting(w, "arpu_threshold", "100");
      setting(w, "at_risk_score", "0.5");
      AnalysisFixtures.write(usage, List.of(USAGE_HEADER, "2025-07-03,A,voice,local,own,4,240,0"));
      AnalysisFixtures.load(w, List.of(usage));
      assertThat(rows(w, segments)).extracting(r -> r.get(0)).containsExactly(
          "A:potential,potential,potential,potential,potential,potential,potential",
          "D:low,low,low,low,low,potential,potential",
          "F:low,low,low,low,low,low,low");
      assertThat(single(w, "SELECT string_agg(value_segment, ',' ORDER BY month_key) FROM fact_subscriber_month"
          + " WHERE subscriber_id = 'J'")).isEqualTo("potential,potential,potential,value,value,value,value");
      assertThat(rows(w, "SELECT month_key, subscriber_id FROM fact_subscriber_month WHERE at_risk = 1 ORDER BY 1, 2"))
          .containsExactly(List.of("202504", "D"), List.of("202504", "L"), List.of("202507", "J"));
      // D in April: 0.5 x e^1.3 (serious_complaint keeps its prior) is capped
      assertThat(single(w, "SELECT warning_score FROM fact_subscriber_month WHERE month_key = 202504"
          + " AND subscriber_id = 'D'")).isEqualTo("0.99");
    }
  }

  /**
   * Definition: weight = ln(rate with the signal / rate with none), floored at 0, once the signal
   * was seen min_observations times. A signal seen often enough that never preceded a churn has
   * a rate of 0, so its weight is floored to 0 (fitted), not left at the prior.
   */
  @Test
  void aSignalSeenOftenEnoughThatNeverPrecededChurnWeighsZero() {
    try (Warehouse w = Warehouse.openEmbedded(dir.resolve("floor-data"))) {
      setting(w, "min_observations", "2");
      AnalysisFixtures.load(w, AnalysisHandMadeSet.write(dir.resolve("floor-feeds")));
      // keep_number: H in May and Jun, neither churned in the next month
      assertThat(rows(w, "SELECT observations, churn_rate_with, weight, source FROM churn_signal_weight"
          + " WHERE signal = 'keep_number'")).containsExactly(List.of("2", "0.0", "0.0", "fitted"));
    }
  }
}
