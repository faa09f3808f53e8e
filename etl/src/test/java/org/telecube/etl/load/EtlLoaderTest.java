package org.telecube.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telecube.etl.load.FeedFixtures.BILLING_HEADER;
import static org.telecube.etl.load.FeedFixtures.EVENT_HEADER;
import static org.telecube.etl.load.FeedFixtures.SUBSCRIBER_HEADER;
import static org.telecube.etl.load.FeedFixtures.USAGE_HEADER;
import static org.telecube.etl.load.FeedFixtures.rows;
import static org.telecube.etl.load.FeedFixtures.single;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.etl.feed.FeedKind;
import org.telecube.warehouse.Warehouse;

class EtlLoaderTest {
  @TempDir
  Path dir;

  private Warehouse warehouse;
  private FeedFixtures fixtures;

  @BeforeEach
  void open() {
    warehouse = Warehouse.openEmbedded(dir.resolve("data"));
    fixtures = new FeedFixtures(dir.resolve("feeds"));
  }

  @AfterEach
  void close() {
    warehouse.close();
  }

  private LoadSummary load(List<Path> files) {
    return EtlLoader.load(warehouse, files, Optional.empty(), LoadListener.NONE);
  }

  @Test
  void handMadeSetLoadsWithoutRejectsAndOrdersFilesByFeed() {
    List<Path> files = new ArrayList<>(fixtures.handMade());
    java.util.Collections.reverse(files); // facts first on the command line: the loader reorders
    LoadSummary s = load(files);

    assertThat(s.rowsRejected()).isZero();
    assertThat(s.rejects().isEmpty()).isTrue();
    assertThat(s.files()).extracting(f -> f.feed().code()).containsExactly("subscribers", "subscribers",
        "subscribers", "billing", "billing", "billing", "usage", "service_events");
    assertThat(s.rowsRead()).isEqualTo(11 + 12 + 4 + 3);
    assertThat(s.rowsLoaded()).isEqualTo(s.rowsRead());
    assertThat(single(warehouse, "SELECT count(*) FROM stg_subscriber")).isEqualTo("11");
    assertThat(single(warehouse, "SELECT sum(amount) FROM fact_billing")).isEqualTo("676.70");
    assertThat(single(warehouse, "SELECT count(*) FROM etl_file WHERE batch_id = " + s.batchId())).isEqualTo("8");
    assertThat(rows(warehouse, "SELECT rows_read, rows_loaded, rows_rejected FROM etl_batch"))
        .containsExactly(List.of("30", "30", "0"));
    assertThat(s.render()).contains("billing_2025-03.csv.gz").contains("total");
  }

  @Test
  void subscriberHistoryIsType2WithContiguousVersions() {
    load(fixtures.handMade());
    assertThat(rows(warehouse, "SELECT subscriber_id, version, valid_from, valid_to, is_current, city_code, status"
        + " FROM dim_subscriber ORDER BY subscriber_id, version")).containsExactly(
        List.of("S1", "1", "1900-01-01", "2025-03-30", "false", "440100", "active"),
        List.of("S1", "2", "2025-03-31", "9999-12-31", "true", "440300", "active"),
        List.of("S2", "1", "1900-01-01", "9999-12-31", "true", "110100", "active"),
        List.of("S3", "1", "1900-01-01", "2025-03-30", "false", "440100", "active"),
        List.of("S3", "2", "2025-03-31", "9999-12-31", "true", "440100", "churned"),
        List.of("S4", "1", "1900-01-01", "2025-02-27", "false", "440300", "active"),
        List.of("S4", "2", "2025-02-28", "9999-12-31", "true", "440300", "suspended"));
    // deposit is not tracked, but comes from the version's first snapshot
    assertThat(single(warehouse, "SELECT deposit FROM dim_subscriber WHERE subscriber_id = 'S1' AND version = 2"))
        .isEqualTo("100.00");
  }

