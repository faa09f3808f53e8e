package org.telecube.server.cube.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.Pivot;
import org.telecube.warehouse.query.ResultColumn;

/** The pivot layout and its CSV/XLSX printing on small hand-made cell sets, expectations written out. */
class PivotExportTest {
  private static final MemberRef SOUTH = new MemberRef("south", "South");
  private static final MemberRef NORTH = new MemberRef("north", "North");
  private static final MemberRef GD = new MemberRef("440000", "Guangdong");
  private static final MemberRef GX = new MemberRef("450000", "Guangxi");
  private static final MemberRef BJ = new MemberRef("110000", "Beijing");
  private static final MemberRef Y2025 = new MemberRef("2025", "2025");
  private static final MemberRef MAY = new MemberRef("2025-05", "May 2025");
  private static final MemberRef JUNE = new MemberRef("2025-06", "June 2025");

  private static final List<String> HEADER = List.of(
      ",Year,2025,2025,2025,Total",
      ",Month,May 2025,June 2025,Total,",
      "Macro-region,Province,Revenue,Revenue,Revenue,Revenue");

  @Test
  void rowSubtotalsFollowTheirGroupAndColumnSubtotalsTheirYear() {
    CellSet set = twoByTwo(List.of(List.of(SOUTH, GD), List.of(SOUTH, GX), List.of(NORTH, BJ)));
    List<String> expected = new ArrayList<>(HEADER);
    expected.addAll(List.of(
        "South,Guangdong,10.00,20.00,30.00,30.00",
        "South,Guangxi,1.00,,1.00,1.00",
        "South,Total,11.00,20.00,31.00,31.00",
        "North,Beijing,5.00,7.00,12.00,12.00",
        "North,Total,5.00,7.00,12.00,12.00",
        "Total,,16.00,27.00,43.00,43.00"));
    assertThat(csvLines(PivotTable.of(set))).containsExactlyElementsOf(expected);
  }

  @Test
  void rowsOrderedAcrossGroupsGetTheirSubtotalsAfterTheBody() {
    CellSet set = twoByTwo(List.of(List.of(SOUTH, GD), List.of(NORTH, BJ), List.of(SOUTH, GX)));
    List<String> expected = new ArrayList<>(HEADER);
    expected.addAll(List.of(
        "South,Guangdong,10.00,20.00,30.00,30.00",
        "North,Beijing,5.00,7.00,12.00,12.00",
        "South,Guangxi,1.00,,1.00,1.00",
        "South,Total,11.00,20.00,31.00,31.00",
        "North,Total,5.00,7.00,12.00,12.00",
        "Total,,16.00,27.00,43.00,43.00"));
    PivotTable table = PivotTable.of(set);
    assertThat(csvLines(table)).containsExactlyElementsOf(expected);
    assertThat(table.headerRows()).isEqualTo(3);
    assertThat(table.labelColumns()).isEqualTo(2);
    assertThat(table.rows()).extracting(PivotTable.Row::kind).containsExactly(
        PivotTable.Kind.HEADER, PivotTable.Kind.HEADER, PivotTable.Kind.HEADER,
        PivotTable.Kind.BODY, PivotTable.Kind.BODY, PivotTable.Kind.BODY,
        PivotTable.Kind.TOTAL, PivotTable.Kind.TOTAL, PivotTable.Kind.TOTAL);
  }

  @Test
  void withoutTotalsThereAreNoTotalRowsOrColumns() {
    CellSet full = twoByTwo(List.of(List.of(SOUTH, GD), List.of(NORTH, BJ)));
    CellSet set = new CellSet(full.cube(), "zh-CN", full.columns(), full.cells(), List.of(), full.pivot(), false, 0);
    assertThat(csvLines(PivotTable.of(set))).containsExactly(
        ",Year,2025,2025",
        ",Month,May 2025,June 2025",
        "Macro-region,Province,Revenue,Revenue",
        "South,Guangdong,10.00,20.00",
        "North,Beijing,5.00,7.00");
  }

