package org.telecube.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telecube.druid.testcluster.DruidTestCluster;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.LoadListener;
import org.telecube.reports.definition.ReportCatalog;
import org.telecube.reports.jasper.JasperReportRenderer;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.QueryEngine;

/**
 * The monthly reports from Apache Druid: a real test cluster loaded by the ETL with the same
 * generated feeds as an embedded DuckDB warehouse; every report's data (KPIs, breakdowns, trends,
 * the churn early-warning tables and the at-risk list) for the whole country and for a province is
 * the same on both, and the PDF renders from Druid.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DruidReportsTest {
  private static final YearMonth MONTH = YearMonth.of(2025, 12);
  private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d{7,}(E-?\\d+)?");

  @TempDir
  static Path dir;

  private Warehouse reference;
  private Warehouse druid;
  private ReportService onReference;
  private ReportService onDruid;

  @BeforeAll
  void generateAndLoadBoth() throws Exception {
    Path feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 1_000, 13, MONTH, 5L, false), (m, i, n) -> { });
    List<Path> files;
    try (Stream<Path> list = Files.list(feeds)) {
      files = list.sorted().toList();
    }
    reference = Warehouse.openEmbedded(dir.resolve("reference"));
    EtlLoader.load(reference, files, Optional.empty(), LoadListener.NONE);
    DruidTestCluster cluster = DruidTestCluster.shared();
    druid = Warehouse.open(new BackendSettings("druid", dir.resolve("druid"), cluster.brokerUrl().toString(), "", "", 0,
        Map.of("druid.overlord-url", cluster.overlordUrl().toString(),
            "druid.ingest-dir", cluster.ingestionDirectory().resolve("reports").toString())));
    EtlLoader.load(druid, files, Optional.empty(), LoadListener.NONE);
    onReference = service(reference);
    onDruid = service(druid);
  }

  private static ReportService service(Warehouse warehouse) {
    QueryEngine engine = new QueryEngine(warehouse.backend(), warehouse.model());
    return new ReportService(engine, new JasperReportRenderer(),
        Clock.fixed(Instant.parse("2026-01-05T01:30:00Z"), ZoneOffset.UTC), new ChurnLists(engine));
  }

  @AfterAll
  void close() {
    if (druid != null) {
      druid.close();
    }
    if (reference != null) {
      reference.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {ReportCatalog.MONTHLY_REVENUE, ReportCatalog.MONTHLY_CHURN})
  void everyFigureOfTheReportIsTheEmbeddedWarehousesFigure(String report) {
    for (String scope : List.of("", "440000")) {
      for (Language language : List.of(Language.ZH_CN, Language.EN)) {
        String expected = comparable(onReference.data(report, MONTH, scope, language).toString());
        assertThat(comparable(onDruid.data(report, MONTH, scope, language).toString()))
            .as("%s for scope '%s' in %s", report, scope, language).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {ReportCatalog.MONTHLY_REVENUE, ReportCatalog.MONTHLY_CHURN})
  void thePdfRendersFromDruidWithItsChineseLabels(String report) throws Exception {
    byte[] pdf = onDruid.render(report, MONTH, "", Language.ZH_CN, ReportFormat.PDF);
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isGreaterThan(0);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains(ReportCatalog.MONTHLY_REVENUE.equals(report) ? "月度收入报告" : "月度流失分析报告");
    }
  }

  /** The data's text with doubles to 9 significant digits: engines may differ in a ratio's last bits, not more. */
  private static String comparable(String text) {
    Matcher m = DECIMAL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, new BigDecimal(m.group()).round(new MathContext(9)).stripTrailingZeros().toPlainString());
    }
    m.appendTail(out);
    return out.toString();
  }
}