  @Test
  void factsCarryTheAttributesAsOfTheirDate() {
    load(fixtures.handMade());
    // billing: as of the month's last day; S1 moved to Shenzhen in the 2025-03-31 snapshot
    assertThat(rows(warehouse, "SELECT month_key, city_code, org_code, sum(amount), sum(outstanding)"
        + " FROM fact_billing WHERE subscriber_id = 'S1' GROUP BY ALL ORDER BY 1")).containsExactly(
        List.of("202501", "440100", "C440100", "109.00", "0.00"),
        List.of("202502", "440100", "C440100", "99.00", "0.00"),
        List.of("202503", "440300", "C440300", "89.50", "-9.50"));
    assertThat(rows(warehouse, "SELECT charge_item, plan_code, amount, paid_amount, outstanding, customer_type,"
        + " vip_level, age_band, gender, network_type, payment_type, channel, contract_type, tenure_band"
        + " FROM fact_billing WHERE subscriber_id = 'S4'")).containsExactly(
        List.of("monthly_fee", "M4G58", "58.00", "0.00", "58.00", "individual", "none", "under_25", "u", "4g",
            "prepaid", "hotline", "none", "13_24m"));
    // usage: as of the usage date (the day before the move is still Guangzhou)
    assertThat(rows(warehouse, "SELECT date_key, month_key, city_code, plan_code, events FROM fact_usage"
        + " WHERE subscriber_id = 'S1' ORDER BY date_key")).containsExactly(
        List.of("2025-02-27", "202502", "440100", "M5G99", "12"),
        List.of("2025-03-30", "202503", "440100", "M5G99", "3"),
        List.of("2025-03-31", "202503", "440300", "M5G99", "2"));
    assertThat(single(warehouse, "SELECT age_band || '/' || gender || '/' || tenure_band FROM fact_usage"
        + " WHERE subscriber_id = 'S2'")).isEqualTo("unknown/f/0_3m");
    // events: wall time stored as given (no zone conversion); channel is the subscriber's acquisition
    // channel, event_channel the feed's channel
    assertThat(rows(warehouse, "SELECT strftime(event_time, '%Y-%m-%d %H:%M:%S'), date_key, month_key, subscriber_id,"
        + " event_type, severity, event_channel, duration_sec, channel, city_code, age_band, tenure_band"
        + " FROM fact_service_event ORDER BY event_time")).containsExactly(
        List.of("2025-02-01 00:00:00", "2025-02-01", "202502", "S1", "inquiry", "low", "online", "60", "store",
            "440100", "35_44", "37_60m"),
        Arrays.asList("2025-03-10 09:15:00", "2025-03-10", "202503", "S3", "port_out_inquiry", "normal", "hotline",
            "300", "agent", "440100", "65_plus", "0_3m"),
        Arrays.asList("2025-03-31 23:59:59", "2025-03-31", "202503", "S1", "complaint", "serious", "store", null,
            "store", "440300", "35_44", "37_60m"));
  }

