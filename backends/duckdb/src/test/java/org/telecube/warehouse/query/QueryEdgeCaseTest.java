package org.telecube.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.schema.AggregateTables;

/**
 * Queries that used to fail inside the engine (HTTP 500) and must instead answer or be refused as
 * the client's mistake, naming the field: measures brought across from a cube without a day
 * level asked at day grain, and member keys outside Latin-1, with control characters, or given
 * as a caption.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryEdgeCaseTest {
  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine engine;

  @BeforeAll
  void star() throws Exception {
    warehouse = Warehouse.openEmbedded(dir);
    try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO fact_subscriber_month (month_key, subscriber_id, active_start, active_end, is_new, is_churned,"
          + " tenure_months, revenue, billed, city_code, age_band) VALUES "
          + "(202503,'a',1,1,0,0,12,0,0,'440100','25_34'),(202503,'c',1,1,0,0,1,0,0,'110100','under_25')");
      st.execute("INSERT INTO fact_usage (date_key, month_key, subscriber_id, service, call_type, peer_network, events,"
          + " duration_sec, volume_kb, city_code) VALUES "
          + "(DATE '2025-03-05',202503,'a','voice','local','own',3,600,0,'440100'),"
          + "(DATE '2025-03-06',202503,'c','voice','local','own',1,1200,0,'110100')");
      st.execute("INSERT INTO fact_service_event (event_time, date_key, month_key, subscriber_id, event_type, severity,"
          + " event_channel, city_code) VALUES (TIMESTAMP '2025-03-05 10:00:00', DATE '2025-03-05', 202503, 'a',"
          + " 'complaint', 'normal', 'hotline', '440100')");
      // as a load would: the aggregate tables follow the facts
      AggregateTables.refreshAll(c, warehouse.model());
    }
    engine = new QueryEngine(warehouse.backend(), warehouse.model());
  }

  @AfterAll
  void close() {
    warehouse.close();
  }

  // ---- item 4: measures across from the subscribers cube (months only) at day grain ----------

  @Test
  void mouByDayIsRefusedNamingTheDayLevel() {
    assertRefused(() -> engine.execute(CubeQuery.of("usage", List.of("mou"), List.of("time.day"))),
        "rows[0]", "measure_not_at_level", "time.day");
    assertRefused(() -> engine.execute(CubeQuery.of("usage", List.of("dou"), List.of("time.day"))
            .withFilters(List.of(LevelFilter.members("time.month", "2025-03")))),
        "rows[0]", "measure_not_at_level", "time.day");
  }

  @Test
  void cityByDayWithTotalsIsRefusedNamingTheColumn() {
    assertRefused(() -> engine.execute(CubeQuery.of("usage", List.of("voice_minutes", "mou", "dou"), List.of("region.city"))
            .withColumns(List.of("time.day")).withTotals(true)),
        "columns[0]", "measure_not_at_level", "time.day");
  }

  @Test
  void complaintsPer10kByDayIsRefused() {
    assertRefused(() -> engine.execute(CubeQuery.of("service", List.of("complaints_per_10k"), List.of("time.day"))),
        "rows[0]", "measure_not_at_level", "time.day");
  }

  @Test
  void aDayFilterUnderAnAcrossMeasureIsRefusedNotIgnored() {
    // the subscriber base cannot be cut to a day: ignoring the filter would divide by the wrong base
    assertRefused(() -> engine.execute(CubeQuery.of("usage", List.of("mou"), List.of("region.province"))
            .withFilters(List.of(LevelFilter.members("time.day", "2025-03-05")))),
        "filters[0].level", "measure_not_at_level", "time.day");
    assertRefused(() -> engine.execute(CubeQuery.of("usage", List.of("active_end"), List.of())
            .withFilters(List.of(LevelFilter.range("time.day", "2025-03-01", "2025-03-05")))),
        "filters[0].level", "measure_not_at_level", "time.day");
  }

  @Test
  void measuresOfTheCubeItselfStillAnswerByDayAndTheAcrossOnesByMonth() {
    CellSet byDay = engine.execute(CubeQuery.of("usage", List.of("voice_minutes", "events"),
            List.of("region.city")).withColumns(List.of("time.day")).withTotals(true));
    assertThat(byDay.cells()).extracting(c -> c.get("region.city") + "@" + c.get("time.day") + "=" + c.get("voice_minutes"))
        .containsExactlyInAnyOrder("110100@2025-03-06=20.0", "440100@2025-03-05=10.0");
    assertThat(byDay.totals()).filteredOn(t -> t.get("region.city") == null && t.get("time.day") == null)
        .singleElement().satisfies(t -> assertThat(((Number) t.get("voice_minutes")).doubleValue()).isEqualTo(30.0));
    CellSet byMonth = engine.execute(CubeQuery.of("usage", List.of("mou"), List.of("region.city"))
        .withColumns(List.of("time.month")).withTotals(true));
    assertThat(byMonth.cells()).extracting(c -> c.get("region.city") + "=" + c.get("mou"))
        .containsExactlyInAnyOrder("110100=20.0", "440100=10.0");
    // the grand total: 30 minutes over 2 subscribers in one month
    assertThat(byMonth.totals()).filteredOn(t -> t.get("region.city") == null && t.get("time.month") == null)
        .singleElement().satisfies(t -> assertThat(t.get("mou")).isEqualTo(15.0));
    CellSet service = engine.execute(CubeQuery.of("service", List.of("complaints_per_10k"), List.of("time.month")));
    assertThat(((Number) service.cells().get(0).get("complaints_per_10k")).doubleValue()).isEqualTo(5000.0);
  }

  // ---- item 5: member keys outside Latin-1, control characters, captions typed as keys ---------

  @Test
  void aCaptionTypedAsAKeyIsRefusedWithTheKeyToUse() {
    assertRefused(() -> engine.execute(CubeQuery.of("subscribers", List.of("active_end"), List.of())
            .withFilters(List.of(LevelFilter.members("region.province", "广东省")))),
        "filters[0].members[0]", "unknown_member_did_you_mean", "unknown member \"广东省\"; did you mean 440000 (广东省)?");
    assertRefused(() -> engine.execute(CubeQuery.of("subscribers", List.of("active_end"), List.of())
            .withFilters(List.of(LevelFilter.members("region.city", "440100", "guangzhou")))),
        "filters[0].members[1]", "unknown_member_did_you_mean", "unknown member \"guangzhou\"; did you mean 440100 (Guangzhou)?");
    assertRefused(() -> engine.members("subscribers", "region.city", "广东省", "zh-CN"),
        "parent", "unknown_member_did_you_mean", "unknown member \"广东省\"; did you mean 440000 (广东省)?");
  }

  @ParameterizedTest
  @ValueSource(strings = {"４４００００", "440000\u200B", "\u200F440000", "440000😀", "北京", "Ω"})
  void aKeyOutsideLatin1IsAnUnknownMemberNotAnError(String key) {
    assertThatThrownBy(() -> engine.execute(CubeQuery.of("subscribers", List.of("active_end"), List.of("region.province"))
            .withFilters(List.of(LevelFilter.members("region.province", key)))))
        .isInstanceOfSatisfying(QueryException.class, e -> {
          assertThat(e.field()).isEqualTo("filters[0].members[0]");
          // with or without a suggestion (full-width digits and invisible marks get one)
          assertThat(e.code()).isIn("unknown_member", "unknown_member_did_you_mean");
          assertThat(e.getMessage()).startsWith("unknown member \"" + key + "\"");
        });
  }

  @Test
  void lookalikeKeysSuggestTheRealOne() {
    assertRefused(() -> engine.execute(CubeQuery.of("subscribers", List.of("active_end"), List.of())
            .withFilters(List.of(LevelFilter.members("region.province", "４４００００")))),
        "filters[0].members[0]", "unknown_member_did_you_mean", "did you mean 440000 (广东省)?");
    assertRefused(() -> engine.execute(CubeQuery.of("subscribers", List.of("active_end"), List.of())
            .withFilters(List.of(LevelFilter.members("region.province", "440000\u200B")))),
        "filters[0].members[0]", "unknown_member_did_you_mean", "did you mean 440000 (广东省)?");
  }

  @ParameterizedTest
  @ValueSource(strings = {"4400\u000000", "440000\u0000", "\u0001", "4400\n00", "44\u007F0000"})
  void aControlCharacterInAKeyIsRefusedNamingTheField(String key) {
    assertRefused(() -> engine.execute(CubeQuery.of("subscribers", List.of("active_end"), List.of())
            .withFilters(List.of(LevelFilter.members("region.province", "110000", key)))),
        "filters[0].members[1]", "control_character", "control character");
    assertRefused(() -> engine.members("subscribers", "region.city", key, "en"), "parent", "control_character", "control character");
  }

  @Test
  void unicodeLiteralsWorkEndToEnd() throws Exception {
    // a member whose key is outside Latin-1 is found, filtered on and captioned like any other
    try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("INSERT INTO dim_channel (code, name_zh, name_en, sort_order) VALUES ('旗舰店·𠀋', '旗舰店', 'Flagship', 99)");
      st.execute("INSERT INTO fact_service_event (event_time, date_key, month_key, subscriber_id, event_type, severity,"
          + " event_channel, city_code, channel) VALUES (TIMESTAMP '2025-03-07 10:00:00', DATE '2025-03-07', 202503, 'c',"
          + " 'inquiry', 'low', 'store', '110100', '旗舰店·𠀋')");
      AggregateTables.refreshAll(c, warehouse.model());
    }
    assertThat(engine.members("service", "channel.channel", null, "zh-CN").members())
        .contains(new MemberRef("旗舰店·𠀋", "旗舰店"));
    CellSet cs = engine.execute(CubeQuery.of("service", List.of("events"), List.of("channel.channel"))
        .withFilters(List.of(LevelFilter.members("channel.channel", "旗舰店·𠀋"))).withLocale("en"));
    assertThat(cs.cells()).singleElement().satisfies(cell -> {
      assertThat(cell.get("channel.channel")).isEqualTo("旗舰店·𠀋");
      assertThat(cell.get("channel.channel.caption")).isEqualTo("Flagship");
      assertThat(cell.get("events")).isEqualTo(1L);
    });
    // and the age band keys the model used to turn into integers filter as written
    CellSet byAge = engine.execute(CubeQuery.of("subscribers", List.of("active_end"), List.of("age_band.age_band"))
        .withFilters(List.of(LevelFilter.members("age_band.age_band", "25_34"))));
    assertThat(byAge.cells()).singleElement().satisfies(cell -> {
      assertThat(cell.get("age_band.age_band.caption")).isEqualTo("25-34岁");
      assertThat(cell.get("active_end")).isEqualTo(1L);
    });
  }

  private static void assertRefused(ThrowingCallable call, String field, String code, String message) {
    assertThatThrownBy(call).isInstanceOfSatisfying(QueryException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.code()).isEqualTo(code);
      assertThat(e.getMessage()).contains(message);
    });
  }
}
