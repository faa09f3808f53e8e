package org.telecube.backend.druid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.backend.duckdb.DuckDbBackend;
import org.telecube.druid.testcluster.DruidTestCluster;
import org.telecube.druid.testcluster.TaskStatus;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.backend.Publication;
import org.telecube.warehouse.backend.Publication.Slice;
import org.telecube.warehouse.backend.PublishRefusedException;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.ModelLoader;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.QueryEngine;

/**
 * Publishing from a real DuckDB work area to a real Druid cluster (one per test JVM): exact cents,
 * idempotent months and batches, a task Druid fails leaves the previous answers, HTTP ingestion,
 * and another work area refused. Druid's datasources are shared by the JVM, so the tests are one
 * story, in order, each starting from what the one before published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DruidPublisherTest {
  private static final CubeModel MODEL = ModelLoader.shipped();
  private static final String WORK_AREA = "7d2e4b10-druid-publisher-test";
  /** month → "rows cents" as Druid serves fact_billing after the first publication. */
  private static final Map<Integer, String> FIRST = Map.of(202501, "2 1235", 202502, "2 9655");

  @TempDir
  static Path dir;
  private DruidTestCluster cluster;
  private DruidBackend druid;
  private DuckDbBackend duckdb;
  private Connection workArea;
  /** Two cities of two provinces, from the shipped regions. */
  private String cityA;
  private String provinceA;
  private String cityB;
  private String provinceB;

  @BeforeAll
  void open() throws SQLException {
    long started = System.nanoTime();
    cluster = DruidTestCluster.shared();
    System.out.printf("Druid test cluster: started in %d ms (asked after %d ms), %d MB resident%n",
        cluster.startupMillis(), (System.nanoTime() - started) / 1_000_000, cluster.residentBytes() >> 20);
    druid = openDruid(Map.of());
    duckdb = DuckDbBackend.open(dir.resolve("work"), 2);
    duckdb.prepare(MODEL);
    workArea = duckdb.dataSource().getConnection();
    try (Statement st = workArea.createStatement();
         ResultSet rs = st.executeQuery("SELECT min(city_code), province_code FROM dim_region GROUP BY province_code"
             + " ORDER BY province_code LIMIT 2")) {
      rs.next();
      cityA = rs.getString(1);
      provinceA = rs.getString(2);
      rs.next();
      cityB = rs.getString(1);
      provinceB = rs.getString(2);
    }
  }

  @AfterAll
  void close() throws SQLException {
    workArea.close();
    duckdb.close();
    druid.close();
  }

  private DruidBackend openDruid(Map<String, String> options) {
    DruidBackend backend = DruidBackend.open(settings(options));
    backend.prepare(MODEL);
    return backend;
  }

  private BackendSettings settings(Map<String, String> options) {
    Map<String, String> all = new LinkedHashMap<>(options);
    all.put(DruidSettings.OVERLORD_URL, cluster.overlordUrl().toString());
    all.put(DruidSettings.INGEST_DIR, cluster.ingestionDirectory().resolve("publisher-test").toString());
    all.put(DruidSettings.TASK_TIMEOUT, "PT3M"); // a stuck wait fails the test, not after the default half hour
    return new BackendSettings("druid", dir, cluster.brokerUrl().toString(), "", "", 2, all);
  }

  @Test
  @Order(1)
  void aWholePublicationServesTheExactCents() throws Exception {
    resetBills();
    druid.publisher().publish(workArea, publication(1, WORK_AREA, Slice.whole("dim_region"), Slice.whole("fact_billing")));

    assertThat(bills()).isEqualTo(FIRST);
    assertThat(druid.publisher().publishedBatch()).isEqualTo(1);
    assertThat(druid.dataVersion()).isEqualTo(1);
    assertRevenueByProvince("8.84", "100.06");
  }

  @Test
  @Order(2)
  void republishingMonthsAndBatchesNeverDuplicates() throws Exception {
    try (Statement st = workArea.createStatement()) {
      st.execute("UPDATE fact_billing SET amount = 20.00 WHERE month_key = 202501 AND subscriber_id = 'S1'");
      st.execute("UPDATE fact_billing SET amount = 1.00 WHERE month_key = 202502"); // not in the slice
    }
    Publication second = publication(2, WORK_AREA, months("fact_billing", 202501));
    druid.publisher().publish(workArea, second);
    Map<Integer, String> afterSecond = Map.of(202501, "2 2001", 202502, "2 9655");
    assertThat(bills()).isEqualTo(afterSecond);

    druid.publisher().publish(workArea, second);
    assertThat(bills()).isEqualTo(afterSecond);
    assertThat(druid.publisher().publishedBatch()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void aMonthEmptiedInTheWorkAreaIsEmptiedByAWholePublication() throws Exception {
    try (Statement st = workArea.createStatement()) {
      st.execute("DELETE FROM fact_billing WHERE month_key = 202502");
    }
    druid.publisher().publish(workArea, publication(3, WORK_AREA, Slice.whole("fact_billing")));
    assertThat(bills()).isEqualTo(Map.of(202501, "2 2001"));
    assertThat(druid.publisher().publishedBatch()).isEqualTo(3);
  }

  @Test
  @Order(4)
  void aTableEmptiedInTheWorkAreaIsEmptiedByAWholePublication() throws Exception {
    try (Statement st = workArea.createStatement()) {
      st.execute("DELETE FROM fact_billing");
    }
    druid.publisher().publish(workArea, publication(4, WORK_AREA, Slice.whole("fact_billing")));
    assertThat(bills()).isEmpty();
    assertThat(druid.publisher().publishedBatch()).isEqualTo(4);

    resetBills();
    druid.publisher().publish(workArea, publication(5, WORK_AREA, Slice.whole("fact_billing")));
    assertThat(bills()).isEqualTo(FIRST);
  }

  /** The guarantee: Druid failing a task fails the load with Druid's reason, and changes no answer. */
  @Test
  @Order(5)
  void aTaskDruidFailsFailsTheLoadWithItsReasonAndChangesNothing() throws Exception {
    Map<Integer, String> before = bills();
    try (Statement st = workArea.createStatement()) {
      st.execute("UPDATE fact_billing SET amount = 0"); // what the failed load would have published
    }
    // rows Druid cannot read at run time: no timestamp, and no parse exception allowed
    DruidPublisher failing = failingOn("fact_billing");
    assertThatThrownBy(() -> failing.publish(workArea, publication(6, WORK_AREA, Slice.whole("fact_billing"))))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("Druid did not ingest batch 6")
        .hasMessageContaining("fact_billing (task ")
        .satisfies(e -> {
          Matcher task = Pattern.compile("\\(task ([^)]+)\\)").matcher(e.getMessage());
          assertThat(task.find()).isTrue();
          TaskStatus status = cluster.overlord().status(task.group(1));
          assertThat(status.state()).as("the failure is Druid's").isEqualTo("FAILED");
          assertThat(status.errorMsg()).isNotBlank();
          assertThat(e.getMessage()).contains(status.errorMsg());
          System.out.println("the failed load: " + e.getMessage());
        });
    assertThat(druid.publisher().publishedBatch()).isEqualTo(5);
    assertThat(bills()).isEqualTo(before);
  }

  /**
   * Druid replaces one table at a time: when one task fails and another succeeded, the work area
   * rolls the batch back and reuses its id, so the ledger must send the next load down the whole star.
   */
  @Test
  @Order(6)
  void aPartlyIngestedBatchMakesTheNextLoadPublishTheWholeStar() throws Exception {
    Map<Integer, String> before = bills();
    try (Statement st = workArea.createStatement()) {
      st.execute("UPDATE dim_region SET city_name_en = 'Renamed' WHERE city_code = '" + cityA + "'");
    }
    assertThatThrownBy(() -> failingOn("fact_billing").publish(workArea, publication(6, WORK_AREA,
        Slice.whole("dim_region"), Slice.whole("fact_billing"))))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("it keeps serving the previous data of fact_billing (task ")
        .hasMessageContaining("It already replaced dim_region, so the next load publishes the whole star");
    assertThat(bills()).isEqualTo(before);
    long published = druid.publisher().publishedBatch();
    assertThat(published).as("no work area's batch, so not the one before the next load's").isNegative();
    assertThat(druid.dataVersion()).isEqualTo(published);
    try (Statement st = workArea.createStatement()) {
      st.execute("UPDATE dim_region SET city_name_en = 'was renamed' WHERE city_code = '" + cityA + "'");
    }
  }

  /** A publisher whose task for {@code table} Druid fails at run time: no timestamp, and no parse exception allowed. */
  private DruidPublisher failingOn(String table) {
    UnaryOperator<ObjectNode> noTimestamp = task -> {
      ObjectNode schema = (ObjectNode) task.path("spec").path("dataSchema");
      if (schema.path("dataSource").asText().equals(table)) {
        ((ObjectNode) schema.path("timestampSpec")).put("column", "no_such_column");
      }
      return task;
    };
    return new DruidPublisher(DruidSettings.of(settings(Map.of())), DruidStar.describe(MODEL), druid.dataSource(),
        noTimestamp);
  }

  @Test
  @Order(7)
  void httpIngestionGivesTheSameAnswers() throws Exception {
    resetBills();
    try (DruidBackend overHttp = openDruid(Map.of(DruidSettings.INGEST, "http", DruidSettings.HTTP_ADDRESS,
        "127.0.0.1"))) {
      overHttp.publisher().publish(workArea, publication(7, WORK_AREA, Slice.whole("fact_billing")));
      assertThat(overHttp.publisher().publishedBatch()).isEqualTo(7);
    }
    assertThat(bills()).isEqualTo(FIRST);
    assertRevenueByProvince("8.84", "100.06");
    assertThat(druid.publisher().publishedBatch()).isEqualTo(7);
  }

  @Test
  @Order(8)
  void anotherWorkAreaIsRefusedAndChangesNothing() throws Exception {
    Map<Integer, String> before = bills();
    try (Statement st = workArea.createStatement()) {
      st.execute("UPDATE fact_billing SET amount = 0");
    }
    assertThatThrownBy(() -> druid.publisher().publish(workArea, publication(9, "another-work-area",
        Slice.whole("fact_billing"))))
        .isInstanceOf(PublishRefusedException.class)
        .hasMessageContaining("another work area (" + WORK_AREA + ", batch 7)")
        .hasMessageContaining(DruidPublisher.LEDGER);
    assertThat(bills()).isEqualTo(before);
    assertThat(druid.publisher().publishedBatch()).isEqualTo(7);
  }

  @Test
  @Order(9)
  void textDatesTimestampsBooleansAndDoublesArriveAsTheWorkAreaHoldsThem() throws Exception {
    try (PreparedStatement ps = workArea.prepareStatement("INSERT INTO fact_service_event (event_time, date_key,"
        + " month_key, subscriber_id, event_type, severity, event_channel, duration_sec) VALUES (?, ?, 202503, 'S1',"
        + " 'complaint', 'high', '热线', NULL)")) {
      ps.setObject(1, LocalDateTime.of(2025, 3, 9, 23, 59, 58, 123_456_000));
      ps.setObject(2, LocalDate.of(2025, 3, 9));
      ps.executeUpdate();
    }
    try (Statement st = workArea.createStatement()) {
      st.execute("INSERT INTO dim_subscriber (subscriber_id, version, valid_from, valid_to, is_current, deposit)"
          + " VALUES ('S1', 1, DATE '1900-01-01', DATE '9999-12-31', true, 0.01)");
      st.execute("INSERT INTO fact_subscriber_month (month_key, subscriber_id, active_start, active_end, is_new,"
          + " is_churned, tenure_months, revenue, billed, value_score, warning_score) VALUES (202503, 'S1', 1, 1, 0, 0,"
          + " 12, 0.01, 1, 0.1, 1e-7)");
      st.execute("INSERT INTO dim_region (city_code, city_name_zh, city_name_en, province_code, province_name_zh,"
          + " province_name_en, macro_region, macro_region_sort) VALUES ('999901', '测试市', '', NULL,"
          + " '省\"引号\"', 'Test, \"Quoted\"\nNew line', '华南', 7)");
    }
    druid.publisher().publish(workArea, publication(8, WORK_AREA, months("fact_service_event", 202503),
        Slice.whole("dim_subscriber"), months("fact_subscriber_month", 202503), Slice.whole("dim_region")));

    try (Connection c = druid.dataSource().getConnection(); Statement st = c.createStatement()) {
      assertThat(row(st, "SELECT event_time, date_key, duration_sec, event_channel FROM fact_service_event"))
          .containsExactly("2025-03-09 23:59:58.123456", "2025-03-09", null, "热线");
      assertThat(row(st, "SELECT valid_from, valid_to, is_current, deposit FROM dim_subscriber"))
          .as("booleans as 0 or 1, money in cents").containsExactly("1900-01-01", "9999-12-31", "1", "1");
      assertThat(row(st, "SELECT revenue, CASE WHEN value_score = 0.1 THEN 'exact' END,"
          + " CASE WHEN warning_score = 1e-7 THEN 'exact' END FROM fact_subscriber_month"))
          .containsExactly("1", "exact", "exact");
      assertThat(row(st, "SELECT city_name_zh, city_name_en, province_code, province_name_zh, province_name_en,"
          + " macro_region FROM dim_region WHERE city_code = '999901'"))
          .as("empty stays empty, NULL stays NULL")
          .containsExactly("测试市", "", null, "省\"引号\"", "Test, \"Quoted\"\nNew line", "华南");
      assertThat(row(st, "SELECT COUNT(*) FROM dim_region")).containsExactly(String.valueOf(regions()));
    }
  }

  private long regions() throws SQLException {
    try (Statement st = workArea.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM dim_region")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The single row {@code sql} answers, every column as text. */
  private static List<String> row(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        row.add(rs.getString(i));
      }
      assertThat(rs.next()).as("one row from " + sql).isFalse();
      return row;
    }
  }

  /** The four bills of the first publication: two months, two cities, cents and a negative. */
  private void resetBills() throws SQLException {
    try (Statement st = workArea.createStatement()) {
      st.execute("DELETE FROM fact_billing");
      insertBill(st, 202501, "S1", "12.34", cityA);
      insertBill(st, 202501, "S2", "0.01", cityB);
      insertBill(st, 202502, "S1", "-3.50", cityA);
      insertBill(st, 202502, "S3", "100.05", cityB);
    }
  }

  private static void insertBill(Statement st, int month, String subscriber, String amount, String city)
      throws SQLException {
    st.execute("INSERT INTO fact_billing (month_key, subscriber_id, charge_item, plan_code, amount, paid_amount,"
        + " outstanding, city_code) VALUES (" + month + ", '" + subscriber + "', 'C01', 'P1', " + amount + ", 0, "
        + amount + ", '" + city + "')");
  }

  /** Revenue by province through the cube engine: BigDecimal to the cent, read back from Druid's cents. */
  private void assertRevenueByProvince(String revenueA, String revenueB) {
    CellSet answer = new QueryEngine(druid, MODEL).execute(CubeQuery.of("revenue", List.of("revenue"),
        List.of("region.province")));
    Map<Object, Object> byProvince = new LinkedHashMap<>();
    answer.cells().forEach(c -> byProvince.put(c.get("region.province"), c.get("revenue")));
    assertThat(byProvince).containsOnlyKeys(provinceA, provinceB);
    assertThat(byProvince.get(provinceA)).isInstanceOf(BigDecimal.class);
    assertThat((BigDecimal) byProvince.get(provinceA)).isEqualByComparingTo(revenueA);
    assertThat((BigDecimal) byProvince.get(provinceB)).isEqualByComparingTo(revenueB);
  }

  /** fact_billing as the broker serves it: month → "rows cents". */
  private Map<Integer, String> bills() throws SQLException {
    Map<Integer, String> bills = new LinkedHashMap<>();
    try (Connection c = druid.dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT month_key, COUNT(*), SUM(amount) FROM fact_billing GROUP BY month_key"
             + " ORDER BY month_key")) {
      while (rs.next()) {
        bills.put(rs.getInt(1), rs.getLong(2) + " " + rs.getLong(3));
      }
    }
    return bills;
  }

  private static Publication publication(long batch, String workArea, Slice... slices) {
    return new Publication(batch, workArea, List.of(slices));
  }

  private static Slice months(String table, Integer... months) {
    return Slice.months(table, "month_key", new TreeSet<>(List.of(months)));
  }
}
