package org.telecube.backend.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.backend.duckdb.DuckDbBackend;
import org.telecube.backend.postgres.testing.EmbeddedPostgres;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.backend.Publication;
import org.telecube.warehouse.backend.Publication.Slice;
import org.telecube.warehouse.backend.PublishRefusedException;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.ModelLoader;

/** Publishing from a real DuckDB work area into a real PostgreSQL: exact, idempotent, all or nothing. */
class PostgresPublisherTest {
  private static final CubeModel MODEL = ModelLoader.shipped();
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final String WORK_AREA = "3f1c0a52-work-area-a";
  /** The awkward values: NULL, empty, quote, comma, newline, Chinese, a cent. */
  private static final String CITY = "999901";
  private static EmbeddedPostgres pg;

  @TempDir
  Path dir;
  private PostgresBackend postgres;
  private DuckDbBackend duckdb;
  private Connection workArea;

  @BeforeAll
  static void startPostgres() {
    pg = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() {
    pg.close();
  }

  @BeforeEach
  void openBoth() throws SQLException {
    String url = pg.createDatabase("publish_" + DATABASES.incrementAndGet());
    postgres = PostgresBackend.open(new BackendSettings("postgres", dir, url, pg.user(), pg.password(), 2));
    postgres.prepare(MODEL);
    duckdb = DuckDbBackend.open(dir.resolve("work"), 2);
    duckdb.prepare(MODEL);
    workArea = duckdb.dataSource().getConnection();
    workArea.setAutoCommit(false); // as the ETL's batch: published before the work area commits
    try (Statement st = workArea.createStatement()) {
      st.execute("INSERT INTO dim_region (city_code, city_name_zh, city_name_en, province_code, province_name_zh,"
          + " province_name_en, macro_region, macro_region_sort) VALUES ('" + CITY + "', '测试市', '', NULL,"
          + " '省\"引号\"', 'Test, \"Quoted\"\nNew line', '华南', 7)");
      insertBill(st, 202501, "S1", "0.01", "中文套餐");
      insertBill(st, 202501, "S2", "12345678901.99", null);
      insertBill(st, 202502, "S1", "-3.50", "");
      insertBill(st, 202503, "S3", "100.00", "later");
    }
  }

  @AfterEach
  void closeBoth() throws SQLException {
    workArea.rollback();
    workArea.close();
    duckdb.close();
    postgres.close();
  }

  private static void insertBill(Statement st, int month, String subscriber, String amount, String segment)
      throws SQLException {
    st.execute("INSERT INTO fact_billing (month_key, subscriber_id, charge_item, plan_code, amount, paid_amount,"
        + " outstanding, city_code, value_segment) VALUES (" + month + ", '" + subscriber + "', 'C01', 'P1', " + amount
        + ", 0, " + amount + ", '" + CITY + "', " + (segment == null ? "NULL" : "'" + segment + "'") + ")");
  }

  private static Publication publication(long batch, String workArea, Slice... slices) {
    return new Publication(batch, workArea, List.of(slices));
  }

  private static Slice months(String table, Integer... months) {
    return Slice.months(table, "month_key", new TreeSet<>(List.of(months)));
  }

  @Test
  void publishesWholeTablesAndMonthsExactly() throws Exception {
    postgres.publisher().publish(workArea, publication(1, WORK_AREA, Slice.whole("dim_region"),
        months("fact_billing", 202501, 202502)));

    assertThat(rows(postgres, "dim_region")).isEqualTo(rows(workArea, "dim_region")).hasSizeGreaterThan(1);
    assertThat(rows(postgres, "fact_billing")).isEqualTo(rows(workArea, "fact_billing WHERE month_key <> 202503"));
    try (Connection c = postgres.dataSource().getConnection(); Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT city_name_zh, city_name_en, province_code, province_name_zh,"
          + " province_name_en, macro_region FROM dim_region WHERE city_code = '" + CITY + "'")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("测试市");
        assertThat(rs.getString(2)).as("empty stays empty").isEmpty();
        assertThat(rs.getString(3)).as("NULL stays NULL").isNull();
        assertThat(rs.getString(4)).isEqualTo("省\"引号\"");
        assertThat(rs.getString(5)).isEqualTo("Test, \"Quoted\"\nNew line");
        assertThat(rs.getString(6)).isEqualTo("华南");
      }
      try (ResultSet rs = st.executeQuery("SELECT sum(amount), count(*) FILTER (WHERE value_segment IS NULL),"
          + " count(*) FILTER (WHERE value_segment = '') FROM fact_billing")) {
        rs.next();
        assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal("12345678898.50"));
        assertThat(rs.getInt(2)).isEqualTo(1);
        assertThat(rs.getInt(3)).isEqualTo(1);
      }
    }
    assertThat(postgres.dataVersion()).isEqualTo(1);
    assertThat(postgres.publisher().publishedBatch()).isEqualTo(1);
    try (Stream<Path> left = Files.list(dir.resolve("work").resolve("publish-spool"))) {
      assertThat(left).as("spooled rows are deleted once copied").isEmpty();
    }
  }

  @Test
  void monthsReplaceOnlyThoseMonthsAndRepublishingChangesNothing() throws Exception {
    postgres.publisher().publish(workArea, publication(1, WORK_AREA, Slice.whole("fact_billing")));
    try (Statement st = workArea.createStatement()) {
      st.execute("DELETE FROM fact_billing WHERE month_key = 202501 AND subscriber_id = 'S2'");
      st.execute("UPDATE fact_billing SET amount = 9.99 WHERE month_key = 202503"); // not in the slice
    }
    Publication second = publication(2, WORK_AREA, months("fact_billing", 202501));
    postgres.publisher().publish(workArea, second);
    List<List<String>> afterSecond = rows(postgres, "fact_billing");
    assertThat(afterSecond).extracting(r -> r.get(1)).containsExactly("S1", "S1", "S3");
    assertThat(afterSecond).filteredOn(r -> r.get(0).equals("202503")).extracting(r -> r.get(4))
        .containsExactly("100.00");

    postgres.publisher().publish(workArea, second);
    postgres.publisher().publish(workArea, second);
    assertThat(rows(postgres, "fact_billing")).isEqualTo(afterSecond);
    assertThat(postgres.dataVersion()).isEqualTo(2);
  }

  @Test
  void aWholeTableKeepsItsIndexesAndPrepareStaysIdempotent() throws Exception {
    String before = indexes();
    postgres.publisher().publish(workArea, publication(1, WORK_AREA, Slice.whole("dim_region"),
        Slice.whole("fact_billing"), Slice.whole("dim_month"), Slice.whole("dim_date")));
    postgres.publisher().publish(workArea, publication(2, WORK_AREA, Slice.whole("dim_region"),
        Slice.whole("fact_billing")));
    assertThat(indexes()).isEqualTo(before);
    postgres.prepare(MODEL);
    assertThat(indexes()).isEqualTo(before);
    assertThat(rows(postgres, "dim_month")).hasSize(41 * 12).isEqualTo(rows(workArea, "dim_month"));
    assertThat(rows(postgres, "dim_date")).hasSizeGreaterThan(10_000).isEqualTo(rows(workArea, "dim_date"));
  }

  @Test
  void datesTimestampsBooleansAndDoublesArriveUnshifted() throws Exception {
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
    }
    postgres.publisher().publish(workArea, publication(1, WORK_AREA, months("fact_service_event", 202503),
        Slice.whole("dim_subscriber"), months("fact_subscriber_month", 202503)));
    try (Connection c = postgres.dataSource().getConnection(); Statement st = c.createStatement()) {
      assertThat(single(st, "SELECT to_char(event_time, 'YYYY-MM-DD HH24:MI:SS.US') || ' ' || date_key || ' '"
          + " || coalesce(duration_sec::text, 'null') || ' ' || event_channel FROM fact_service_event"))
          .isEqualTo("2025-03-09 23:59:58.123456 2025-03-09 null 热线");
      assertThat(single(st, "SELECT valid_from || ' ' || valid_to || ' ' || is_current || ' ' || deposit FROM dim_subscriber"))
          .isEqualTo("1900-01-01 9999-12-31 true 0.01");
      assertThat(single(st, "SELECT value_score = 0.1::float8 AND warning_score = 1e-7::float8 FROM fact_subscriber_month"))
          .isEqualTo("t");
    }
  }

  @Test
  void aFailureMidwayLeavesThePreviousStar() throws Exception {
    postgres.publisher().publish(workArea, publication(1, WORK_AREA, Slice.whole("dim_region"),
        months("fact_billing", 202501, 202502)));
    List<List<String>> regions = rows(postgres, "dim_region");
    List<List<String>> bills = rows(postgres, "fact_billing");
    String indexes = indexes();
    try (Statement st = workArea.createStatement()) {
      st.execute("DELETE FROM dim_region");
      st.execute("UPDATE fact_billing SET amount = 0");
    }
    assertThatThrownBy(() -> postgres.publisher().publish(workArea, publication(2, WORK_AREA,
        Slice.whole("dim_region"), months("fact_billing", 202501), Slice.whole("fact_no_such_table"))))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("fact_no_such_table");
    assertThat(rows(postgres, "dim_region")).isEqualTo(regions);
    assertThat(rows(postgres, "fact_billing")).isEqualTo(bills);
    assertThat(indexes()).isEqualTo(indexes);
    assertThat(postgres.dataVersion()).isEqualTo(1);

    // a table the warehouse has but the work area lacks fails the same way
    try (Statement st = workArea.createStatement()) {
      st.execute("DROP TABLE fact_usage");
    }
    assertThatThrownBy(() -> postgres.publisher().publish(workArea, publication(3, WORK_AREA,
        Slice.whole("dim_region"), Slice.whole("fact_usage"))))
        .isInstanceOf(SQLException.class);
    assertThat(rows(postgres, "dim_region")).isEqualTo(regions);
    assertThat(postgres.dataVersion()).isEqualTo(1);
  }

  @Test
  void anotherWorkAreaIsRefusedUntilTheLedgerIsEmptied() throws Exception {
    postgres.publisher().publish(workArea, publication(1, WORK_AREA, Slice.whole("dim_region")));
    List<List<String>> regions = rows(postgres, "dim_region");
    assertThatThrownBy(() -> postgres.publisher().publish(workArea, publication(9, "another-work-area",
        Slice.whole("dim_region"), Slice.whole("fact_billing"))))
        .isInstanceOf(PublishRefusedException.class)
        .hasMessageContaining("last published from another work area (" + WORK_AREA)
        .hasMessageContaining("DELETE FROM telecube_publication");
    assertThat(rows(postgres, "dim_region")).isEqualTo(regions);
    assertThat(rows(postgres, "fact_billing")).isEmpty();
    assertThat(postgres.dataVersion()).isEqualTo(1);

    try (Connection c = postgres.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("DELETE FROM telecube_publication");
    }
    assertThat(postgres.dataVersion()).isZero();
    postgres.publisher().publish(workArea, publication(9, "another-work-area", Slice.whole("fact_billing")));
    assertThat(postgres.dataVersion()).isEqualTo(9);
    assertThat(rows(postgres, "fact_billing")).hasSize(4);
  }

  @Test
  void aPublicationInProgressHoldsOthersOffThenRefuses() throws Exception {
    PostgresPublisher impatient = new PostgresPublisher(postgres.dataSource(), postgres.location(), Duration.ofMillis(600));
    try (Connection other = postgres.dataSource().getConnection()) {
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.execute("SELECT pg_advisory_xact_lock(" + PostgresPublisher.PUBLISH_LOCK + ")");
      }
      assertThatThrownBy(() -> impatient.publish(workArea, publication(1, WORK_AREA, Slice.whole("dim_region"))))
          .isInstanceOf(PublishRefusedException.class)
          .hasMessageStartingWith("another load is publishing to " + postgres.location());
      other.rollback();
    }
    assertThat(postgres.dataVersion()).isZero();
    impatient.publish(workArea, publication(1, WORK_AREA, Slice.whole("dim_region")));
    assertThat(postgres.dataVersion()).isEqualTo(1);
  }

  @Test
  void dataVersionFollowsThePublications() throws Exception {
    assertThat(postgres.dataVersion()).isZero();
    postgres.publisher().publish(workArea, publication(41, WORK_AREA, months("fact_billing", 202501)));
    assertThat(postgres.dataVersion()).isEqualTo(41);
    postgres.publisher().publish(workArea, publication(42, WORK_AREA, months("fact_billing", 202502)));
    assertThat(postgres.dataVersion()).isEqualTo(42);
    assertThat(postgres.publisher().publishedBatch()).isEqualTo(42);
  }

  private String indexes() throws SQLException {
    try (Connection c = postgres.dataSource().getConnection(); Statement st = c.createStatement()) {
      return single(st, "SELECT string_agg(indexname || ':' || indexdef, E'\\n' ORDER BY indexname) FROM pg_indexes"
          + " WHERE schemaname = current_schema()");
    }
  }

  private static List<List<String>> rows(PostgresBackend backend, String tableAndWhere) throws SQLException {
    try (Connection c = backend.dataSource().getConnection()) {
      return rows(c, tableAndWhere);
    }
  }

  /** Every row, every column as text in a form both databases share, in a fixed order. */
  private static List<List<String>> rows(Connection c, String tableAndWhere) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM " + tableAndWhere)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          Object value = rs.getObject(i);
          row.add(value == null ? null
              : value instanceof BigDecimal d ? d.toPlainString()
              : value instanceof Number n ? String.valueOf(n.longValue())
              : value instanceof Boolean b ? b.toString()
              : rs.getString(i));
        }
        rows.add(row);
      }
    }
    rows.sort((a, b) -> String.join("\u0001", a.stream().map(String::valueOf).toList())
        .compareTo(String.join("\u0001", b.stream().map(String::valueOf).toList())));
    return rows;
  }

  private static String single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