  @Test
  void subscriberMonthMatchesHandComputedValues() {
    load(fixtures.handMade());
    assertThat(rows(warehouse, "SELECT month_key, subscriber_id, active_start, active_end, is_new, is_churned,"
        + " tenure_months, revenue, billed, churn_reason, status, city_code, age_band, tenure_band"
        + " FROM fact_subscriber_month ORDER BY month_key, subscriber_id")).containsExactly(
        List.of("202501", "S1", "1", "1", "0", "0", "56", "109.00", "1", "none", "active", "440100", "35_44", "37_60m"),
        List.of("202501", "S3", "1", "1", "0", "0", "1", "80.00", "1", "none", "active", "440100", "65_plus", "0_3m"),
        List.of("202501", "S4", "1", "1", "0", "0", "24", "58.00", "1", "none", "active", "440300", "under_25", "13_24m"),
        List.of("202502", "S1", "1", "1", "0", "0", "57", "99.00", "1", "none", "active", "440100", "35_44", "37_60m"),
        List.of("202502", "S2", "0", "1", "1", "0", "0", "58.00", "1", "none", "active", "110100", "unknown", "0_3m"),
        List.of("202502", "S3", "1", "1", "0", "0", "2", "80.00", "1", "none", "active", "440100", "65_plus", "0_3m"),
        List.of("202502", "S4", "1", "1", "0", "0", "25", "0.00", "0", "none", "suspended", "440300", "under_25", "25_36m"),
        List.of("202503", "S1", "1", "1", "0", "0", "58", "89.50", "1", "none", "active", "440300", "35_44", "37_60m"),
        List.of("202503", "S2", "1", "1", "0", "0", "1", "63.20", "1", "none", "active", "110100", "unknown", "0_3m"),
        List.of("202503", "S3", "1", "0", "0", "1", "3", "40.00", "1", "competitor", "churned", "440100", "65_plus", "0_3m"),
        List.of("202503", "S4", "1", "1", "0", "0", "26", "0.00", "0", "none", "suspended", "440300", "under_25", "25_36m"));
    for (String[] r : FeedFixtures.REVENUE) {
      assertThat(single(warehouse, "SELECT revenue FROM fact_subscriber_month WHERE month_key = " + r[0]
          + " AND subscriber_id = '" + r[1] + "'")).as("revenue %s %s", r[0], r[1]).isEqualTo(r[2]);
    }
  }

  @Test
  void loadingTheSameFilesTwiceChangesNothingAndReportsThemSkipped() {
    List<Path> files = fixtures.handMade();
    LoadSummary first = load(files);
    List<String> before = FeedFixtures.fingerprints(warehouse, false);

    LoadSummary second = load(files);

    assertThat(FeedFixtures.fingerprints(warehouse, false)).isEqualTo(before);
    assertThat(second.files()).allSatisfy(f -> {
      assertThat(f.skipped()).isTrue();
      assertThat(f.skippedReason()).isEqualTo("already loaded in batch " + first.batchId());
    });
    assertThat(second.rowsRead()).isZero();
    assertThat(second.derived()).isEmpty();
    assertThat(second.render()).contains("skipped: already loaded in batch " + first.batchId());
    assertThat(single(warehouse, "SELECT count(*) FROM etl_file WHERE skipped")).isEqualTo("8");
  }

  @Test
  void theSameContentTwiceInOneBatchLoadsOnce() {
    List<Path> files = new ArrayList<>(fixtures.handMade());
    Path copy = fixtures.write("billing_2025-01-copy.csv", BILLING_HEADER,
        "2025-01,S1,M5G99,monthly_fee,99.00,99.00,2025-02-15,2025-02-10",
        "2025-01,S1,M5G99,data,10,10.00,2025-02-15,2025-02-10",
        "2025-01,S3,BB300,monthly_fee,80.00,80.00,2025-02-15,2025-02-01",
        "2025-01,S4,M4G58,monthly_fee,58.00,0.00,2025-02-15,");
    files.add(copy);
    LoadSummary s = load(files);
    assertThat(s.files()).filteredOn(f -> f.fileName().equals("billing_2025-01-copy.csv"))
        .singleElement().satisfies(f -> assertThat(f.skippedReason()).isEqualTo("already loaded in batch 1"));
    assertThat(single(warehouse, "SELECT sum(amount) FROM fact_billing")).isEqualTo("676.70");
  }

