package org.telecube.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.LoadListener;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.telecube.reports.definition.ReportCatalog;
import org.telecube.reports.xlsx.XlsxFile;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.churn.AtRiskSubscriber;
import org.telecube.warehouse.churn.ChurnListQuery;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.OrderKey;
import org.telecube.warehouse.query.QueryEngine;

/**
 * The monthly revenue report on a generated operator: the PDF's numbers are the cube's numbers,
 * Chinese renders in an embedded font, pages are not blank, and bad requests fail clearly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyRevenueReportTest {
  private static final YearMonth MONTH = YearMonth.of(2025, 12);
  private static final String ID = ReportCatalog.MONTHLY_REVENUE;

  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine engine;
  private ReportService reports;
  private String province;
  private String provinceZh;
  private String provinceEn;
  private byte[] provincePdf;
  private ChurnLists churnLists;
  private String churnText;

  @BeforeAll
  void generateAndLoad() throws Exception {
    Path feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 2_000, 14, MONTH, 11L, false), (m, i, n) -> { });
    warehouse = Warehouse.openEmbedded(dir.resolve("data"));
    try (Stream<Path> files = Files.list(feeds)) {
      EtlLoader.load(warehouse, files.sorted().toList(), Optional.empty(), LoadListener.NONE);
    }
    engine = new QueryEngine(warehouse.backend(), warehouse.model());
    // the province with the most revenue in the month, as the cube says
    Map<String, Object> top = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
        .withFilters(List.of(LevelFilter.members("time.month", MONTH.toString())))
        .withOrder(List.of(OrderKey.desc("revenue")), 1)).cells().get(0);
    province = (String) top.get("region.province");
    provinceZh = (String) top.get("region.province.caption");
    provinceEn = (String) engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
        .withFilters(List.of(LevelFilter.members("region.province", province))).withLocale("en"))
        .cells().get(0).get("region.province.caption");

    org.telecube.reports.jasper.JasperReportRenderer renderer = new org.telecube.reports.jasper.JasperReportRenderer();
    churnLists = new ChurnLists(engine);
    reports = new ReportService(engine, renderer, Clock.fixed(Instant.parse("2026-01-05T01:30:00Z"), ZoneOffset.UTC),
        churnLists);
    long started = System.nanoTime();
    reports.warmUp();
    long compile = System.nanoTime() - started;
    started = System.nanoTime();
    provincePdf = reports.render(ID, MONTH, province, Language.ZH_CN, ReportFormat.PDF);
    long cold = System.nanoTime() - started;
    long[] data = new long[5];
    long[] render = new long[5];
    for (int i = 0; i < data.length; i++) {
      started = System.nanoTime();
      org.telecube.reports.data.ReportData d = reports.data(ID, MONTH, province, Language.ZH_CN);
      data[i] = System.nanoTime() - started;
      started = System.nanoTime();
      renderer.render(d, ReportFormat.PDF);
      render[i] = System.nanoTime() - started;
    }
    java.util.Arrays.sort(data);
    java.util.Arrays.sort(render);
    System.out.printf("monthly-revenue for %s: compiling the templates %d ms, first render %d ms; then median cube queries %d ms"
        + " + fill and PDF export %d ms; %d bytes%n", province, compile / 1_000_000, cold / 1_000_000, data[2] / 1_000_000,
        render[2] / 1_000_000, provincePdf.length);
    Files.createDirectories(Path.of("target/reports"));
    Files.write(Path.of("target/reports/monthly-revenue-province-zh.pdf"), provincePdf);
  }

  @AfterAll
  void close() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @Test
  void headlineRevenueIsTheCubesRevenue() throws IOException {
    BigDecimal revenue = revenue(List.of(LevelFilter.members("time.month", MONTH.toString()),
        LevelFilter.members("region.province", province)));
    String text = text(provincePdf);
    assertThat(text).contains(yuan(revenue));
    // the revenue tile: its label, then the amount
    assertThat(text).containsPattern("收入\\s+" + java.util.regex.Pattern.quote(yuan(revenue)));
  }

  @Test
  void cityRowsAreTheCubesRevenueByCity() throws IOException {
    List<Map<String, Object>> cities = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.city"))
        .withFilters(List.of(LevelFilter.members("time.month", MONTH.toString()),
            LevelFilter.members("region.province", province)))
        .withOrder(List.of(OrderKey.desc("revenue")), null)).cells();
    assertThat(cities).isNotEmpty();
    List<String> lines = text(provincePdf).lines().toList();
    for (Map<String, Object> city : cities) {
      String caption = (String) city.get("region.city.caption");
      String amount = yuan(new BigDecimal(city.get("revenue").toString()));
      assertThat(lines).as("a table row for %s with %s", caption, amount)
          .anyMatch(l -> l.startsWith(caption + " ") && l.contains(" " + amount + " "));
    }
  }

  @Test
  void chineseTitleAndProvinceNameAreInTheText() throws IOException {
    String text = text(provincePdf);
    assertThat(text).contains("月度收入报告", provinceZh, "2025年12月", "分城市收入", "第 1 页", "数据截至", "2025-12-31",
        "生成时间 2026-01-05 09:30");
  }

  @Test
  void everyFontIsEmbedded() throws IOException {
    List<String> fonts = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(provincePdf)) {
      assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      for (PDPage page : doc.getPages()) {
        collectFonts(page.getResources(), fonts, 0);
      }
    }
    assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).endsWith(":embedded"));
  }

  @Test
  void firstPageIsNotBlank() throws IOException {
    try (PDDocument doc = Loader.loadPDF(provincePdf)) {
      BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 50);
      ImageIO.write(image, "png", Path.of("target/reports/monthly-revenue-province-zh-p1.png").toFile());
      int dark = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
          if (lum < 160) {
            dark++;
          }
        }
      }
      assertThat(dark).as("dark pixels on page 1").isGreaterThan(image.getWidth() * image.getHeight() / 100);
    }
  }

  @Test
  void englishEditionAndCountryScope() throws IOException {
    byte[] pdf = reports.render(ID, MONTH.toString(), province, "en", "pdf");
    Files.write(Path.of("target/reports/monthly-revenue-province-en.pdf"), pdf);
    assertThat(text(pdf)).contains("Monthly revenue report", provinceEn, "December 2025", "Revenue by City", "Page 1");
    byte[] country = reports.render(ID, MONTH, "", Language.ZH_CN, ReportFormat.PDF);
    Files.write(Path.of("target/reports/monthly-revenue-country-zh.pdf"), country);
    BigDecimal total = revenue(List.of(LevelFilter.members("time.month", MONTH.toString())));
    assertThat(text(country)).contains("全国", "分片区收入", yuan(total));
  }

  @Test
  void htmlEditionHasTheSameNumbersAndEmbeddedCharts() throws IOException {
    byte[] html = reports.render(ID, MONTH.toString(), province, null, "html");
    Files.write(Path.of("target/reports/monthly-revenue-province-zh.html"), html);
    String page = new String(html, java.nio.charset.StandardCharsets.UTF_8);
    BigDecimal revenue = revenue(List.of(LevelFilter.members("time.month", MONTH.toString()),
        LevelFilter.members("region.province", province)));
    assertThat(page).contains("月度收入报告", provinceZh, yuan(revenue), "data:image/png;base64,");
  }

  @Test
  void xlsxEditionIsAManagersSpreadsheet() throws IOException {
    byte[] xlsx = reports.render(ID, MONTH.toString(), province, null, "xlsx");
    Files.write(Path.of("target/reports/monthly-revenue-province-zh.xlsx"), xlsx);
    XlsxFile book = XlsxFile.read(xlsx);
    assertIsPlainTables(book);
    assertThat(book.names()).containsExactly("概览", "收入趋势", "按城市", "业务线", "收费项目", "价值分群", "增长最快", "增长最慢");
    // the headline revenue and every city's revenue are numeric cells holding the cube's amounts
    BigDecimal revenue = revenue(List.of(LevelFilter.members("time.month", MONTH.toString()),
        LevelFilter.members("region.province", province)));
    Cell headline = book.row("概览", "收入").get(1);
    assertThat(headline.getType()).isEqualTo(CellType.NUMBER);
    assertThat(headline.asNumber()).isEqualByComparingTo(revenue);
    assertThat(headline.getDataFormatString()).isEqualTo("[$¥-804]#,##0.00");
    assertThat(book.row("概览", "出账用户数").get(1).getDataFormatString()).isEqualTo("#,##0");
    List<Map<String, Object>> cities = engine.execute(CubeQuery.of("revenue", List.of("revenue"),
        List.of("region.city")).withFilters(List.of(LevelFilter.members("time.month", MONTH.toString()),
            LevelFilter.members("region.province", province)))).cells();
    assertThat(book.sheets().get("按城市")).hasSize(cities.size() + 1);
    for (Map<String, Object> city : cities) {
      List<Cell> row = book.row("按城市", (String) city.get("region.city"));
      assertThat(row.get(1).getText()).isEqualTo(city.get("region.city.caption"));
      assertThat(row.get(2).asNumber()).isEqualByComparingTo(new BigDecimal(city.get("revenue").toString()));
      assertThat(row.get(3).getType()).isEqualTo(CellType.NUMBER);
      assertThat(row.get(3).getDataFormatString()).isEqualTo("0.0%");
    }
    byte[] en = reports.render(ID, MONTH.toString(), "", "en", "xlsx");
    assertThat(XlsxFile.read(en).names()).startsWith("Summary", "Revenue trend", "By Macro-region");
    assertIsPlainTables(XlsxFile.read(en));
  }

  @Test
  void churnXlsxEditionIsAManagersSpreadsheet() throws IOException {
    byte[] xlsx = reports.render(ReportCatalog.MONTHLY_CHURN, MONTH.toString(), province, "zh-CN", "xlsx");
    Files.write(Path.of("target/reports/monthly-churn-province-zh.xlsx"), xlsx);
    XlsxFile book = XlsxFile.read(xlsx);
    assertIsPlainTables(book);
    assertThat(book.names()).containsExactly("概览", "流失趋势", "按城市", "流失原因", "价值分群", "用户画像", "分群迁移",
        "预警信号", "高价值预警用户");
    Map<String, Object> head = engine.execute(CubeQuery.of("subscribers", List.of("active_end", "churn_rate"),
        List.of()).withFilters(provinceMonth())).cells().get(0);
    Cell active = book.row("概览", "期末在网用户").get(1);
    assertThat(active.asNumber()).isEqualByComparingTo(BigDecimal.valueOf(((Number) head.get("active_end")).longValue()));
    assertThat(active.getDataFormatString()).isEqualTo("#,##0");
    Cell rate = book.row("概览", "流失率").get(1);
    assertThat(rate.asNumber().doubleValue()).isCloseTo(((Number) head.get("churn_rate")).doubleValue(),
        org.assertj.core.data.Offset.offset(1e-12));
    assertThat(rate.getDataFormatString()).isEqualTo("0.0%");
    List<List<Cell>> top = book.sheets().get("高价值预警用户");
    assertThat(top).hasSizeGreaterThan(1);
    for (List<Cell> row : top.subList(1, top.size())) {
      assertThat(row.get(4).getText()).isIn("战略客户(前5%)", "重要客户(次15%)");
      assertThat(row.get(5).getType()).isEqualTo(CellType.NUMBER);
      assertThat(row.get(5).getDataFormatString()).isEqualTo("[$¥-804]#,##0.00");
    }
  }

  /**
   * Every sheet: one bold header row of text frozen in view, no merged cells, no page furniture,
   * and no number written as text.
   */
  private static void assertIsPlainTables(XlsxFile book) {
    for (String name : book.names()) {
      List<List<Cell>> rows = book.sheets().get(name);
      assertThat(book.mergedRanges(name)).as("merged cells in %s", name).isZero();
      assertThat(book.frozenRows(name)).as("frozen header of %s", name).isEqualTo(1);
      assertThat(rows).as("sheet %s", name).isNotEmpty();
      List<String> header = rows.get(0).stream().map(c -> c == null ? null : c.getText()).toList();
      assertThat(rows.get(0)).as("header of %s", name).allSatisfy(c -> {
        assertThat(c).isNotNull();
        assertThat(c.getType()).isEqualTo(CellType.STRING);
        assertThat(c.getText()).isNotBlank();
      });
      for (List<Cell> row : rows.subList(1, rows.size())) {
        assertThat(row.stream().map(c -> c == null ? null : c.getText()).toList()).as("a second header in %s", name)
            .isNotEqualTo(header);
        assertThat(row.size()).as("a row of %s wider than its header", name).isLessThanOrEqualTo(header.size());
        for (Cell c : row) {
          if (c != null && List.of("编码", "Code").contains(header.get(c.getColumnIndex()))) {
            continue; // region keys such as 440100 are codes, text by right
          }
          if (c == null || c.getType() != CellType.STRING) {
            if (c != null && c.getType() == CellType.NUMBER) {
              assertThat(c.getDataFormatString()).as("format of %s in %s", c.getAddress(), name).isNotBlank();
            }
            continue;
          }
          assertThat(c.getText()).as("text %s in %s", c.getAddress(), name)
              .doesNotMatch("[-+]?[¥$]?[\\d,]+(\\.\\d+)?\\s*%?")
              .doesNotContain("页", "Page ", "TeleCube", "机密", "confidential");
        }
      }
    }
  }

  @Test
  void catalogListsTheMonthlyRevenueReport() {
    assertThat(reports.catalog()).extracting(d -> d.id()).containsExactly(ID, ReportCatalog.MONTHLY_CHURN);
    assertThat(reports.catalog()).first().satisfies(d -> {
      assertThat(d.id()).isEqualTo(ID);
      assertThat(d.title().in(Language.ZH_CN)).isEqualTo("月度收入报告");
      assertThat(d.parameters()).extracting(p -> p.name()).containsExactly("month", "scope", "locale", "format");
      assertThat(d.formats()).contains(ReportFormat.PDF);
    });
    assertThat(ReportService.fileName(ID, MONTH, province, ReportFormat.PDF))
        .isEqualTo("monthly-revenue_2025-12_" + province + ".pdf");
  }

  @Test
  void churnReportShowsTheSubscriberCubesNumbers() throws IOException {
    byte[] pdf = reports.render(ReportCatalog.MONTHLY_CHURN, MONTH, province, Language.ZH_CN, ReportFormat.PDF);
    Files.write(Path.of("target/reports/monthly-churn-province-zh.pdf"), pdf);
    Map<String, Object> head = engine.execute(CubeQuery.of("subscribers", List.of("active_end", "churned", "churn_rate"),
        List.of()).withFilters(List.of(LevelFilter.members("time.month", MONTH.toString()),
            LevelFilter.members("region.province", province)))).cells().get(0);
    String text = text(pdf);
    assertThat(text).contains("月度流失分析报告", provinceZh, "分城市流失",
        count(head.get("active_end")), percent(head.get("churn_rate")));
    assertThat(text).containsPattern("期末在网用户\\s+" + java.util.regex.Pattern.quote(count(head.get("active_end"))));
    List<Map<String, Object>> cities = engine.execute(CubeQuery.of("subscribers", List.of("active_end", "churned"),
        List.of("region.city")).withFilters(List.of(LevelFilter.members("time.month", MONTH.toString()),
            LevelFilter.members("region.province", province)))).cells();
    List<String> lines = text.lines().toList();
    for (Map<String, Object> city : cities) {
      String row = city.get("region.city.caption") + " " + count(city.get("active_end")) + " " + count(city.get("churned"));
      assertThat(lines).as("a row starting %s", row).anyMatch(l -> l.startsWith(row + " "));
    }
    List<String> fonts = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      for (PDPage page : doc.getPages()) {
        collectFonts(page.getResources(), fonts, 0);
      }
    }
    assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f).endsWith(":embedded"));
    byte[] en = reports.render(ReportCatalog.MONTHLY_CHURN, MONTH.toString(), "", "en", "pdf");
    Files.write(Path.of("target/reports/monthly-churn-country-en.pdf"), en);
    assertThat(text(en)).contains("Monthly churn report", "Nationwide", "Churn by Macro-region");
    assertThatThrownBy(() -> reports.render(ReportCatalog.MONTHLY_CHURN, YearMonth.of(2030, 1), null, Language.EN,
        ReportFormat.PDF)).isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.code()).isEqualTo("no_data"));
  }

  /** Churned and active-at-start of a province in a month, by hand-written SQL over the subscriber facts. */
  private double[] churnedAndBase(String provinceKey, YearMonth month) throws java.sql.SQLException {
    try (java.sql.Connection c = warehouse.backend().dataSource().getConnection();
         java.sql.PreparedStatement st = c.prepareStatement("SELECT SUM(f.is_churned), SUM(f.active_start)"
             + " FROM fact_subscriber_month f JOIN dim_region r ON r.city_code = f.city_code"
             + " WHERE f.month_key = ? AND r.province_code = ?")) {
      st.setInt(1, month.getYear() * 100 + month.getMonthValue());
      st.setString(2, provinceKey);
      try (java.sql.ResultSet rs = st.executeQuery()) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2)};
      }
    }
  }

  /** This month's churn rate minus last month's, in percentage points, from the facts. */
  private BigDecimal churnRatePointsBySql(String provinceKey) throws java.sql.SQLException {
    double[] now = churnedAndBase(provinceKey, MONTH);
    double[] before = churnedAndBase(provinceKey, MONTH.minusMonths(1));
    return BigDecimal.valueOf((now[0] / now[1] - before[0] / before[1]) * 100);
  }

  /**
   * Issue 10 item 9: the churn rate's change is a difference in percentage points (this month's
   * rate minus last month's, as SQL over the facts says) in the PDF, the summary and the workbook,
   * never a relative change of a rate.
   */
  @Test
  void churnRateChangeIsThePointDifferenceOfTheFacts() throws Exception {
    BigDecimal points = churnRatePointsBySql(province);
    BigDecimal shown = points.setScale(1, RoundingMode.HALF_UP);
    String expected = (shown.signum() > 0 ? "+" : "") + shown.toPlainString();
    org.telecube.reports.data.MonthlyChurnData data = (org.telecube.reports.data.MonthlyChurnData) reports.data(
        ReportCatalog.MONTHLY_CHURN, MONTH, province, Language.ZH_CN);
    assertThat(data.kpis().churnRateMonthOnMonth().value() * 100).isCloseTo(points.doubleValue(),
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(churnText()).containsPattern(java.util.regex.Pattern.quote(expected) + "\\s*个百分点");
    assertThat(data.summary().figures()).filteredOn(f -> f.label().equals("流失率")).singleElement()
        .satisfies(f -> assertThat(f.note()).endsWith(expected + " 个百分点"));
    XlsxFile book = XlsxFile.read(reports.render(ReportCatalog.MONTHLY_CHURN, MONTH.toString(), province, "zh-CN",
        "xlsx"));
    Cell change = book.row("概览", "流失率").get(2);
    assertThat(change.getType()).isEqualTo(CellType.NUMBER);
    assertThat(change.asNumber().doubleValue()).isCloseTo(points.doubleValue(), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(change.getDataFormatString()).contains("个").doesNotContain("%");
    byte[] en = reports.render(ReportCatalog.MONTHLY_CHURN, MONTH.toString(), province, "en", "xlsx");
    assertThat(XlsxFile.read(en).row("Summary", "Churn rate").get(2).getDataFormatString()).contains("p")
        .doesNotContain("%");
  }

  /**
   * A rise in churn is bad news and a fall good news, by the model's higher_is_better: false for
   * churned and the churn rate (checked on the data the templates are filled with, since PDF text
   * has no colour), in a province whose churn rate rose and in one whose fell, as SQL says.
   */
  @Test
  void aRiseInChurnIsMarkedBad() throws Exception {
    String rose = null;
    String fell = null;
    for (MemberRef p : engine.members("subscribers", "region.province", null, "zh-CN").members()) {
      double points = churnRatePointsBySql(p.key()).doubleValue();
      if (points >= 0.05 && rose == null) {
        rose = p.key();
      } else if (points <= -0.05 && fell == null) {
        fell = p.key();
      }
    }
    assertThat(rose).as("a province whose churn rate rose").isNotNull();
    org.telecube.reports.data.ChurnKpis up = ((org.telecube.reports.data.MonthlyChurnData) reports.data(
        ReportCatalog.MONTHLY_CHURN, MONTH, rose, Language.ZH_CN)).kpis();
    assertThat(up.churnRateMonthOnMonth().tone()).isEqualTo(org.telecube.reports.data.ChangeReading.Tone.BAD);
    assertThat(up.churnRateMonthOnMonth().text(org.telecube.reports.data.ReportMessages.of(Language.EN)))
        .startsWith("+").endsWith(" pp");
    double[] now = churnedAndBase(rose, MONTH);
    double[] before = churnedAndBase(rose, MONTH.minusMonths(1));
    if (before[0] > 0 && (now[0] - before[0]) / before[0] >= 0.0005) { // a rise printed as at least +0.1%
      assertThat(up.churnedMonthOnMonth().tone()).isEqualTo(org.telecube.reports.data.ChangeReading.Tone.BAD);
    }
    if (fell != null) {
      org.telecube.reports.data.ChurnKpis down = ((org.telecube.reports.data.MonthlyChurnData) reports.data(
          ReportCatalog.MONTHLY_CHURN, MONTH, fell, Language.ZH_CN)).kpis();
      assertThat(down.churnRateMonthOnMonth().tone()).isEqualTo(org.telecube.reports.data.ChangeReading.Tone.GOOD);
    }
  }

  /**
   * A fall of a higher-is-better measure is bad news: a city whose revenue fell against last month
   * (SQL over the billing facts) is marked bad in its province's city table, and the rows of the
   * growth tables are coloured by the same reading.
   */
  @Test
  void aFallInRevenueIsMarkedBad() throws Exception {
    String provinceKey;
    String city;
    try (java.sql.Connection c = warehouse.backend().dataSource().getConnection();
         java.sql.Statement st = c.createStatement();
         java.sql.ResultSet rs = st.executeQuery("SELECT r.province_code, f.city_code,"
             + " SUM(CASE WHEN f.month_key = 202512 THEN f.amount END) AS now_amount,"
             + " SUM(CASE WHEN f.month_key = 202511 THEN f.amount END) AS before_amount"
             + " FROM fact_billing f JOIN dim_region r ON r.city_code = f.city_code"
             + " WHERE f.month_key IN (202511, 202512) GROUP BY r.province_code, f.city_code"
             + " HAVING SUM(CASE WHEN f.month_key = 202512 THEN f.amount END)"
             + " < 0.99 * SUM(CASE WHEN f.month_key = 202511 THEN f.amount END)"
             + " ORDER BY r.province_code, f.city_code LIMIT 1")) {
      assertThat(rs.next()).as("a city whose revenue fell").isTrue();
      provinceKey = rs.getString(1);
      city = rs.getString(2);
    }
    org.telecube.reports.data.MonthlyRevenueData data = (org.telecube.reports.data.MonthlyRevenueData) reports.data(
        ID, MONTH, provinceKey, Language.ZH_CN);
    org.telecube.reports.data.BreakdownRow row = data.regions().stream().filter(r -> r.key().equals(city))
        .findFirst().orElseThrow();
    assertThat(row.monthOnMonth().text(org.telecube.reports.data.ReportMessages.of(Language.ZH_CN))).startsWith("-")
        .endsWith("%");
    assertThat(row.monthOnMonth().tone()).isEqualTo(org.telecube.reports.data.ChangeReading.Tone.BAD);
    assertThat(data.slowestGrowing()).allSatisfy(r -> assertThat(r.monthOnMonth().tone())
        .isEqualTo(r.monthOnMonth().value() < -0.0005 ? org.telecube.reports.data.ChangeReading.Tone.BAD
            : r.monthOnMonth().value() >= 0.0005 ? org.telecube.reports.data.ChangeReading.Tone.GOOD
            : org.telecube.reports.data.ChangeReading.Tone.FLAT));
  }

  private String churnText() throws IOException {
    if (churnText == null) {
      byte[] pdf = reports.render(ReportCatalog.MONTHLY_CHURN, MONTH, province, Language.ZH_CN, ReportFormat.PDF);
      Files.createDirectories(Path.of("target/reports"));
      Files.write(Path.of("target/reports/monthly-churn-province-zh-full.pdf"), pdf);
      churnText = text(pdf);
    }
    return churnText;
  }

  private List<LevelFilter> provinceMonth() {
    return List.of(LevelFilter.members("time.month", MONTH.toString()), LevelFilter.members("region.province", province));
  }

  @Test
  void churnByProfileTablesAreTheCubesNumbers() throws IOException {
    List<String> lines = churnText().lines().toList();
    for (String level : List.of("vip_level.vip_level", "tenure_band.tenure_band", "network_type.network_type",
        "age_band.age_band", "customer_type.customer_type")) {
      CellSet cells = engine.execute(CubeQuery.of("subscribers", List.of("active_end", "churned", "churn_rate"),
          List.of(level)).withFilters(provinceMonth()));
      String title = cells.columns().stream().filter(c -> c.name().equals(level)).findFirst().orElseThrow().caption();
      assertThat(churnText()).contains(title);
      assertThat(cells.cells()).isNotEmpty();
      for (Map<String, Object> c : cells.cells()) {
        Object caption = c.get(level + ".caption") != null ? c.get(level + ".caption") : "未登记";
        String row = caption + " " + count(c.get("active_end")) + " " + count(c.get("churned")) + " "
            + (c.get("churn_rate") == null ? "—" : percent(c.get("churn_rate")));
        assertThat(lines).as("%s: a row %s", level, row).anyMatch(l -> l.contains(row));
      }
    }
  }

  @Test
  void segmentMovementMatrixIsTheCubesCounts() throws IOException {
    String to = "value_segment.value_segment";
    String from = "previous_value_segment.previous_value_segment";
    Map<String, Object> cells = new java.util.HashMap<>();
    for (Map<String, Object> c : engine.execute(CubeQuery.of("subscribers", List.of("active_end"), List.of(from, to))
        .withFilters(provinceMonth())).cells()) {
      cells.put(c.get(from) + "|" + c.get(to), c.get("active_end"));
    }
    List<MemberRef> columns = engine.members("subscribers", to, null, "zh-CN").members();
    List<MemberRef> rows = engine.members("subscribers", from, null, "zh-CN").members();
    assertThat(columns).hasSize(4);
    assertThat(rows.stream().map(MemberRef::key)).contains("new");
    List<String> lines = churnText().lines().toList();
    assertThat(churnText()).contains("价值分群迁移");
    for (MemberRef r : rows) {
      StringBuilder row = new StringBuilder(r.caption());
      for (MemberRef c : columns) {
        Object n = cells.get(r.key() + "|" + c.key());
        row.append(' ').append(n == null ? "—" : count(n));
      }
      assertThat(lines).as("a matrix row %s", row).anyMatch(l -> l.startsWith(row.toString()));
    }
  }

  @Test
  void earlyWarningSummaryIsTheCubesSignalCounts() throws IOException {
    List<String> signals = List.of("signal_competitor_call", "signal_call_forward", "signal_keep_number",
        "signal_bill_drop", "signal_voluntary_suspension", "signal_contract_ending", "signal_arrears",
        "signal_serious_complaint", "signal_bill_shock");
    List<String> measures = new ArrayList<>(signals);
    measures.add("at_risk");
    measures.add("active_end");
    CellSet cells = engine.execute(CubeQuery.of("subscribers", measures, List.of()).withFilters(provinceMonth()));
    Map<String, Object> c = cells.cells().get(0);
    List<String> lines = churnText().lines().toList();
    assertThat(lines).anyMatch(l -> l.startsWith("流失预警用户(合计) " + count(c.get("at_risk")) + " "));
    double active = ((Number) c.get("active_end")).doubleValue();
    for (String s : signals) {
      String caption = cells.columns().stream().filter(col -> col.name().equals(s)).findFirst().orElseThrow().caption();
      String label = caption.substring(caption.indexOf(':') + 1).trim();
      String row = label + " " + count(c.get(s)) + " "
          + percent(BigDecimal.valueOf(((Number) c.get(s)).doubleValue() / active));
      assertThat(lines).as("a signal row %s", row).anyMatch(l -> l.startsWith(row));
    }
  }

  @Test
  void topAtRiskListIsTheTopValueTiersRankedByRisk() throws Exception {
    // by hand: at-risk subscribers of the province in the two top value tiers, ranked as the list ranks
    String sql = "SELECT f.revenue, f.value_tier FROM fact_subscriber_month f JOIN dim_region r ON r.city_code = f.city_code"
        + " WHERE f.month_key = ? AND f.at_risk = 1 AND r.province_code = ? AND f.value_tier IN ('top5', 'next15')"
        + " ORDER BY f.warning_score * f.value_score DESC, f.subscriber_id LIMIT 50";
    List<BigDecimal> expected = new ArrayList<>();
    try (java.sql.Connection c = warehouse.backend().dataSource().getConnection();
         java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, MONTH.getYear() * 100 + MONTH.getMonthValue());
      ps.setString(2, province);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          expected.add(rs.getBigDecimal(1));
        }
      }
    }
    assertThat(expected).isNotEmpty();
    // without the tier rule, the ranking would list low-value subscribers: the test can tell the difference
    List<AtRiskSubscriber> anyTier = churnLists.atRisk(new ChurnListQuery(MONTH.getYear() * 100 + MONTH.getMonthValue(),
        province, 50), Language.ZH_CN);
    assertThat(anyTier).anyMatch(a -> "rest".equals(a.valueTier().key()));
    assertThatThrownBy(() -> churnLists.atRisk(new ChurnListQuery(MONTH.getYear() * 100 + MONTH.getMonthValue(),
        province, 50, List.of("gold")), Language.ZH_CN))
        .isInstanceOfSatisfying(org.telecube.warehouse.query.QueryException.class,
            e -> {
              assertThat(e.field()).isEqualTo("valueTier");
              assertThat(e.getMessage()).contains("gold", "top5");
            });

    String text = churnText();
    assertThat(text).contains("高价值流失预警用户 Top " + expected.size() + "（战略客户与重要客户）");
    List<String> lines = text.lines().toList();
    List<AtRiskSubscriber> listed = ((org.telecube.reports.data.MonthlyChurnData) reports.data(
        ReportCatalog.MONTHLY_CHURN, MONTH, province, Language.ZH_CN)).topAtRisk();
    assertThat(listed).hasSize(expected.size())
        .allSatisfy(a -> assertThat(a.valueTier().key()).isIn("top5", "next15"));
    for (int i = 0; i < expected.size(); i++) {
      AtRiskSubscriber a = listed.get(i);
      int rank = i + 1;
      String arpu = String.format(java.util.Locale.ROOT, "¥%,.2f", expected.get(i).setScale(2, RoundingMode.HALF_UP));
      assertThat(lines).as("list row %d", rank).anyMatch(l -> l.startsWith(rank + " "
          + (a.msisdn() == null ? "—" : a.msisdn()) + " " + a.city().caption()) && l.contains(arpu));
    }
    assertThat(text).doesNotContainPattern("1[3-9]\\d{9}");
  }

  @Test
  void earlyWarningSectionSaysHowSignalsAndAtRiskRelate() throws IOException {
    assertThat(churnText().replaceAll("\\s+", "")).contains("说明：一个用户可同时触发多个信号，各信号人数分别统计、互有重叠；"
        + "“流失预警用户”是预警分");
    byte[] en = reports.render(ReportCatalog.MONTHLY_CHURN, MONTH, province, Language.EN, ReportFormat.PDF);
    assertThat(text(en).replaceAll("\\s+", " ")).contains("Note: a subscriber can have several signals, so the signal counts"
        + " overlap; \"at risk\" means an active subscriber whose warning score");
  }

  @Test
  void aCityHasNoRegionSection() throws IOException {
    String city = (String) engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.city"))
        .withFilters(List.of(LevelFilter.members("time.month", MONTH.toString()),
            LevelFilter.members("region.province", province)))
        .withOrder(List.of(OrderKey.desc("revenue")), 1)).cells().get(0).get("region.city");
    byte[] pdf = reports.render(ID, MONTH, city, Language.ZH_CN, ReportFormat.PDF);
    Files.write(Path.of("target/reports/monthly-revenue-city-zh.pdf"), pdf);
    assertThat(text(pdf)).contains("本报告范围为城市").doesNotContain("增长最快");
  }

  @Test
  void badMonthIsABadParameter() {
    for (String month : List.of("2025-13", "2025-3", "March", "")) {
      assertThatThrownBy(() -> reports.render(ID, month, province, "zh-CN", "pdf"))
          .isInstanceOfSatisfying(ReportException.class, e -> {
            assertThat(e.kind()).isEqualTo(ReportException.Kind.BAD_PARAMETER);
            assertThat(e.field()).isEqualTo("month");
          });
    }
  }

  @Test
  void unknownScopeIsNotFound() {
    assertThatThrownBy(() -> reports.render(ID, MONTH, "999999", Language.ZH_CN, ReportFormat.PDF))
        .isInstanceOfSatisfying(ReportException.class, e -> {
          assertThat(e.kind()).isEqualTo(ReportException.Kind.NOT_FOUND);
          assertThat(e.code()).isEqualTo("unknown_scope");
          assertThat(e.getMessage()).contains("999999");
        });
  }

  @Test
  void monthWithoutDataIsNotFound() {
    assertThatThrownBy(() -> reports.render(ID, YearMonth.of(2030, 1), province, Language.ZH_CN, ReportFormat.PDF))
        .isInstanceOfSatisfying(ReportException.class, e -> {
          assertThat(e.kind()).isEqualTo(ReportException.Kind.NOT_FOUND);
          assertThat(e.code()).isEqualTo("no_data");
          assertThat(e.getMessage()).contains("2030-01", "2024-11", "2025-12");
        });
  }

  @Test
  void unknownReportAndFormatAndLanguage() {
    assertThatThrownBy(() -> reports.render("nope", MONTH, null, Language.ZH_CN, ReportFormat.PDF))
        .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.code()).isEqualTo("unknown_report"));
    assertThatThrownBy(() -> reports.render(ID, "2025-12", null, "fr", "pdf"))
        .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.field()).isEqualTo("locale"));
    assertThatThrownBy(() -> reports.render(ID, "2025-12", null, "en", "docx"))
        .isInstanceOfSatisfying(ReportException.class, e -> assertThat(e.field()).isEqualTo("format"));
  }

  private BigDecimal revenue(List<LevelFilter> filters) {
    Object v = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of()).withFilters(filters))
        .cells().get(0).get("revenue");
    return new BigDecimal(v.toString());
  }

  /** ¥ and whole yuan with comma thousands separators, written independently of ReportNumbers. */
  private static String yuan(BigDecimal amount) {
    BigDecimal rounded = amount.setScale(0, RoundingMode.HALF_UP);
    String digits = String.format(java.util.Locale.ROOT, "%,d", rounded.abs().longValueExact());
    return (rounded.signum() < 0 ? "-¥" : "¥") + digits;
  }

  private static String count(Object n) {
    return String.format(java.util.Locale.ROOT, "%,d", Math.round(((Number) n).doubleValue()));
  }

  private static String percent(Object ratio) {
    return new BigDecimal(ratio.toString()).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  private static void collectFonts(PDResources resources, List<String> out, int depth) throws IOException {
    if (resources == null || depth > 5) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      PDFont font = resources.getFont(name);
      out.add(font.getName() + (font.isEmbedded() ? ":embedded" : ":NOT embedded"));
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDFormXObject form) {
        collectFonts(form.getResources(), out, depth + 1);
      }
    }
  }

  /**
   * The report builders ask through the engine only: an engine scoped to the province builds, for
   * the whole country, the province's own numbers (and its at-risk subscribers), nothing else.
   */
  @Test
  void aScopedEngineShowsTheReportsOnlyItsProvince() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-05T01:30:00Z"), ZoneOffset.UTC);
    QueryEngine scoped = engine.scoped(org.telecube.warehouse.query.Scope.of("region.province", province));
    org.telecube.reports.data.MonthlyRevenueData inScope =
        new org.telecube.reports.data.MonthlyRevenueDataBuilder(scoped, clock).build(MONTH, null, Language.EN);
    org.telecube.reports.data.MonthlyRevenueData filtered =
        new org.telecube.reports.data.MonthlyRevenueDataBuilder(engine, clock).build(MONTH, province, Language.EN);
    assertThat(inScope.kpis()).isEqualTo(filtered.kpis());
    assertThat(inScope.trend()).isEqualTo(filtered.trend());
    assertThat(inScope.businessLines()).isEqualTo(filtered.businessLines());
    org.telecube.reports.data.MonthlyChurnData churnInScope = new org.telecube.reports.data.MonthlyChurnDataBuilder(
        scoped, clock, new ChurnLists(scoped)).build(MONTH, null, Language.EN);
    org.telecube.reports.data.MonthlyChurnData churnFiltered = new org.telecube.reports.data.MonthlyChurnDataBuilder(
        engine, clock, churnLists).build(MONTH, province, Language.EN);
    assertThat(churnInScope.kpis()).isEqualTo(churnFiltered.kpis());
    assertThat(churnInScope.topAtRisk()).isNotEmpty().isEqualTo(churnFiltered.topAtRisk());
  }

  /**
   * The lists planned by the engine are the lists the hand-written DuckDB SQL they replaced gave
   * (last_day(make_date(..)) for the version at month end, the history's windows in a CTE), row
   * for row, on the generated sample: every region and one province.
   */
  @Test
  void theChurnListsAreTheOnesTheHandWrittenSqlGave() throws Exception {
    int month = MONTH.getYear() * 100 + MONTH.getMonthValue();
    String version = "LEFT JOIN dim_subscriber v ON v.subscriber_id = f.subscriber_id"
        + " AND last_day(make_date(f.month_key // 100, f.month_key % 100, 1)) BETWEEN v.valid_from AND v.valid_to";
    for (String region : java.util.Arrays.asList(null, province)) {
      String where = region == null ? "" : " AND (r.city_code = '" + region + "' OR r.province_code = '" + region
          + "' OR r.macro_region = '" + region + "')";
      List<String> atRiskBefore = rows("SELECT f.subscriber_id, v.msisdn, f.city_code, f.value_score, f.warning_score"
          + " FROM fact_subscriber_month f LEFT JOIN dim_region r ON r.city_code = f.city_code " + version
          + " WHERE f.month_key = " + month + " AND f.at_risk = 1" + where
          + " ORDER BY f.warning_score * f.value_score DESC, f.subscriber_id LIMIT 10000");
      List<String> atRiskNow = churnLists.atRisk(new ChurnListQuery(month, region, 10_000), Language.EN).stream()
          .map(a -> String.join("|", a.subscriberId(), a.msisdn(), a.city().key(), String.valueOf(a.valueScore()),
              String.valueOf(a.warningScore()))).toList();
      assertThat(atRiskNow).isNotEmpty().isEqualTo(atRiskBefore.stream().map(MonthlyRevenueReportTest::masked).toList());
      List<String> churnedBefore = rows("WITH history AS (SELECT subscriber_id, month_key,"
          + "   avg(revenue) OVER (PARTITION BY subscriber_id ORDER BY month_key ROWS BETWEEN 3 PRECEDING AND 1 PRECEDING) AS arpu_before,"
          + "   lag(value_segment) OVER (PARTITION BY subscriber_id ORDER BY month_key) AS segment_before"
          + " FROM fact_subscriber_month WHERE month_key <= " + month + " AND subscriber_id IN"
          + "   (SELECT subscriber_id FROM fact_subscriber_month WHERE month_key = " + month + " AND is_churned = 1))"
          + " SELECT f.subscriber_id, v.msisdn, CAST(v.status_date AS VARCHAR), h.arpu_before, h.segment_before"
          + " FROM fact_subscriber_month f JOIN history h ON h.subscriber_id = f.subscriber_id AND h.month_key = f.month_key"
          + " LEFT JOIN dim_region r ON r.city_code = f.city_code " + version
          + " WHERE f.month_key = " + month + " AND f.is_churned = 1" + where
          + " ORDER BY h.arpu_before DESC NULLS LAST, f.subscriber_id LIMIT 10000");
      List<String> churnedNow = churnLists.churned(new ChurnListQuery(month, region, 10_000), Language.EN).stream()
          .map(c -> String.join("|", c.subscriberId(), c.msisdn(), c.churnDate(), String.valueOf(c.arpuBefore()),
              c.segmentBefore() == null ? "null" : c.segmentBefore().key())).toList();
      assertThat(churnedNow).isNotEmpty().isEqualTo(churnedBefore.stream().map(MonthlyRevenueReportTest::masked).toList());
    }
  }

  /** Rows as text joined by |, numbers as doubles, as the lists hold them. */
  private List<String> rows(String sql) throws java.sql.SQLException {
    List<String> out = new ArrayList<>();
    try (java.sql.Connection c = warehouse.backend().dataSource().getConnection();
         java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          Object v = rs.getObject(i);
          values.add(v instanceof Number n ? String.valueOf(n.doubleValue()) : String.valueOf(v));
        }
        out.add(String.join("|", values));
      }
    }
    return out;
  }

  /** The second field (the msisdn) masked as the lists show it. */
  private static String masked(String row) {
    String[] f = row.split("\\|", -1);
    String m = f[1];
    f[1] = m.equals("null") || m.isBlank() ? "null" : m.length() < 8 ? "****"
        : m.substring(0, 3) + "****" + m.substring(m.length() - 4);
    return String.join("|", f);
  }
}
