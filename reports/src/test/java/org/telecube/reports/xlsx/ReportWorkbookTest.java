package org.telecube.reports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.reader.CellType;
import org.junit.jupiter.api.Test;
import org.telecube.reports.xlsx.SheetTable.Amount;
import org.telecube.reports.xlsx.SheetTable.Format;

/** The workbook writer on hand-made tables; the reports' own workbooks are tested in MonthlyRevenueReportTest. */
class ReportWorkbookTest {
  @Test
  void eachTableIsASheetWithAFrozenHeaderAndFormattedNumbers() throws IOException {
    byte[] xlsx = ReportWorkbook.write(List.of(
        new SheetTable("概览", List.of("指标", "数值"), List.of(
            Arrays.asList("收入", new Amount(new BigDecimal("3197961.25"), Format.CURRENCY)),
            Arrays.asList("流失率", new Amount(0.0345, Format.PERCENT)),
            Arrays.asList("用户", null))),
        new SheetTable("按城市", List.of("编码", "用户数"), List.of(
            Arrays.asList("440100", new Amount(1234L, Format.INTEGER))))), "月度收入报告");
    XlsxFile book = XlsxFile.read(xlsx);
    assertThat(book.names()).containsExactly("概览", "按城市");
    var revenue = book.row("概览", "收入").get(1);
    assertThat(revenue.getType()).isEqualTo(CellType.NUMBER);
    assertThat(revenue.asNumber()).isEqualByComparingTo("3197961.25");
    assertThat(revenue.getDataFormatString()).isEqualTo("[$¥-804]#,##0.00");
    assertThat(book.row("概览", "流失率").get(1).getDataFormatString()).isEqualTo("0.0%");
    assertThat(book.row("按城市", "440100").get(1).getDataFormatString()).isEqualTo("#,##0");
    for (String sheet : book.names()) {
      assertThat(book.frozenRows(sheet)).isEqualTo(1);
      assertThat(book.mergedRanges(sheet)).isZero();
    }
  }

  @Test
  void sheetNamesAreWhatExcelAccepts() {
    assertThat(ReportWorkbook.sheetName("Revenue by Province/City: [2025]?")).isEqualTo("Revenue by Province City   2025");
    assertThat(ReportWorkbook.sheetName("'" + "x".repeat(40) + "'")).hasSize(31);
    assertThat(ReportWorkbook.sheetName("  ")).isEqualTo("Sheet");
  }

  @Test
  void aRepeatedSheetNameGetsANumber() throws IOException {
    byte[] xlsx = ReportWorkbook.write(List.of(new SheetTable("Summary", List.of("a"), List.of()),
        new SheetTable("summary", List.of("a"), List.of())), "t");
    assertThat(XlsxFile.read(xlsx).names()).containsExactly("Summary", "summary (2)");
  }

  /**
   * A change column follows the model: a rate's difference is a number of percentage points with
   * the unit of the report's language in its format, a relative change a percentage, and a rise of
   * churn or a fall of revenue is written in the bad-news colour.
   */
  @Test
  void changeCellsTakeTheirFormAndColourFromTheModel() throws IOException {
    var model = org.telecube.warehouse.model.ModelLoader.shipped();
    var zh = org.telecube.reports.data.ReportMessages.of(org.telecube.warehouse.model.Language.ZH_CN);
    var en = org.telecube.reports.data.ReportMessages.of(org.telecube.warehouse.model.Language.EN);
    var churnRate = org.telecube.reports.data.ChangeReading.of(model, "subscribers", "churn_rate", 0.012);
    var revenue = org.telecube.reports.data.ChangeReading.of(model, "revenue", "revenue", -0.05);
    Amount points = SheetTable.change(churnRate, zh);
    assertThat(points.value().doubleValue()).isCloseTo(1.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(points.fontColor()).isEqualTo("B42318");
    assertThat(SheetTable.change(revenue, en).fontColor()).isEqualTo("B42318");
    assertThat(SheetTable.change(revenue, en).excel()).isEqualTo("0.0%");
    byte[] xlsx = ReportWorkbook.write(List.of(new SheetTable("概览", List.of("指标", "环比"), List.of(
        Arrays.asList("流失率", points), Arrays.asList("Churn rate", SheetTable.change(churnRate, en)),
        Arrays.asList("收入", SheetTable.change(revenue, zh))))), "月度流失分析报告");
    XlsxFile book = XlsxFile.read(xlsx);
    assertThat(book.row("概览", "流失率").get(1).getDataFormatString().replace("\\", "")).startsWith("+0.0 个百分点;");
    assertThat(book.row("概览", "Churn rate").get(1).getDataFormatString().replace("\\", ""))
        .isEqualTo("+0.0 pp;-0.0 pp;0.0 pp");
    assertThat(book.row("概览", "收入").get(1).asNumber()).isEqualByComparingTo("-0.05");
  }
}
