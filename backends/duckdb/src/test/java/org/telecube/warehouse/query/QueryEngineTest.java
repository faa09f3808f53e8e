package org.telecube.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.schema.AggregateTables;

/**
 * The engine on a tiny hand-made star whose answers are worked out by hand: totals, pivot,
 * slicing, ordering, time intelligence on quarters, semi-additive measures and drill-across.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryEngineTest {
  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine engine;

  @BeforeAll
  void star() throws Exception {
    warehouse = Warehouse.openEmbedded(dir);
    try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      // Guangzhou (440100), Shenzhen (440300), Beijing (110100); 2024-12 .. 2025-04
      st.execute("INSERT INTO fact_billing (month_key, subscriber_id, charge_item, plan_code, amount, paid_amount, outstanding, city_code) VALUES "
          + "(202412,'a','monthly_fee','M5G129',100,100,0,'440100'),"
          + "(202501,'a','monthly_fee','M5G129',100,100,0,'440100'),(202501,'a','voice','M5G129',20,0,20,'440100'),"
          + "(202501,'b','monthly_fee','M4G58',50,50,0,'440300'),"
          + "(202502,'a','monthly_fee','M5G129',100,100,0,'440100'),(202502,'c','monthly_fee','M4G58',60,60,0,'110100'),"
          + "(202504,'a','monthly_fee','M5G129',130,130,0,'440100')");
      // first_line as the ETL sets it: 1 on each subscriber-month's first charge item
      st.execute("UPDATE fact_billing SET first_line = CASE WHEN charge_item = (SELECT min(g.charge_item) FROM fact_billing g"
          + " WHERE g.month_key = fact_billing.month_key AND g.subscriber_id = fact_billing.subscriber_id) THEN 1 ELSE 0 END");
      st.execute("INSERT INTO fact_subscriber_month (month_key, subscriber_id, active_start, active_end, is_new, is_churned, tenure_months, revenue, billed, city_code) VALUES "
          + "(202501,'a',1,1,0,0,10,120,1,'440100'),(202501,'b',1,1,0,0,3,50,1,'440300'),"
          + "(202502,'a',1,1,0,0,11,100,1,'440100'),(202502,'b',1,0,0,1,4,0,0,'440300'),(202502,'c',0,1,1,0,0,60,1,'110100'),"
          + "(202503,'a',1,1,0,0,12,0,0,'440100'),(202503,'c',1,1,0,0,1,0,0,'110100')");
      st.execute("INSERT INTO fact_usage (date_key, month_key, subscriber_id, service, call_type, peer_network, events, duration_sec, volume_kb, city_code) VALUES "
          + "(DATE '2025-03-05',202503,'a','voice','local','own',3,600,0,'440100'),(DATE '2025-03-06',202503,'c','voice','local','own',1,1200,0,'110100')");
      // as a load would: the aggregate tables follow the facts
      AggregateTables.refreshAll(c, warehouse.model());
    }
    engine = new QueryEngine(warehouse.backend(), warehouse.model());
  }

  @AfterAll
  void close() {
    warehouse.close();
  }

  @Test
  void pivotWithTotalsAndSubtotals() {
    CellSet cs = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
        .withColumns(List.of("time.quarter")).withTotals(true)
        .withFilters(List.of(LevelFilter.range("time.month", "2025-01", "2025-12"))).withLocale("en"));
    assertThat(cs.pivot().rowTuples()).extracting(t -> t.get(0).caption()).containsExactly("Beijing", "Guangdong");
    assertThat(cs.pivot().columnTuples()).extracting(t -> t.get(0).key()).containsExactly("2025-Q1", "2025-Q2");
    assertThat(cs.pivot().values()).containsExactly(java.util.Arrays.asList(60L, null), List.of(270L, 130L));
    assertThat(total(cs, "region.province", "440000")).isEqualTo(400.0);
    assertThat(total(cs, "time.quarter", "2025-Q1")).isEqualTo(330.0);
    assertThat(cs.totals()).filteredOn(t -> t.get("region.province") == null && t.get("time.quarter") == null)
        .singleElement().satisfies(t -> assertThat(((Number) t.get("revenue")).doubleValue()).isEqualTo(460.0));
  }

  @Test
  void sliceOrderAndLimit() {
    CellSet cs = engine.execute(CubeQuery.of("revenue", List.of("revenue", "arrears"), List.of("region.city"))
        .withFilters(List.of(LevelFilter.members("region.province", "440000")))
        .withOrder(List.of(OrderKey.desc("revenue")), 1));
    assertThat(cs.cells()).singleElement().satisfies(c -> {
      assertThat(c.get("region.city")).isEqualTo("440100");
      assertThat(c.get("region.city.caption")).isEqualTo("广州市");
      assertThat(((Number) c.get("revenue")).doubleValue()).isEqualTo(450.0);
      assertThat(((Number) c.get("arrears")).doubleValue()).isEqualTo(20.0);
    });
    assertThat(cs.truncated()).isTrue();
  }

  @Test
  void quarterTimeIntelligence() {
    CellSet cs = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("time.quarter"))
        .withTimeIntelligence(List.of("previous_period", "previous_period_change", "year_to_date")));
    Map<String, Object> q2 = cs.cells().stream().filter(c -> "2025-Q2".equals(c.get("time.quarter"))).findFirst().orElseThrow();
    assertThat(((Number) q2.get("revenue:previous_period")).doubleValue()).isEqualTo(330.0);
    // Q2 holds April only (the data ends there): a change against Q1's three months is no change
    assertThat(q2.get("revenue:previous_period_change")).isNull();
    assertThat(((Number) q2.get("revenue:year_to_date")).doubleValue()).isEqualTo(460.0);
    Map<String, Object> q1 = cs.cells().stream().filter(c -> "2025-Q1".equals(c.get("time.quarter"))).findFirst().orElseThrow();
    assertThat(((Number) q1.get("revenue:previous_period")).doubleValue()).isEqualTo(100.0);
    // Q1 is whole but 2024-Q4 holds December only: 330 against 100 is not +230%
    assertThat(q1.get("revenue:previous_period_change")).isNull();
  }

  @Test
  void periodsSayHowManyOfTheirMonthsHoldData() {
    // billing holds 2024-12 .. 2025-04
    CellSet years = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("time.year")));
    assertThat(years.periods()).containsExactly(
        new CellSet.Period("time.year", "2024", 1, 12, true), new CellSet.Period("time.year", "2025", 4, 12, true));
    CellSet quarters = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
        .withColumns(List.of("time.quarter")).withTotals(true));
    assertThat(quarters.periods()).containsExactly(
        new CellSet.Period("time.quarter", "2024-Q4", 1, 3, true), new CellSet.Period("time.quarter", "2025-Q1", 3, 3, false),
        new CellSet.Period("time.quarter", "2025-Q2", 1, 3, true));
    CellSet none = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.province")));
    assertThat(none.periods()).isEmpty();
  }

  @Test
  void aTimeFilterMakesThePeriodsItCutsPartial() {
    // 2025-Q1 is loaded whole, but January and February alone are asked for
    CellSet range = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("time.quarter"))
        .withFilters(List.of(LevelFilter.range("time.month", "2025-01", "2025-02")))
        .withTimeIntelligence(List.of("previous_period_change")));
    assertThat(range.periods()).containsExactly(new CellSet.Period("time.quarter", "2025-Q1", 2, 3, true));
    assertThat(range.cells()).singleElement()
        .satisfies(c -> assertThat(c.get("revenue:previous_period_change")).isNull());
    CellSet members = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("time.quarter"))
        .withFilters(List.of(LevelFilter.members("time.month", "2025-01", "2025-02", "2025-03"))));
    assertThat(members.periods()).containsExactly(new CellSet.Period("time.quarter", "2025-Q1", 3, 3, false));
  }

  @Test
  void aRateChangesByItsDifferenceAndSaysWhetherHigherIsBetter() {
    // churn rate: Jan 0 / 2, Feb 1 / 2, Mar 0 / 2
    CellSet cs = engine.execute(CubeQuery.of("subscribers", List.of("churn_rate", "active_end"), List.of("time.month"))
        .withTimeIntelligence(List.of("previous_period_change")));
    Map<String, Object> feb = cs.cells().stream().filter(c -> "2025-02".equals(c.get("time.month"))).findFirst().orElseThrow();
    Map<String, Object> mar = cs.cells().stream().filter(c -> "2025-03".equals(c.get("time.month"))).findFirst().orElseThrow();
    assertThat(((Number) feb.get("churn_rate:previous_period_change")).doubleValue()).isEqualTo(0.5);
    assertThat(((Number) mar.get("churn_rate:previous_period_change")).doubleValue()).isEqualTo(-0.5);
    // active at end: Jan 2, Feb 2, Mar 2 -> a relative change of 0
    assertThat(((Number) mar.get("active_end:previous_period_change")).doubleValue()).isEqualTo(0.0);
    ResultColumn rate = cs.columns().stream().filter(c -> c.name().equals("churn_rate:previous_period_change")).findFirst().orElseThrow();
    assertThat(rate.change()).isEqualTo("difference");
    assertThat(rate.format()).isEqualTo("percent");
    assertThat(rate.higherIsBetter()).isFalse();
    ResultColumn active = cs.columns().stream().filter(c -> c.name().equals("active_end:previous_period_change")).findFirst().orElseThrow();
    assertThat(active.change()).isEqualTo("relative");
    assertThat(active.higherIsBetter()).isTrue();
  }

  @Test
  void totalsThatKeepTheTimeLevelCarryTimeIntelligence() {
    // all provinces: Jan 100 + 20 + 50 = 170, Feb 100 + 60 = 160
    CellSet cs = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
        .withColumns(List.of("time.month")).withTotals(true)
        .withFilters(List.of(LevelFilter.range("time.month", "2025-01", "2025-02")))
        .withTimeIntelligence(List.of("previous_period_change")));
    Map<String, Object> feb = cs.totals().stream()
        .filter(t -> t.get("region.province") == null && "2025-02".equals(t.get("time.month"))).findFirst().orElseThrow();
    assertThat(((Number) feb.get("revenue:previous_period_change")).doubleValue()).isCloseTo(160.0 / 170 - 1, within(1e-12));
    // Guangdong across months (a row total) has no time member, so no change
    Map<String, Object> gd = cs.totals().stream()
        .filter(t -> "440000".equals(t.get("region.province")) && t.get("time.month") == null).findFirst().orElseThrow();
    assertThat(gd.get("revenue:previous_period_change")).isNull();
  }

  @Test
  void aCancelledQueryStopsWithACancelledError() {
    Cancellation cancellation = new Cancellation();
    cancellation.cancel();
    assertThatThrownBy(() -> engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.province")),
        cancellation)).isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo("cancelled"));
  }

  @Test
  void semiAdditiveAndRatios() {
    CellSet cs = engine.execute(CubeQuery.of("subscribers",
        List.of("active_start", "active_end", "churned", "churn_rate", "new_subscribers", "net_adds"), List.of("time.quarter")));
    Map<String, Object> q1 = cs.cells().get(0);
    // first month Jan: a, b active at start; last month Mar: a, c at end
    assertThat(q1.get("active_start")).isEqualTo(2L);
    assertThat(q1.get("active_end")).isEqualTo(2L);
    assertThat(((Number) q1.get("churn_rate")).doubleValue()).isEqualTo(0.5);
    assertThat(((Number) q1.get("net_adds")).doubleValue()).isEqualTo(0.0);
    // ARPU: (120 + 50 + 100 + 60) over 3 months with billed 2, 2, 0 -> 330 / 3 / avg(2, 2, 0)
    CellSet arpu = engine.execute(CubeQuery.of("subscribers", List.of("arpu"), List.of()));
    assertThat(((Number) arpu.cells().get(0).get("arpu")).doubleValue()).isCloseTo(330.0 / 3 / (4.0 / 3), within(1e-9));
  }

  @Test
  void drillAcrossBringsTheSubscriberBaseToUsage() {
    CellSet cs = engine.execute(CubeQuery.of("usage", List.of("voice_minutes", "active_end", "mou"), List.of("region.province"))
        .withFilters(List.of(LevelFilter.members("time.month", "2025-03"))));
    Map<String, Object> gd = cs.cells().stream().filter(c -> "440000".equals(c.get("region.province"))).findFirst().orElseThrow();
    assertThat(((Number) gd.get("voice_minutes")).doubleValue()).isEqualTo(10.0);
    assertThat(gd.get("active_end")).isEqualTo(1L);
    assertThat(((Number) gd.get("mou")).doubleValue()).isEqualTo(10.0);
    Map<String, Object> bj = cs.cells().stream().filter(c -> "110000".equals(c.get("region.province"))).findFirst().orElseThrow();
    assertThat(((Number) bj.get("mou")).doubleValue()).isEqualTo(20.0);
  }

  @Test
  void answersCannotBeChangedByWhoeverReadsThem() {
    CellSet cs = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
        .withColumns(List.of("time.quarter")).withTotals(true));
    assertThatThrownBy(() -> cs.cells().get(0).put("revenue", 0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> cs.totals().remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> cs.pivot().values().get(0).set(0, 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> cs.columns().clear()).isInstanceOf(UnsupportedOperationException.class);
    MemberList members = engine.members("revenue", "region.province", null, "en");
    assertThatThrownBy(() -> members.members().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  private static double total(CellSet cs, String level, String key) {
    return cs.totals().stream().filter(t -> key.equals(t.get(level)))
        .filter(t -> t.entrySet().stream().filter(e -> !e.getKey().equals(level) && !e.getKey().endsWith(".caption")
            && !e.getKey().equals("revenue")).allMatch(e -> e.getValue() == null))
        .mapToDouble(t -> ((Number) t.get("revenue")).doubleValue()).findFirst().orElseThrow();
  }
}