  @Test
  void aCorrectedFileReplacesRowsWithTheSameKeyInsteadOfDuplicating() {
    load(fixtures.handMade());
    fixtures.write("billing_2025-01.csv", BILLING_HEADER,
        "2025-01,S1,M5G99,monthly_fee,99.00,99.00,2025-02-15,2025-02-10",
        "2025-01,S1,M5G99,data,20.00,20.00,2025-02-15,2025-02-10",
        "2025-01,S3,BB300,monthly_fee,80.00,80.00,2025-02-15,2025-02-01",
        "2025-01,S4,M4G58,monthly_fee,58.00,58.00,2025-02-15,2025-02-20");
    LoadSummary s = load(List.of(dir.resolve("feeds/billing_2025-01.csv")));

    assertThat(s.files().get(0).skipped()).isFalse();
    assertThat(single(warehouse, "SELECT count(*) FROM stg_billing WHERE month_key = 202501")).isEqualTo("4");
    assertThat(single(warehouse, "SELECT count(*) FROM fact_billing WHERE month_key = 202501")).isEqualTo("4");
    assertThat(single(warehouse, "SELECT sum(amount) || '/' || sum(outstanding) FROM fact_billing"
        + " WHERE month_key = 202501")).isEqualTo("257.00/0.00");
    assertThat(single(warehouse, "SELECT revenue FROM fact_subscriber_month WHERE month_key = 202501"
        + " AND subscriber_id = 'S1'")).isEqualTo("119.00");
    // other months untouched
    assertThat(single(warehouse, "SELECT sum(amount) FROM fact_billing WHERE month_key > 202501")).isEqualTo("429.70");
    assertThat(single(warehouse, "SELECT count(*) FROM fact_subscriber_month")).isEqualTo("11");
  }

  @Test
  void duplicateKeysWithinABatchKeepTheLastRow() {
    fixtures.handMade();
    Path late = fixtures.write("billing_2025-01-late.csv", BILLING_HEADER,
        "2025-01,S1,M5G99,data,1.00,1.00,2025-02-15,2025-02-10",
        "2025-01,S1,M5G99,data,2.00,2.00,2025-02-15,2025-02-10");
    LoadSummary s = load(List.of(dir.resolve("feeds/subscribers_2025-01-31.csv"),
        dir.resolve("feeds/billing_2025-01.csv"), late));
    assertThat(s.rowsLoaded()).isEqualTo(3 + 4 + 2);
    assertThat(single(warehouse, "SELECT string_agg(amount::VARCHAR, ',') FROM stg_billing"
        + " WHERE subscriber_id = 'S1' AND charge_item = 'data'")).isEqualTo("2.00");
  }

  @Test
  void incrementalBatchesGiveTheSameStarAsOneBatch() {
    List<Path> files = fixtures.handMade();
    // one batch per file, facts last month first
    try (Warehouse other = Warehouse.openEmbedded(dir.resolve("other"))) {
      EtlLoader.load(other, files, Optional.empty(), LoadListener.NONE);
      List<String> oneBatch = FeedFixtures.contentFingerprints(other);

      for (Path f : List.of(files.get(0), files.get(1), files.get(2), files.get(5), files.get(3), files.get(4),
          files.get(6), files.get(7))) {
        load(List.of(f));
      }
      assertThat(FeedFixtures.contentFingerprints(warehouse)).isEqualTo(oneBatch);
    }
  }

