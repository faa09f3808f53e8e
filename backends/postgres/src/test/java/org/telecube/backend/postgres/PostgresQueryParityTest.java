package org.telecube.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.telecube.warehouse.schema.AggregateTables;
import org.telecube.backend.duckdb.DuckDbBackend;
import org.telecube.backend.postgres.testing.EmbeddedPostgres;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.backend.Publication;
import org.telecube.warehouse.backend.Publication.Slice;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.ModelLoader;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.QueryEngine;

/**
 * Issue 11's promise: the same star, published from the work area, gives PostgreSQL's answers
 * equal to DuckDB's — pivots with totals (grouping sets), time intelligence, semi-additive and
 * ratio measures, drill-across, Chinese captions — through the same planner, unparsed to each
 * backend's dialect.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresQueryParityTest {
  private static final CubeModel MODEL = ModelLoader.shipped();

  @TempDir
  static Path dir;
  private EmbeddedPostgres pg;
  private DuckDbBackend duckdb;
  private PostgresBackend postgres;

  @BeforeAll
  void publishOneStarToBoth() throws Exception {
    pg = EmbeddedPostgres.start();
    duckdb = DuckDbBackend.open(dir.resolve("work"), 2);
    duckdb.prepare(MODEL);
    postgres = PostgresBackend.open(new BackendSettings("postgres", dir, pg.jdbcUrl(), pg.user(), pg.password(), 2));
    postgres.prepare(MODEL);
    try (Connection c = duckdb.dataSource().getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      // the hand-made star of QueryEngineTest: Guangzhou, Shenzhen, Beijing; 2024-12 .. 2025-04
      st.execute("INSERT INTO fact_billing (month_key, subscriber_id, charge_item, plan_code, amount, paid_amount, outstanding, city_code) VALUES "
          + "(202412,'a','monthly_fee','M5G129',100,100,0,'440100'),"
          + "(202501,'a','monthly_fee','M5G129',100,100,0,'440100'),(202501,'a','voice','M5G129',20,0,20,'440100'),"
          + "(202501,'b','monthly_fee','M4G58',50.01,50,0.01,'440300'),"
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
      // as a load would: the aggregate tables follow the facts (and are published with them)
      AggregateTables.refreshAll(c, MODEL);
      List<Slice> everything = new ArrayList<>();
      try (Connection p = postgres.dataSource().getConnection(); Statement ps = p.createStatement();
           ResultSet rs = ps.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema ="
               + " current_schema() AND table_name <> 'telecube_publication' ORDER BY 1")) {
        while (rs.next()) {
          everything.add(Slice.whole(rs.getString(1)));
        }
      }
      postgres.publisher().publish(c, new Publication(1, "parity", everything));
      c.commit();
    }
  }

  @AfterAll
  void closeAll() {
    postgres.close();
    duckdb.close();
    pg.close();
  }

  static List<CubeQuery> queries() {
    return List.of(
        CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
            .withColumns(List.of("time.quarter")).withTotals(true)
            .withFilters(List.of(LevelFilter.range("time.month", "2025-01", "2025-12"))).withLocale("en"),
        CubeQuery.of("revenue", List.of("revenue", "arrears"), List.of("region.city")).withLocale("zh-CN")
            .withFilters(List.of(LevelFilter.members("region.province", "440000"))),
        CubeQuery.of("revenue", List.of("revenue"), List.of("time.quarter"))
            .withTimeIntelligence(List.of("previous_period", "previous_period_change", "year_to_date")),
        CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
            .withColumns(List.of("time.month")).withTotals(true)
            .withFilters(List.of(LevelFilter.range("time.month", "2025-01", "2025-02")))
            .withTimeIntelligence(List.of("previous_period_change")),
        CubeQuery.of("subscribers", List.of("active_start", "active_end", "churned", "churn_rate", "new_subscribers",
            "net_adds"), List.of("time.quarter")),
        CubeQuery.of("subscribers", List.of("arpu"), List.of()),
        CubeQuery.of("usage", List.of("voice_minutes", "active_end", "mou"), List.of("region.province"))
            .withFilters(List.of(LevelFilter.members("time.month", "2025-03"))),
        // months combined after grouping sets; billed subscribers summed from first_line; every
        // time-intelligence kind in one statement
        CubeQuery.of("subscribers", List.of("active_start", "active_end", "churn_rate"), List.of("region.province"))
            .withColumns(List.of("time.quarter")).withTotals(true)
            .withTimeIntelligence(List.of("previous_period", "same_period_last_year_change")),
        CubeQuery.of("revenue", List.of("revenue", "billed_subscribers", "arpu"), List.of("region.province"))
            .withColumns(List.of("time.quarter")).withTotals(true)
            .withTimeIntelligence(List.of("previous_period_change", "year_to_date")),
        CubeQuery.of("revenue", List.of("billed_subscribers", "arpu"), List.of("charge_item.item")).withTotals(true));
  }

  @ParameterizedTest
  @MethodSource("queries")
  void postgresAnswersAsDuckDbDoes(CubeQuery query) {
    CellSet fromDuckDb = new QueryEngine(duckdb, MODEL).execute(query);
    CellSet fromPostgres = new QueryEngine(postgres, MODEL).execute(query);
    assertThat(fromDuckDb.cells()).isNotEmpty();
    assertThat(normalized(fromPostgres.cells())).isEqualTo(normalized(fromDuckDb.cells()));
    assertThat(normalized(fromPostgres.totals())).isEqualTo(normalized(fromDuckDb.totals()));
    assertThat(fromPostgres.columns()).isEqualTo(fromDuckDb.columns());
    assertThat(fromPostgres.periods()).isEqualTo(fromDuckDb.periods());
  }

  /** Numbers compared by value (a decimal's scale or a long/double may differ between drivers). */
  private static List<Map<String, Object>> normalized(List<Map<String, Object>> records) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> record : records == null ? List.<Map<String, Object>>of() : records) {
      Map<String, Object> copy = new TreeMap<>();
      record.forEach((k, v) -> copy.put(k, v instanceof Number n ? rounded(n) : v));
      out.add(copy);
    }
    return out;
  }

  private static BigDecimal rounded(Number n) {
    return new BigDecimal(n.toString()).round(new java.math.MathContext(12)).stripTrailingZeros();
  }
}
