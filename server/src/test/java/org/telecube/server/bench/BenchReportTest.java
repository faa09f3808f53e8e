package org.telecube.server.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.ResultColumn;

/** The bench's arithmetic and printing, without timing anything (speed is never asserted in tests). */
class BenchReportTest {
  @Test
  void percentilesAreNearestRank() {
    double[] times = new double[20];
    for (int i = 0; i < 20; i++) {
      times[i] = 20 - i;
    }
    Samples s = Samples.of(times);
    assertThat(s.count()).isEqualTo(20);
    assertThat(s.p50()).isEqualTo(10);
    assertThat(s.p95()).isEqualTo(19);
    assertThat(Samples.of(7.0)).isEqualTo(new Samples(1, 7, 7));
    assertThat(Samples.of().failed()).isTrue();
  }

  @Test
  void answersAgreeInAnyOrderWithinRounding() {
    assertThat(AnswerCheck.compare(List.of(1.0, 2.5, 3.0), List.of(3.0, 1.0, 2.5000000001))).isEmpty();
    assertThat(AnswerCheck.compare(List.of(1.0, 2.5), List.of(1.0, 2.6))).get().asString().contains("2.5").contains("2.6");
    assertThat(AnswerCheck.compare(List.of(1.0), List.of(1.0, 1.0))).get().asString().contains("1 values, SQL 2");
  }

  @Test
  void theEnginesCellsAndTotalsAreSetAgainstTheSqlsLastColumns() {
    List<ResultColumn> columns = List.of(new ResultColumn("region.province", "level", "rows", "Province", null),
        new ResultColumn("revenue", "measure", null, "Revenue", "currency"));
    CellSet answer = new CellSet("revenue", "en", columns,
        List.of(cell("440000", 10.0), cell("110000", 5.5)), List.of(cell(null, 15.5)), null, false, 0);
    List<Object[]> raw = new ArrayList<>();
    raw.add(new Object[] {"110000", "Beijing", new java.math.BigDecimal("5.50")});
    raw.add(new Object[] {"440000", "Guangdong", 10L});
    raw.add(new Object[] {null, null, 15.5});
    assertThat(AnswerCheck.compare(answer, raw)).isEmpty();
    raw.remove(2);
    assertThat(AnswerCheck.compare(answer, raw)).isPresent();
  }

  private static Map<String, Object> cell(String province, Object revenue) {
    Map<String, Object> cell = new HashMap<>();
    cell.put("region.province", province);
    cell.put("revenue", revenue);
    return cell;
  }

  @Test
  void tablesAreMarkdown() {
    assertThat(BenchReport.table(List.of("a", "b"), List.of(List.of("1", "2"))))
        .isEqualTo("| a | b |\n|---|---|\n| 1 | 2 |\n");
    assertThat(BenchReport.ms(1234.4)).isEqualTo("1,234");
    assertThat(BenchReport.ms(12.34)).isEqualTo("12.3");
    assertThat(BenchReport.ms(Double.NaN)).isEqualTo("failed");
    assertThat(BenchReport.ratio(30, 20)).isEqualTo("1.50×");
    assertThat(BenchReport.ratio(Double.NaN, 20)).isEqualTo("-");
  }