  @Test
  void badRowsAreRejectedWithFileLineColumnValueAndReasonAndGoodRowsLoad() {
    fixtures.handMade();
    Path subscribers = fixtures.write("subscribers_2025-04-30.csv", SUBSCRIBER_HEADER,
        FeedFixtures.s1("2025-04-30", "440300"),
        FeedFixtures.s1("2025-04-30", "999999").replace(",S1,", ",S5,"),
        FeedFixtures.s2("2025-04-30").replace(",standard,", ",gold,"),
        FeedFixtures.s4("2025-04-30", false).replace(",2004,", ",1800,").replace("13800000004", "1380000"),
        FeedFixtures.s4("2025-04-30", false).replace(",S4,", ",S6,").replace("active,2023-01-01,", "active,2023-01-01,natural"));
    Path billing = fixtures.write("billing_2025-04.csv", BILLING_HEADER,
        "2025-04,S1,M5G99,voice,12.30,12.30,2025-05-15,",
        "2025-04,S1,M5G99,sms,1.00,1.00,2025-13-01,",
        "2025-04,S1,M5G99,roaming,12.345,0,2025-05-15,",
        "2025-04,S1,M5G99,gold,1,1,2025-05-15,",
        "2025-04,S1,M5G99,vas,1,1",
        "2025-04,,M5G99,vas,1,1,2025-05-15,",
        "2025-04,S5,M5G99,vas,1,1,2025-05-15,",
        "2025-04,S1,M5G99,other,1,-1,2025-05-15,",
        "2025-04,S1,NOPLAN,data,1,1,2025-05-15,",
        "2025-4,S1,M5G99,discount,-2.5,-2.5x,2025-05-15,",
        "\"2025-04\",\"S1\",\"M5G99\",\"monthly_fee\",\"99\",\"99.00\",\"2025-05-15\",\"\"");
    Path usage = fixtures.write("usage_2025-04.csv", USAGE_HEADER,
        "2025-04-01,S1,voice,local,own,-3,60,0",
        "2025-04-02,S1,voice,local,own,3,60,0",
        "2025-04-03,S1,video,local,own,3,60.5,0");
    Path events = fixtures.write("service_events_2025-04.csv", EVENT_HEADER,
        "2025-04-01 25:00:00,S1,complaint,low,store,",
        "2025-04-01 10:00:00,S1,complaint,low,store,");

    LoadSummary s = load(List.of(events, usage, billing, subscribers));

    assertThat(s.files()).extracting(FileSummary::fileName, FileSummary::rowsRead, FileSummary::rowsLoaded,
        FileSummary::rowsRejected).containsExactly(
        org.assertj.core.groups.Tuple.tuple("subscribers_2025-04-30.csv", 5L, 1L, 4L),
        org.assertj.core.groups.Tuple.tuple("billing_2025-04.csv", 11L, 2L, 9L),
        org.assertj.core.groups.Tuple.tuple("usage_2025-04.csv", 3L, 1L, 2L),
        org.assertj.core.groups.Tuple.tuple("service_events_2025-04.csv", 2L, 1L, 1L));

    List<List<String>> rejects = rows(warehouse, "SELECT file_name, line, column_name, value, reason"
        + " FROM etl_reject ORDER BY file_name, line, column_name");
    assertThat(rejects).containsExactly(
        List.of("billing_2025-04.csv", "3", "due_date", "2025-13-01", "bad date \"2025-13-01\" (expected YYYY-MM-DD)"),
        List.of("billing_2025-04.csv", "4", "amount", "12.345",
            "bad amount \"12.345\" (expected yuan with up to 2 decimals, e.g. 58.00)"),
        List.of("billing_2025-04.csv", "5", "charge_item", "gold",
            "unknown charge_item \"gold\" (one of monthly_fee, voice, sms, data, vas, roaming, discount, other)"),
        Arrays.asList("billing_2025-04.csv", "6", null, null, "expected 8 fields, found 6"),
        List.of("billing_2025-04.csv", "7", "subscriber_id", "", "missing required subscriber_id"),
        List.of("billing_2025-04.csv", "8", "subscriber_id", "S5", "unknown subscriber_id S5"),
        List.of("billing_2025-04.csv", "9", "paid_amount", "-1",
            "negative paid_amount on a charge of 1.00 (only credit lines are paid negative)"),
        List.of("billing_2025-04.csv", "10", "plan_code", "NOPLAN", "unknown plan_code NOPLAN"),
        List.of("billing_2025-04.csv", "11", "bill_month", "2025-4", "bad month \"2025-4\" (expected YYYY-MM)"),
        List.of("billing_2025-04.csv", "11", "paid_amount", "-2.5x",
            "bad amount \"-2.5x\" (expected yuan with up to 2 decimals, e.g. 58.00)"),
        List.of("service_events_2025-04.csv", "2", "event_time", "2025-04-01 25:00:00",
            "bad timestamp \"2025-04-01 25:00:00\" (expected YYYY-MM-DD HH:MM:SS)"),
        List.of("subscribers_2025-04-30.csv", "3", "city_code", "999999", "unknown city_code 999999"),
        List.of("subscribers_2025-04-30.csv", "3", "org_code", "C999999", "unknown org_code C999999"),
        List.of("subscribers_2025-04-30.csv", "4", "vip_level", "gold",
            "unknown vip_level \"gold\" (one of none, standard, key, premier)"),
        List.of("subscribers_2025-04-30.csv", "5", "birth_year", "1800", "birth_year 1800 out of range 1900.."
            + java.time.Year.now(LoadOptions.OPERATOR_ZONE).getValue()),
        List.of("subscribers_2025-04-30.csv", "5", "msisdn", "1380000", "bad msisdn \"1380000\" (expected 11 digits)"),
        List.of("subscribers_2025-04-30.csv", "6", "churn_reason", "natural",
            "churn_reason \"natural\" given but status is active (only when churned)"),
        List.of("usage_2025-04.csv", "2", "events", "-3", "negative events -3"),
        List.of("usage_2025-04.csv", "4", "duration_sec", "60.5", "bad duration_sec \"60.5\" (expected a whole number >= 0)"),
        List.of("usage_2025-04.csv", "4", "service", "video", "unknown service \"video\" (one of voice, sms, data)"));
    // the raw line is kept for each reject; S5 (bad city) is not a known subscriber, so its bill is rejected
    assertThat(single(warehouse, "SELECT raw_line FROM etl_reject WHERE file_name = 'billing_2025-04.csv' AND line = 6"))
        .isEqualTo("2025-04,S1,M5G99,vas,1,1");
    assertThat(single(warehouse, "SELECT count(DISTINCT batch_id) FROM etl_reject")).isEqualTo(String.valueOf(s.batchId()));

    // good rows of the same files loaded, with the right totals
    assertThat(single(warehouse, "SELECT count(*) || '/' || sum(amount) FROM fact_billing")).isEqualTo("2/111.30");
    assertThat(single(warehouse, "SELECT sum(events) FROM fact_usage")).isEqualTo("3");
    assertThat(single(warehouse, "SELECT count(*) FROM fact_service_event")).isEqualTo("1");
    assertThat(single(warehouse, "SELECT city_code FROM fact_billing WHERE charge_item = 'voice'")).isEqualTo("440300");

    // the report: counts and the first rejects, rendered
    assertThat(s.rejects().total()).isEqualTo(20);
    assertThat(s.rejects().rows()).isEqualTo(16);
    assertThat(s.rowsRejected()).isEqualTo(16);
    assertThat(s.rejects().render()).contains("20 rejects in 16 rows")
        .contains("billing_2025-04.csv:3 due_date: bad date \"2025-13-01\" (expected YYYY-MM-DD)");
    assertThat(rows(warehouse, "SELECT rows_read, rows_loaded, rows_rejected FROM etl_batch"))
        .containsExactly(List.of("21", "5", "16"));
  }

