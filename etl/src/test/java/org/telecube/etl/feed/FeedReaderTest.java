package org.telecube.etl.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedReaderTest {
  private static final ValidationContext ALL_KNOWN = new ValidationContext() {
    @Override
    public boolean contains(CodeSet set, String code) {
      return !code.startsWith("X");
    }

    @Override
    public int currentYear() {
      return 2025;
    }
  };

  @TempDir
  Path dir;

  private final List<String> accepted = new ArrayList<>();
  private final List<Reject> rejected = new ArrayList<>();
  private final RowSink sink = new RowSink() {
    @Override
    public void accepted(long line, Object[] values) {
      accepted.add(line + ":" + Arrays.toString(values));
    }

    @Override
    public void rejected(Reject reject) {
      rejected.add(reject);
    }
  };

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (name.endsWith(".gz")) {
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
        out.write(bytes);
      }
    } else {
      Files.write(p, bytes);
    }
    return p;
  }

  @Test
  void readsGzipWithBomQuotingExtraColumnsAndReordering() throws Exception {
    Path p = write("events.csv.gz", "\uFEFFseverity,subscriber_id,note,event_time,event_type,channel\n"
        + "low,S1,\"a, \"\"quoted\"\"\nmultiline note\",2025-01-02 03:04:05,complaint,store\n"
        + "\n"
        + "serious,S2,,2025-01-03 00:00:00,inquiry,online\n");
    ReadCounts counts = FeedReader.read(p, FeedKind.SERVICE_EVENTS, ALL_KNOWN, sink, FeedReader.Progress.NONE);
    assertThat(counts).isEqualTo(new ReadCounts(2, 2, 0));
    assertThat(accepted).containsExactly(
        "2:[2025-01-02T03:04:05, S1, complaint, low, store, null]",
        "5:[2025-01-03T00:00, S2, inquiry, serious, online, null]");
  }

  @Test
  void everyBadFieldOfARowIsReportedWithTheRowsLineAndRawText() throws Exception {
    Path p = write("usage.csv", "usage_date,subscriber_id,service,call_type,peer_network,events,duration_sec,volume_kb\n"
        + "2025-01-01,S1,voice,local,own,1,2,3\n"
        + "2025-02-30,X1,voice,local,own,-3,2,\n"
        + "2025-01-01,S1,voice\n"
        + "2025-01-01,S1,voice,local,own,1,2,3,4\n");
    ReadCounts counts = FeedReader.read(p, FeedKind.USAGE, ALL_KNOWN, sink, FeedReader.Progress.NONE);
    assertThat(counts).isEqualTo(new ReadCounts(4, 1, 3));
    assertThat(rejected).extracting(Reject::line, Reject::column, Reject::value, Reject::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3L, "usage_date", "2025-02-30", "bad date \"2025-02-30\" (expected YYYY-MM-DD)"),
        org.assertj.core.groups.Tuple.tuple(3L, "subscriber_id", "X1", "unknown subscriber_id X1"),
        org.assertj.core.groups.Tuple.tuple(3L, "events", "-3", "negative events -3"),
        org.assertj.core.groups.Tuple.tuple(3L, "volume_kb", "", "missing required volume_kb"),
        org.assertj.core.groups.Tuple.tuple(4L, null, null, "expected 8 fields, found 3"),
        org.assertj.core.groups.Tuple.tuple(5L, null, null, "expected 8 fields, found 9"));
    assertThat(rejected.get(0).rawLine()).isEqualTo("2025-02-30,X1,voice,local,own,-3,2,");
    assertThat(rejected).allSatisfy(r -> assertThat(r.fileName()).isEqualTo("usage.csv"));
  }

  @Test
  void rowRulesRejectChurnReasonWithoutChurn() throws Exception {
    Path p = write("regions.csv", "code,level,parent_code,name_zh,name_en,macro_region\n"
        + "440000,province,,广东省,Guangdong,south\n"
        + "440100,city,,广州市,Guangzhou,south\n");
    FeedReader.read(p, FeedKind.REGIONS, ALL_KNOWN, sink, FeedReader.Progress.NONE);
    assertThat(accepted).hasSize(1);
    assertThat(rejected).extracting(Reject::line, Reject::column, Reject::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "parent_code", "missing parent_code (required for a city)"));
  }

  @Test
  void aMissingRequiredColumnRefusesTheFileNamingTheColumns() throws Exception {
    Path p = write("billing_2025-01.csv", "bill_month,subscriber_id,plan_code,charge_item,amount,due_date\n");
    FeedHeader header = FeedReader.header(p, FeedKind.BILLING);
    assertThat(header.missingRequired()).containsExactly("paid_amount");
    assertThatThrownBy(() -> FeedReader.read(p, FeedKind.BILLING, ALL_KNOWN, sink, FeedReader.Progress.NONE))
        .isInstanceOf(FeedRefusedException.class)
        .hasMessage("billing_2025-01.csv: missing required column paid_amount for feed billing");
    Path none = write("usage_x.csv", "a,b\n");
    assertThatThrownBy(() -> FeedReader.read(none, FeedKind.USAGE, ALL_KNOWN, sink, FeedReader.Progress.NONE))
        .hasMessageStartingWith("usage_x.csv: missing required columns usage_date, subscriber_id, service,");
  }

  @Test
  void optionalColumnsMayBeAbsentFromTheHeader() throws Exception {
    Path p = write("service_events.csv", "event_time,subscriber_id,event_type,severity,channel\n"
        + "2025-01-02 03:04:05,S1,complaint,low,store\n");
    FeedReader.read(p, FeedKind.SERVICE_EVENTS, ALL_KNOWN, sink, FeedReader.Progress.NONE);
    assertThat(accepted).containsExactly("2:[2025-01-02T03:04:05, S1, complaint, low, store, null]");
  }

  @Test
  void fileLevelProblemsAreRefusedWithAClearMessage() throws Exception {
    Path gbk = dir.resolve("usage_gbk.csv");
    Files.write(gbk, "usage_date,subscriber_id\n\u4e2d\u6587\n".getBytes(java.nio.charset.Charset.forName("GBK")));
    assertThatThrownBy(() -> FeedReader.read(gbk, FeedKind.USAGE, ALL_KNOWN, sink, FeedReader.Progress.NONE))
        .isInstanceOf(FeedRefusedException.class).hasMessageContaining("usage_gbk.csv: ");
    Path fakeGz = write("usage_fake.csv.gz", "not gzip");
    Files.write(fakeGz, "usage_date\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> FeedReader.read(fakeGz, FeedKind.USAGE, ALL_KNOWN, sink, FeedReader.Progress.NONE))
        .isInstanceOf(FeedRefusedException.class).hasMessageContaining("not a valid gzip file");
    Path empty = write("usage_empty.csv", "");
    assertThatThrownBy(() -> FeedReader.read(empty, FeedKind.USAGE, ALL_KNOWN, sink, FeedReader.Progress.NONE))
        .hasMessage("usage_empty.csv: empty file (expected a header row)");
  }

  @Test
  void progressIsReportedWithRowsAndBytes() throws Exception {
    StringBuilder sb = new StringBuilder("usage_date,subscriber_id,service,call_type,peer_network,events,duration_sec,volume_kb\n");
    for (int i = 0; i < 20_000; i++) {
      sb.append("2025-01-01,S1,voice,local,own,1,2,3\n");
    }
    Path p = write("usage_big.csv", sb.toString());
    List<long[]> progress = new ArrayList<>();
    FeedReader.read(p, FeedKind.USAGE, ALL_KNOWN, sink, (rows, bytes) -> progress.add(new long[] {rows, bytes}));
    assertThat(progress).extracting(a -> a[0]).containsExactly(8192L, 16384L, 20000L);
    assertThat(progress.get(progress.size() - 1)[1]).isEqualTo(Files.size(p));
  }
}