  @Test
  void severalMeasuresShareTheirColumnCaptionWhichXlsxMerges() throws Exception {
    List<ResultColumn> columns = List.of(
        new ResultColumn("time.month", "level", "columns", "月份", null),
        new ResultColumn("revenue", "measure", null, "收入", "currency"),
        new ResultColumn("churn_rate", "measure", null, "流失率", "percent"));
    List<Map<String, Object>> cells = List.of(
        record("time.month", MAY, "revenue", new BigDecimal("1.50"), "churn_rate", 0.125),
        record("time.month", JUNE, "revenue", new BigDecimal("2.25"), "churn_rate", 1.0E-7));
    List<Map<String, Object>> totals = List.of(record("time.month", null, "revenue", new BigDecimal("3.75"),
        "churn_rate", 0.0625));
    CellSet set = new CellSet("revenue", "zh-CN", columns, cells, totals,
        new Pivot(List.of(), List.of("time.month"), List.of("revenue", "churn_rate"), List.of(List.of()),
            List.of(List.of(MAY), List.of(JUNE)), List.of()), false, 0);
    PivotTable table = PivotTable.of(set);
    assertThat(csvLines(table)).containsExactly(
        "May 2025,,June 2025,,合计,",
        "收入,流失率,收入,流失率,收入,流失率",
        "1.50,0.125,2.25,0.0000001,3.75,0.0625");

    byte[] xlsx = XlsxExport.write(table, "收入分析");
    String sheet = sheetXml(xlsx);
    assertThat(sheet).contains("<mergeCell ref=\"A1:B1\"/>", "<mergeCell ref=\"C1:D1\"/>", "<mergeCell ref=\"E1:F1\"/>");
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(2).getCell(0).asNumber()).isEqualByComparingTo("1.50");
      assertThat(rows.get(2).getCell(0).getDataFormatString()).isEqualTo("#,##0.00");
      assertThat(rows.get(2).getCell(3).asNumber()).isEqualByComparingTo("0.0000001");
      assertThat(rows.get(2).getCell(3).getDataFormatString()).isEqualTo("0.0%");
    }
  }

  @Test
  void partialPeriodsAreMarkedAndRateChangesAreInPercentagePoints() throws Exception {
    MemberRef q2 = new MemberRef("2025-Q2", "2025年第2季度");
    List<ResultColumn> columns = List.of(
        new ResultColumn("time.quarter", "level", "columns", "季度", null),
        new ResultColumn("churn_rate", "measure", null, "流失率", "percent", null, false),
        new ResultColumn("churn_rate:previous_period_change", "measure", null, "流失率 · 环比", "percent", "difference", false));
    List<Map<String, Object>> cells = List.of(
        record("time.quarter", q2, "churn_rate", 0.025, "churn_rate:previous_period_change", 0.0125));
    CellSet set = new CellSet("subscribers", "zh-CN", columns, cells, List.of(),
        new Pivot(List.of(), List.of("time.quarter"), List.of("churn_rate", "churn_rate:previous_period_change"),
            List.of(List.of()), List.of(List.of(q2)), List.of()), false, 0,
        List.of(new CellSet.Period("time.quarter", "2025-Q2", 2, 3, true)));
    PivotTable table = PivotTable.of(set);
    assertThat(csvLines(table)).containsExactly(
        "2025年第2季度（2/3个月）,",
        "流失率,流失率 · 环比（个百分点）",
        "0.025,1.25");
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(XlsxExport.write(table, "用户")),
        new ReadingOptions(true, false))) {
      List<Row> rows = workbook.getFirstSheet().read();
      assertThat(rows.get(2).getCell(1).asNumber()).isEqualByComparingTo("1.25");
      assertThat(rows.get(2).getCell(1).getDataFormatString()).isEqualTo("+0.0;-0.0;0.0");
    }
    CellSet english = new CellSet("subscribers", "en", columns, cells, List.of(), set.pivot(), false, 0, set.periods());
    assertThat(csvLines(PivotTable.of(english)).get(0)).isEqualTo("2025年第2季度 (2 of 3 months),");
    assertThat(csvLines(PivotTable.of(english)).get(1)).endsWith("流失率 · 环比 (pp)");
  }

  @Test
  void csvIsRfc4180WithABomAndPlainNumbers() {
    PivotTable table = new PivotTable(List.of(
        new PivotTable.Row(PivotTable.Kind.HEADER, List.of(new PivotTable.Label("a,b"), new PivotTable.Label("say \"hi\""))),
        new PivotTable.Row(PivotTable.Kind.BODY, List.of(new PivotTable.Label("x\ny"),
            new PivotTable.Amount(-1234567.5, "currency")))), 1, 1);
    byte[] csv = CsvExport.write(table);
    assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))
        .isEqualTo("\"a,b\",\"say \"\"hi\"\"\"\r\n\"x\ny\",-1234567.5\r\n");
    assertThat(CsvExport.plain(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(CsvExport.plain(12345678901L)).isEqualTo("12345678901");
    assertThat(CsvExport.plain(BigInteger.TEN.pow(20))).isEqualTo("100000000000000000000");
    assertThat(CsvExport.plain(1.0E21)).isEqualTo("1000000000000000000000");
    assertThat(CsvExport.plain(Double.NaN)).isEmpty();
  }

  @Test
  void sheetNamesAreWhatExcelAccepts() {
    assertThat(XlsxExport.sheetName("收入分析")).isEqualTo("收入分析");
    assertThat(XlsxExport.sheetName("a[b]:c*d?e/f\\g")).isEqualTo("a b  c d e f g");
    assertThat(XlsxExport.sheetName("'quoted'")).isEqualTo("quoted");
    assertThat(XlsxExport.sheetName("Signal: Call forwarding to competitor, by month")).hasSize(31);
    assertThat(XlsxExport.sheetName(" ? ")).isEqualTo("Sheet1");
    assertThat(XlsxExport.numberFormat("currency")).isEqualTo("#,##0.00");
    assertThat(XlsxExport.numberFormat("percent")).isEqualTo("0.0%");
    assertThat(XlsxExport.numberFormat("integer")).isEqualTo("#,##0");
    assertThat(XlsxExport.numberFormat("number")).isNull();
  }

  /**
   * Revenue by macro-region × province (rows, in {@code rowOrder}) and year × month (columns), with
   * totals shaped as the engine returns them: every row prefix with every column prefix.
   */
  private static CellSet twoByTwo(List<List<MemberRef>> rowOrder) {
    List<ResultColumn> columns = List.of(
        new ResultColumn("region.macro_region", "level", "rows", "Macro-region", null),
        new ResultColumn("region.province", "level", "rows", "Province", null),
        new ResultColumn("time.year", "level", "columns", "Year", null),
        new ResultColumn("time.month", "level", "columns", "Month", null),
        new ResultColumn("revenue", "measure", null, "Revenue", "currency"));
    Map<List<MemberRef>, Map<MemberRef, String>> revenue = new HashMap<>();
    revenue.put(List.of(SOUTH, GD), Map.of(MAY, "10.00", JUNE, "20.00"));
    revenue.put(List.of(SOUTH, GX), Map.of(MAY, "1.00"));
    revenue.put(List.of(NORTH, BJ), Map.of(MAY, "5.00", JUNE, "7.00"));
    List<Map<String, Object>> cells = new ArrayList<>();
    for (List<MemberRef> row : rowOrder) {
      for (MemberRef month : List.of(MAY, JUNE)) {
        String value = revenue.get(row).get(month);
        if (value != null) {
          cells.add(cell(row.get(0), row.get(1), Y2025, month, value));
        }
      }
    }
    List<Map<String, Object>> totals = new ArrayList<>();
    for (List<MemberRef> row : rowOrder) { // r = 2: per province, by year and overall
      String sum = revenue.get(row).values().stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString();
      totals.add(cell(row.get(0), row.get(1), Y2025, null, sum));
      totals.add(cell(row.get(0), row.get(1), null, null, sum));
    }
    totals.add(cell(SOUTH, null, Y2025, MAY, "11.00")); // r = 1
    totals.add(cell(SOUTH, null, Y2025, JUNE, "20.00"));
    totals.add(cell(NORTH, null, Y2025, MAY, "5.00"));
    totals.add(cell(NORTH, null, Y2025, JUNE, "7.00"));
    totals.add(cell(SOUTH, null, Y2025, null, "31.00"));
    totals.add(cell(NORTH, null, Y2025, null, "12.00"));
    totals.add(cell(SOUTH, null, null, null, "31.00"));
    totals.add(cell(NORTH, null, null, null, "12.00"));
    totals.add(cell(null, null, Y2025, MAY, "16.00")); // r = 0
    totals.add(cell(null, null, Y2025, JUNE, "27.00"));
    totals.add(cell(null, null, Y2025, null, "43.00"));
    totals.add(cell(null, null, null, null, "43.00"));
    Pivot pivot = new Pivot(List.of("region.macro_region", "region.province"), List.of("time.year", "time.month"),
        List.of("revenue"), rowOrder, List.of(List.of(Y2025, MAY), List.of(Y2025, JUNE)), List.of());
    return new CellSet("revenue", "en", columns, cells, totals, pivot, false, 0);
  }

  private static Map<String, Object> cell(MemberRef region, MemberRef province, MemberRef year, MemberRef month,
                                          String revenue) {
    return record("region.macro_region", region, "region.province", province, "time.year", year, "time.month", month,
        "revenue", new BigDecimal(revenue));
  }

  /** A cell record as the engine makes it: level → key, level.caption → caption, measure → value. */
  private static Map<String, Object> record(Object... pairs) {
    Map<String, Object> record = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      String name = (String) pairs[i];
      if (pairs[i + 1] instanceof MemberRef || (pairs[i + 1] == null && name.contains("."))) {
        MemberRef m = (MemberRef) pairs[i + 1];
        record.put(name, m == null ? null : m.key());
        record.put(name + ".caption", m == null ? null : m.caption());
      } else {
        record.put(name, pairs[i + 1]);
      }
    }
    return record;
  }

  private static List<String> csvLines(PivotTable table) {
    byte[] csv = CsvExport.write(table);
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\r\n");
    return List.of(text.substring(0, text.length() - 2).split("\r\n", -1));
  }

  /** The sheet's XML, for what fastexcel-reader does not expose (frozen panes, merged cells). */
  private static String sheetXml(byte[] xlsx) throws Exception {
    // a file, not ZipInputStream: the writer streams entries with sizes in data descriptors only
    Path file = Files.createTempFile("export", ".xlsx");
    try (ZipFile zip = new ZipFile(Files.write(file, xlsx).toFile())) {
      return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
    } finally {
      Files.delete(file);
    }
  }
}