  @Test
  void aFileMissingARequiredColumnRefusesTheWholeBatch() {
    List<Path> files = fixtures.handMade();
    load(files.subList(0, 3));
    List<String> before = FeedFixtures.fingerprints(warehouse, true);
    Path broken = fixtures.write("billing_2025-04.csv", "bill_month,subscriber_id,plan_code,charge_item,amount,due_date",
        "2025-04,S1,M5G99,voice,12.30,2025-05-15");

    assertThatThrownBy(() -> load(List.of(files.get(3), broken, files.get(6))))
        .isInstanceOf(BatchRefusedException.class)
        .hasMessageContaining("billing_2025-04.csv")
        .hasMessageContaining("missing required column paid_amount");
    assertThat(FeedFixtures.fingerprints(warehouse, true)).isEqualTo(before);
  }

  @Test
  void refusalsNameFilesByTheirNameNeverByTheirPath() throws Exception {
    // a server hands these problems to HTTP clients, who must not learn where it keeps its files
    Path missing = dir.resolve("feeds").resolve("billing_2025-09.csv");
    Path directory = java.nio.file.Files.createDirectories(dir.resolve("feeds").resolve("usage_2025-09.csv"));
    assertThatThrownBy(() -> load(List.of(missing, directory)))
        .isInstanceOfSatisfying(BatchRefusedException.class, e -> assertThat(e.problems()).containsExactly(
            "billing_2025-09.csv: no such readable file", "usage_2025-09.csv: no such readable file"))
        .hasMessageNotContaining(dir.toString());
  }

