package org.telecube.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
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
import org.telecube.reports.data.BreakdownRow;
import org.telecube.reports.data.MonthlyChurnData;
import org.telecube.reports.data.MonthlyRevenueData;
import org.telecube.reports.definition.ReportCatalog;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.Scope;

/**
 * A report service scoped to Guangdong (a viewer bound to P440000): its documents hold Guangdong's
 * numbers under Guangdong's name, its default is Guangdong (never 全国), a region containing
 * Guangdong or beside it is refused as out of scope, and it renders with the parent's compiled
 * templates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedReportServiceTest {
  private static final YearMonth MONTH = YearMonth.of(2025, 12);
  private static final String REVENUE = ReportCatalog.MONTHLY_REVENUE;
  private static final String CHURN = ReportCatalog.MONTHLY_CHURN;
  private static final String GD = "440000";
  private static final Scope GD_SCOPE = Scope.of("region.province", GD);

  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine engine;
  private ReportService reports;
  private ReportService guangdong;
  private Set<String> gdCities;

  @BeforeAll
  void generateAndLoad() throws Exception {
    Path feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 800, 6, MONTH, 7L, false), (m, i, n) -> { });
    warehouse = Warehouse.openEmbedded(dir.resolve("data"));
    try (Stream<Path> files = Files.list(feeds)) {
      EtlLoader.load(warehouse, files.sorted().toList(), Optional.empty(), LoadListener.NONE);
    }
    engine = new QueryEngine(warehouse.backend(), warehouse.model());
    // the sample must hold other provinces, or "only Guangdong" would prove nothing
    List<String> provinces = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))
        .withFilters(List.of(LevelFilter.members("time.month", MONTH.toString())))).cells().stream()
        .map(c -> (String) c.get("region.province")).toList();
    assertThat(provinces).contains(GD).hasSizeGreaterThanOrEqualTo(3);
    gdCities = engine.members("revenue", "region.city", GD, "en").members().stream().map(MemberRef::key)
        .collect(Collectors.toSet());
    reports = new ReportService(engine, new org.telecube.reports.jasper.JasperReportRenderer(),
        Clock.fixed(Instant.parse("2026-01-05T01:30:00Z"), ZoneOffset.UTC), new ChurnLists(engine));
    guangdong = reports.scoped(GD_SCOPE);
  }

  @AfterAll
  void close() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @Test
  void theRevenueReportHoldsGuangdongsCitiesAndGuangdongsRevenue() throws IOException {
    MonthlyRevenueData data = (MonthlyRevenueData) guangdong.data(REVENUE, MONTH, GD, Language.ZH_CN);
    assertThat(data.scope().key()).isEqualTo(GD);
    assertThat(data.scope().caption()).isEqualTo("广东省");
    assertThat(data.regions()).isNotEmpty().extracting(BreakdownRow::key).allMatch(gdCities::contains);
    Object revenue = engine.execute(CubeQuery.of("revenue", List.of("revenue"), List.of())
        .withFilters(List.of(LevelFilter.members("time.month", MONTH.toString()),
            LevelFilter.members("region.province", GD)))).cells().get(0).get("revenue");
    assertThat(data.kpis().revenue()).isEqualByComparingTo(new BigDecimal(revenue.toString()));
    // the same data as the unscoped service's Guangdong report
    assertThat(data.kpis()).isEqualTo(((MonthlyRevenueData) reports.data(REVENUE, MONTH, GD, Language.ZH_CN)).kpis());

    String text = text(guangdong.render(REVENUE, MONTH, GD, Language.ZH_CN, ReportFormat.PDF));
    assertThat(text).contains("广东省").doesNotContain("全国");
    for (MemberRef p : engine.members("revenue", "region.province", null, "zh-CN").members()) {
      if (!p.key().equals(GD)) {
        assertThat(text).as("another province's name").doesNotContain(p.caption());
      }
    }
  }

  @Test
  void aBlankScopeIsTheViewersOwn() {
    MonthlyRevenueData blank = (MonthlyRevenueData) guangdong.data(REVENUE, MONTH, null, Language.ZH_CN);
    assertThat(blank.scope().key()).isEqualTo(GD);
    assertThat(blank.scope().caption()).isEqualTo("广东省");
    assertThat(blank.scope().childLevel()).isEqualTo("region.city");
    assertThat(blank.kpis()).isEqualTo(((MonthlyRevenueData) guangdong.data(REVENUE, MONTH, GD, Language.ZH_CN)).kpis());
    assertThat(((MonthlyRevenueData) guangdong.data(REVENUE, MONTH, " ", Language.EN)).scope().caption())
        .isEqualTo("Guangdong");
    assertThat(guangdong.checkScope(REVENUE, "", Language.ZH_CN).key()).isEqualTo(GD);
    // the unscoped service's blank scope stays the country
    assertThat(reports.checkScope(REVENUE, null, Language.ZH_CN).isCountry()).isTrue();
  }

  @Test
  void aCityInsideTheScopeIsAllowed() {
    String city = gdCities.stream().sorted().findFirst().orElseThrow();
    assertThat(guangdong.checkScope(REVENUE, city, Language.ZH_CN).key()).isEqualTo(city);
  }

  @Test
  void aRegionAboveOrBesideTheScopeIsOutOfScope() {
    // south contains Guangdong: the scoped engine would answer it with Guangdong's numbers under 华南's name
    for (String scope : List.of("south", "north", "110000", "110100")) {
      assertThatThrownBy(() -> guangdong.data(REVENUE, MONTH, scope, Language.ZH_CN))
          .as(scope).isInstanceOfSatisfying(ReportException.class, e -> {
            assertThat(e.kind()).isEqualTo(ReportException.Kind.FORBIDDEN);
            assertThat(e.code()).isEqualTo("out_of_scope");
            assertThat(e.field()).isEqualTo("scope");
            assertThat(e.args()).containsExactly(scope, "广东省");
          });
      // a schedule is checked by the same rule
      assertThatThrownBy(() -> guangdong.checkScope(CHURN, scope, Language.EN)).as(scope)
          .isInstanceOfSatisfying(ReportException.class, e -> {
            assertThat(e.code()).isEqualTo("out_of_scope");
            assertThat(e.args()).containsExactly(scope, "Guangdong");
          });
    }
    // a key that is no region at all is still unknown
    assertThatThrownBy(() -> guangdong.checkScope(REVENUE, "990000", Language.ZH_CN))
        .isInstanceOfSatisfying(ReportException.class, e -> {
          assertThat(e.kind()).isEqualTo(ReportException.Kind.NOT_FOUND);
          assertThat(e.code()).isEqualTo("unknown_scope");
        });
    // unscoped, the same keys are reports of their own
    assertThat(reports.checkScope(REVENUE, "south", Language.ZH_CN).level()).isEqualTo("region.macro_region");
  }

  @Test
  void theChurnReportsAtRiskListIsGuangdongsToo() {
    MonthlyChurnData churn = (MonthlyChurnData) guangdong.data(CHURN, MONTH, null, Language.EN);
    assertThat(churn.scope().key()).isEqualTo(GD);
    assertThat(churn.topAtRisk()).as("Guangdong's at-risk subscribers").isNotEmpty()
        .allSatisfy(a -> assertThat(gdCities).contains(a.city().key()));
    MonthlyChurnData unscoped = (MonthlyChurnData) reports.data(CHURN, MONTH, GD, Language.EN);
    assertThat(churn.topAtRisk()).isEqualTo(unscoped.topAtRisk());
    assertThat(churn.kpis()).isEqualTo(unscoped.kpis());
  }

  @Test
  void scopedServicesShareTheCompiledTemplatesAndAreMadeOncePerScope() {
    assertThat(guangdong.renderer()).isSameAs(reports.renderer());
    assertThat(reports.scoped(Scope.of("region.province", GD))).isSameAs(guangdong);
    assertThat(guangdong.scope()).isEqualTo(GD_SCOPE);
    assertThat(reports.scoped(Scope.all())).isSameAs(reports);
    ReportService beijing = reports.scoped(Scope.of("region.province", "110000"));
    assertThat(beijing).isNotSameAs(guangdong);
    assertThat(beijing.renderer()).isSameAs(reports.renderer());
    assertThat(guangdong.scoped(beijing.scope())).isSameAs(beijing);
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