  @Test
  void theQuestionsTableShowsWhatWasNotMeasuredAndWhereAnswersDiffer() {
    List<Question> questions = Questions.all("2026-11", "2026").subList(0, 2);
    BackendTimes duckdb = new BackendTimes("duckdb", List.of(new Samples(3, 10, 12), Samples.FAILED),
        List.of(new Samples(3, 20, 30), new Samples(3, 5, 6)), List.of("", "engine 1.0 vs SQL 2.0"));
    List<HttpTimes> http = List.of(new HttpTimes(new Samples(3, 5, 8), new Samples(3, 22, 25), 1.5),
        new HttpTimes(Samples.FAILED, Samples.FAILED, Double.NaN));
    String table = BenchReport.questions(questions, http, duckdb, null);
    List<String> lines = table.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(2)).isEqualTo("| revenue by province x month | drill | 5.0 | 8.0 | 22.0 | 25.0 | 1.5 | 20.0 | 30.0"
        + " | - | - | 0.25× | 1.10× | - | agree |");
    assertThat(lines.get(3)).contains("| failed | failed |").contains("DIFFER (duckdb: engine 1.0 vs SQL 2.0)");
  }

  @Test
  void theConcurrencyTableCountsEachOutcome() {
    ConcurrencyResult r = new ConcurrencyResult(20, 60.2, 120, new Samples(120, 400, 1500), new Samples(100, 300, 900),
        Map.of("200", 110L, "503", 6L, "503 report", 5L, "503 query", 1L, "5xx", 1L, "error", 3L), 2048, 512.4);
    assertThat(r.throughput()).isEqualTo(120 / 60.2);
    assertThat(BenchReport.concurrency(List.of(r)).lines().toList().get(2))
        .isEqualTo("| 20 | 60.2 | 120 | 2.0 | 400 | 1,500 | 900 | 110 | 6 (query 1, report 5) | 1 | 3 | 2,048 | 512 |");
  }

  @Test
  void theMixHasExportsAndReports() {
    long exports = 0;
    long reports = 0;
    for (int n = 0; n < 100; n++) {
      String kind = ConcurrencyBench.kind(0, n, true);
      exports += kind.equals("export") ? 1 : 0;
      reports += kind.equals("report") ? 1 : 0;
    }
    assertThat(exports).isEqualTo(8); // 10 in 100, less the two that fall on a report
    assertThat(reports).isEqualTo(4);
    assertThat(ConcurrencyBench.kind(0, 24, false)).isEqualTo("query");
  }

  @Test
  void theLoadTablesSetTheEtlAgainstTheBareRead() {
    LoadFigures load = new LoadFigures(80, 9_000_000, List.of(new FeedThroughput("billing", 3_000_000, 6, 2)),
        List.of(new LoadFigures.Batch("one billing row", 1, Double.NaN)));
    String out = BenchReport.load(load);
    assertThat(out).contains("| billing | 3,000,000 | 6.0 | 500,000 | 2.0 | 1,500,000 | 0.33× |")
        .contains("| 9,000,000 | 80.0 | 112,500 |").contains("| one billing row | 1 | failed | - |");
  }

  @Test
  void aOneDayBatchIsTheLastDatesRowsUnderTheHeader(@TempDir Path dir) throws Exception {
    Path usage = dir.resolve("usage_2026-11.csv");
    Files.writeString(usage, "usage_date,subscriber_id\n2026-11-30,S1\n2026-11-02,S1\n2026-11-30,S2\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("usage_2026-10.csv"), "usage_date,subscriber_id\n", StandardCharsets.UTF_8);
    assertThat(LoadBench.last(dir, "usage_")).contains(usage);
    Path day = dir.resolve("day.csv");
    assertThat(LoadBench.cutLastDay(usage, day)).isEqualTo(2);
    assertThat(Files.readAllLines(day)).containsExactly("usage_date,subscriber_id", "2026-11-30,S1", "2026-11-30,S2");
    Path row = dir.resolve("row.csv");
    LoadBench.cutHead(usage, row, 1);
    assertThat(Files.readAllLines(row)).containsExactly("usage_date,subscriber_id", "2026-11-30,S1");
  }

  @Test
  void theHeaderNamesMachineScaleAndRows() {
    String header = BenchReport.header(new Machine(2, 23.5, "17.0.1", 6), "100,000 subscribers x 12 months",
        new java.util.LinkedHashMap<>(Map.of("fact_billing", 3_100_000L)));
    assertThat(header).isEqualTo("machine: 2 cores, 23.5 GiB RAM, Java 17.0.1, max heap 6.0 GiB\n"
        + "scale: 100,000 subscribers x 12 months\nrows per fact: fact_billing 3,100,000\n");
  }

  @Test
  void everyQuestionKindTheIssueNamesIsAsked() {
    List<String> kinds = Questions.all("2026-11", "2026").stream().map(Question::kind).toList();
    assertThat(String.join(",", kinds)).contains("slice").contains("drill").contains("roll-up").contains("top-N")
        .contains("YoY").contains("ARPU").contains("churn rate");
    assertThat(Questions.all("2026-11", "2026").get(2).sql()).contains("'2026-11'");
  }
}