  @Test
  void aFileWithAnUnknownFeedPrefixIsRefused() {
    Path odd = fixtures.write("invoices_2025-01.csv", BILLING_HEADER);
    assertThatThrownBy(() -> load(List.of(odd)))
        .isInstanceOf(BatchRefusedException.class)
        .hasMessageContaining("invoices_2025-01.csv: cannot tell the feed from the file name");
    // with the feed given, the name does not matter
    LoadSummary s = EtlLoader.load(warehouse, List.of(odd), Optional.of(FeedKind.BILLING), LoadListener.NONE);
    assertThat(s.files().get(0).feed()).isEqualTo(FeedKind.BILLING);
  }

  @Test
  void aFailureMidBatchRollsEverythingBack() {
    List<Path> files = fixtures.handMade();
    load(files.subList(0, 3));
    List<String> before = FeedFixtures.fingerprints(warehouse, true);
    // not UTF-8: discovered while reading, after earlier files were staged
    Path gbk = fixtures.dir().resolve("usage_gbk.csv");
    writeBytes(gbk, (USAGE_HEADER + "\n2025-03-01,S1,voice,local,own,1,1,0\n\"\u4e2d\"").getBytes(java.nio.charset.Charset.forName("GBK")));
    assertThatThrownBy(() -> load(List.of(files.get(3), files.get(4), gbk)))
        .isInstanceOf(BatchRefusedException.class)
        .hasMessageContaining("usage_gbk.csv: not valid UTF-8");
    assertThat(FeedFixtures.fingerprints(warehouse, true)).isEqualTo(before);
  }

  @Test
  void referenceFeedsUpsertAndRebuildDimensionsAndCanBeUsedInTheSameBatch() {
    Path regions = fixtures.write("regions.csv", "code,level,parent_code,name_zh,name_en,macro_region,extra",
        "440300,city,440000,深圳市,Shenzhen City,south,x",
        "449900,city,440000,新城市,New City,south,");
    Path orgs = fixtures.write("org_units.csv", "org_code,level,parent_code,name_zh,name_en,region_code",
        "C449900,city,P440000,新城市分公司,New City Branch,449900");
    Path products = fixtures.write("products.csv.gz", "plan_code,name_zh,name_en,family,business_line,monthly_fee,network_type",
        "M5G9,5G九元,5G Nine,5g_plan,mobile,9,5g",
        "VASX,增值,Value X,video_pack,vas,1.5,");
    Path subscribers = fixtures.write("subscribers_2025-05-31.csv", SUBSCRIBER_HEADER,
        FeedFixtures.s1("2025-05-31", "449900").replace("M5G99", "M5G9"));
    LoadSummary s = load(List.of(subscribers, products, orgs, regions));

    assertThat(s.rowsRejected()).isZero();
    assertThat(s.derived()).contains("dimensions");
    assertThat(single(warehouse, "SELECT city_name_en || '/' || province_code FROM dim_region WHERE city_code = '440300'"))
        .isEqualTo("Shenzhen City/440000");
    assertThat(single(warehouse, "SELECT city_name_en FROM dim_region WHERE city_code = '449900'")).isEqualTo("New City");
    assertThat(single(warehouse, "SELECT province_org_code FROM dim_org WHERE org_code = 'C449900'")).isEqualTo("P440000");
    assertThat(single(warehouse, "SELECT monthly_fee || '/' || family_name_en FROM dim_product WHERE plan_code = 'M5G9'"))
        .isEqualTo("9.00/5G plans");
    assertThat(single(warehouse, "SELECT '[' || network_type || ']' FROM ref_product WHERE plan_code = 'VASX'")).isEqualTo("[]");
    assertThat(single(warehouse, "SELECT city_code || '/' || plan_code FROM dim_subscriber")).isEqualTo("449900/M5G9");
  }

  private static void writeBytes(Path p, byte[] bytes) {
    try {
      java.nio.file.Files.write(p, bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
