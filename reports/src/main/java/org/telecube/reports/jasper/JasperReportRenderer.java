package org.telecube.reports.jasper;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.HtmlExporter;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleHtmlExporterOutput;
import net.sf.jasperreports.export.SimpleHtmlReportConfiguration;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import org.telecube.reports.ReportFormat;
import org.telecube.reports.ReportRenderer;
import org.telecube.reports.data.BreakdownRow;
import org.telecube.reports.data.ChurnKpis;
import org.telecube.reports.data.ChurnRow;
import org.telecube.reports.data.ChurnTrendPoint;
import org.telecube.reports.data.MonthlyChurnData;
import org.telecube.reports.data.Kpis;
import org.telecube.reports.data.MonthlyRevenueData;
import org.telecube.reports.data.MonthlyRevenueDataBuilder;
import org.telecube.reports.data.ReportData;
import org.telecube.reports.data.ReportMessages;
import org.telecube.reports.data.ProfileTable;
import org.telecube.reports.data.ReportNumbers;
import org.telecube.reports.data.SegmentMatrix;
import org.telecube.reports.data.SignalRow;
import org.telecube.reports.data.Scope;
import org.telecube.reports.data.TrendPoint;
import org.telecube.reports.definition.ReportCatalog;
import org.telecube.reports.xlsx.ReportWorkbook;
import org.telecube.warehouse.churn.AtRiskSubscriber;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.MemberRef;

/**
 * Renders reports with JasperReports: fills the cached compiled template with the report's data
 * (parameters and row lists; one empty record drives the detail bands) and exports PDF with the
 * embedded Noto Sans SC of the font extension, or one self-contained HTML page. XLSX is not a
 * page export: {@link ReportWorkbook} writes the same data as plain tables.
 */
public final class JasperReportRenderer implements ReportRenderer {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TREND_MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  private final JasperTemplates templates;

  public JasperReportRenderer() {
    this(new JasperTemplates());
  }

  public JasperReportRenderer(JasperTemplates templates) {
    this.templates = templates;
  }

  @Override
  public void warmUp() {
    templates.get("monthly-revenue");
    templates.get("revenue-breakdown");
    templates.get("revenue-growth");
    templates.get("monthly-churn");
    templates.get("metric-table");
    templates.get("compact-table");
    templates.get("at-risk-list");
  }

  @Override
  public byte[] render(ReportData data, ReportFormat format) {
    if (format == ReportFormat.XLSX) { // a page layout never makes a clean spreadsheet: the data as tables
      return ReportWorkbook.write(data);
    }
    JasperPrint print;
    if (data instanceof MonthlyRevenueData revenue) {
      print = fill("monthly-revenue", monthlyRevenue(revenue));
    } else if (data instanceof MonthlyChurnData churn) {
      print = fill("monthly-churn", monthlyChurn(churn));
    } else {
      throw new IllegalArgumentException("no Jasper template for report " + data.reportId());
    }
    String title = ReportMessages.of(data.language()).get(
        ReportCatalog.MONTHLY_CHURN.equals(data.reportId()) ? "churn.title" : "report.title");
    return switch (format) {
      case PDF -> pdf(print, title);
      case HTML -> html(print);
      case XLSX -> throw new IllegalStateException("written above");
    };
  }

  private Map<String, Object> monthlyChurn(MonthlyChurnData d) {
    ReportMessages messages = ReportMessages.of(d.language());
    Map<String, Object> p = common(messages, d.language(), d.month(), d.asOf(), d.generatedAt(), d.scope());
    p.put("P_SUBREPORT_TABLE", templates.get("metric-table"));
    ChurnKpis k = d.kpis();
    Map<String, String> kpi = new HashMap<>();
    kpi.put("active", ReportNumbers.count(k.activeEnd()));
    kpi.put("active.sub", messages.format("kpi.vs.mom", k.activeEndMonthOnMonth().text(messages)));
    kpi.put("active.tone", k.activeEndMonthOnMonth().tone().key());
    kpi.put("new", ReportNumbers.count(k.newSubscribers()));
    kpi.put("new.sub", "");
    kpi.put("churned", ReportNumbers.count(k.churned()));
    kpi.put("churned.sub", messages.format("kpi.vs.mom", k.churnedMonthOnMonth().text(messages)));
    kpi.put("churned.tone", k.churnedMonthOnMonth().tone().key());
    kpi.put("rate", ReportNumbers.share(k.churnRate()));
    kpi.put("rate.sub", messages.format("churn.kpi.vs.last", ReportNumbers.share(k.churnRatePreviousMonth()))
        + " · " + k.churnRateMonthOnMonth().text(messages));
    kpi.put("rate.tone", k.churnRateMonthOnMonth().tone().key());
    kpi.put("net", ReportNumbers.count(k.netAdds()));
    kpi.put("net.sub", "");
    kpi.put("atrisk", ReportNumbers.count(k.atRisk()));
    kpi.put("atrisk.sub", messages.format("churn.kpi.share", ReportNumbers.share(k.atRiskShare())));
    p.put("P_KPI", kpi);
    List<Map<String, ?>> trend = new ArrayList<>();
    for (ChurnTrendPoint t : d.trend()) {
      trend.add(Map.of("label", TREND_MONTH.format(t.month()),
          "value", t.churnRate() == null ? 0.0 : t.churnRate() * 100.0));
    }
    p.put("P_TREND", trend);
    p.put("P_REGIONS", churnRows(d.regions(), false));
    p.put("P_REASONS", churnRows(d.reasons(), true));
    p.put("P_SEGMENTS", churnRows(d.segments(), false));
    p.put("P_SUBREPORT_COMPACT", templates.get("compact-table"));
    p.put("P_SUBREPORT_ATRISK", templates.get("at-risk-list"));
    List<String> titles = new ArrayList<>();
    List<List<Map<String, ?>>> profileRows = new ArrayList<>();
    for (ProfileTable t : d.profiles()) {
      titles.add(t.title());
      List<Map<String, ?>> rows = new ArrayList<>();
      for (ChurnRow r : t.rows()) {
        rows.add(row("name", r.caption() != null ? r.caption() : r.key() != null ? r.key() : messages.get("churn.unrecorded"), "c1", ReportNumbers.count(r.activeEnd()),
            "c2", ReportNumbers.count(r.churned()), "c3", ReportNumbers.share(r.churnRate())));
      }
      profileRows.add(rows);
    }
    p.put("P_PROFILE_TITLES", titles);
    p.put("P_PROFILE_ROWS", profileRows);
    SegmentMatrix moves = d.movements();
    List<String> moveColumns = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      moveColumns.add(i < moves.columns().size() ? moves.columns().get(i).caption() : "");
    }
    p.put("P_MOVE_COLUMNS", moveColumns);
    List<Map<String, ?>> moveRows = new ArrayList<>();
    for (SegmentMatrix.Row r : moves.rows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.caption());
      for (int i = 0; i < 4; i++) {
        m.put("c" + (i + 1), i < r.counts().size() ? ReportNumbers.count(r.counts().get(i)) : "");
      }
      moveRows.add(m);
    }
    p.put("P_MOVES", moveRows);
    List<Map<String, ?>> signals = new ArrayList<>();
    signals.add(row("name", messages.get("churn.warning.total"), "c1", ReportNumbers.count(k.atRisk()),
        "c2", ReportNumbers.share(k.atRiskShare()), "c3", "", "c4", ""));
    for (SignalRow r : d.signals()) {
      signals.add(row("name", r.caption(), "c1", ReportNumbers.count(r.subscribers()),
          "c2", ReportNumbers.share(r.shareOfActive()), "c3", "", "c4", ""));
    }
    p.put("P_SIGNALS", signals);
    List<Map<String, ?>> top = new ArrayList<>();
    for (AtRiskSubscriber a : d.topAtRisk()) {
      Map<String, Object> m = new HashMap<>();
      m.put("rank", Integer.toString(a.rank()));
      m.put("msisdn", a.msisdn() == null ? ReportNumbers.MISSING : a.msisdn());
      m.put("city", caption(a.city()));
      m.put("segment", caption(a.segment()));
      m.put("tier", caption(a.valueTier()));
      m.put("arpu", ReportNumbers.yuanCents(a.arpu()));
      m.put("tenure", messages.format("churn.top.tenure.value", a.tenureMonths()));
      m.put("signals", a.signals().stream().map(JasperReportRenderer::caption)
          .collect(java.util.stream.Collectors.joining(d.language() == Language.ZH_CN ? "、" : ", ")));
      m.put("action", caption(a.action()));
      top.add(m);
    }
    p.put("P_TOP", top);
    return p;
  }

  /** A row for a table subreport; unlike Map.of, a null value is allowed (and prints empty). */
  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static String caption(MemberRef m) {
    return m == null ? ReportNumbers.MISSING : m.caption() != null ? m.caption() : m.key();
  }

  private static List<Map<String, ?>> churnRows(List<ChurnRow> rows, boolean reasons) {
    List<Map<String, ?>> out = new ArrayList<>();
    for (ChurnRow r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", r.caption());
      if (reasons) {
        m.put("c1", ReportNumbers.count(r.churned()));
        m.put("c2", ReportNumbers.share(r.churnedShare()));
        m.put("c3", "");
        m.put("c4", "");
      } else {
        m.put("c1", ReportNumbers.count(r.activeEnd()));
        m.put("c2", ReportNumbers.count(r.churned()));
        m.put("c3", ReportNumbers.share(r.churnRate()));
        m.put("c4", ReportNumbers.share(r.atRiskShare()));
      }
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> common(ReportMessages messages, Language language, YearMonth month,
                                            LocalDate asOf, ZonedDateTime generatedAt, Scope scope) {
    Map<String, Object> p = new HashMap<>();
    p.put(JRParameter.REPORT_LOCALE, language.locale());
    p.put(JRParameter.REPORT_TIME_ZONE, TimeZone.getTimeZone(MonthlyRevenueDataBuilder.OPERATOR_ZONE));
    p.put(JRParameter.REPORT_RESOURCE_BUNDLE, messages.bundle());
    String monthText = messages.month(month);
    p.put("P_SUBTITLE", messages.format("report.subtitle", scope.caption(), monthText));
    p.put("P_SCOPE", scope.caption());
    p.put("P_MONTH_TEXT", monthText);
    p.put("P_ASOF", DATE.format(asOf));
    p.put("P_GENERATED", DATE_TIME.format(generatedAt) + " " + zoneLabel(generatedAt.getZone()));
    p.put("P_CHILD_LEVEL", scope.childLevelCaption());
    return p;
  }

  private Map<String, Object> monthlyRevenue(MonthlyRevenueData d) {
    ReportMessages messages = ReportMessages.of(d.language());
    Map<String, Object> p = common(messages, d.language(), d.month(), d.asOf(), d.generatedAt(), d.scope());
    p.put("P_SUBREPORT_BREAKDOWN", templates.get("revenue-breakdown"));
    p.put("P_SUBREPORT_GROWTH", templates.get("revenue-growth"));
    Kpis k = d.kpis();
    p.put("P_REVENUE", k.revenue());
    p.put("P_REVENUE_MOM", k.revenueMonthOnMonth().text(messages));
    p.put("P_REVENUE_YOY", k.revenueYearOnYear().text(messages));
    p.put("P_BIG_CHANGE_TONE", k.revenueMonthOnMonth().tone().key());
    p.put("P_BIG_CHANGE2_TONE", k.revenueYearOnYear().tone().key());
    p.put("P_ARPU", k.arpu());
    p.put("P_ARPU_MOM", k.arpuMonthOnMonth().text(messages));
    p.put("P_ARPU_YOY", k.arpuYearOnYear().text(messages));
    p.put("P_BILLED", k.billedSubscribers());
    p.put("P_BILLED_MOM", k.billedSubscribersMonthOnMonth().text(messages));
    p.put("P_ARREARS", k.arrears());
    p.put("P_ARREARS_MOM", k.arrearsMonthOnMonth().text(messages));
    double trendDivisor = chartDivisor(d.trend().stream().map(TrendPoint::revenue).toList(), messages);
    p.put("P_TREND_UNIT", chartUnit(trendDivisor, messages));
    List<Map<String, ?>> trend = new ArrayList<>();
    for (TrendPoint t : d.trend()) {
      trend.add(Map.of("label", TREND_MONTH.format(t.month()), "value", scaled(t.revenue(), trendDivisor)));
    }
    p.put("P_TREND", trend);
    double regionDivisor = chartDivisor(d.regions().stream().map(BreakdownRow::revenue).toList(), messages);
    p.put("P_REGION_UNIT", chartUnit(regionDivisor, messages));
    List<Map<String, ?>> bars = new ArrayList<>();
    for (BreakdownRow r : d.regions()) {
      bars.add(Map.of("name", r.caption(), "value", scaled(r.revenue(), regionDivisor)));
    }
    p.put("P_REGION_BARS", bars);
    p.put("P_REGIONS", rows(messages, d.regions()));
    p.put("P_BUSINESS", rows(messages, d.businessLines()));
    p.put("P_CHARGES", rows(messages, d.chargeItems()));
    p.put("P_SEGMENTS", rows(messages, d.valueSegments()));
    p.put("P_TOP", rows(messages, d.fastestGrowing()));
    p.put("P_BOTTOM", rows(messages, d.slowestGrowing()));
    return p;
  }

  /**
   * Charts print amounts in the large unit (万元 / ¥ thousand) once the largest is at least 100,000
   * yuan, so axes and labels stay short; below that in yuan, so small scopes do not show 0.1.
   */
  private static double chartDivisor(List<BigDecimal> values, ReportMessages messages) {
    double max = values.stream().filter(v -> v != null).mapToDouble(v -> Math.abs(v.doubleValue())).max().orElse(0);
    return max >= 100_000 ? Double.parseDouble(messages.get("chart.unit.large.divisor")) : 1.0;
  }

  private static String chartUnit(double divisor, ReportMessages messages) {
    return messages.get(divisor == 1.0 ? "chart.unit.small" : "chart.unit.large");
  }

  private static String zoneLabel(ZoneId zone) {
    return "Asia/Shanghai".equals(zone.getId()) ? "(UTC+8)" : "(" + zone.getId() + ")";
  }

  private static Double scaled(BigDecimal value, double divisor) {
    return value == null ? 0.0 : value.doubleValue() / divisor;
  }

  /** Table rows; a change as printed ({@code mom}) and whether it is good or bad news ({@code momTone}). */
  private static List<Map<String, ?>> rows(ReportMessages messages, List<BreakdownRow> rows) {
    List<Map<String, ?>> out = new ArrayList<>();
    for (BreakdownRow r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", r.key());
      m.put("name", r.caption());
      m.put("revenue", r.revenue());
      m.put("share", r.share());
      m.put("mom", r.monthOnMonth().text(messages));
      m.put("momTone", r.monthOnMonth().tone().key());
      m.put("yoy", r.yearOnYear().text(messages));
      m.put("yoyTone", r.yearOnYear().tone().key());
      out.add(m);
    }
    return out;
  }

  private JasperPrint fill(String template, Map<String, Object> parameters) {
    try {
      return JasperFillManager.fillReport(templates.get(template), parameters, new JREmptyDataSource(1));
    } catch (JRException e) {
      throw new IllegalStateException("cannot fill report " + template + ": " + e.getMessage(), e);
    }
  }

  private static byte[] html(JasperPrint print) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HtmlExporter exporter = new HtmlExporter();
    exporter.setExporterInput(new SimpleExporterInput(print));
    exporter.setExporterOutput(new SimpleHtmlExporterOutput(out, StandardCharsets.UTF_8.name()));
    SimpleHtmlReportConfiguration config = new SimpleHtmlReportConfiguration();
    config.setEmbedImage(true);
    config.setConvertSvgToImage(true);
    config.setWhitePageBackground(true);
    exporter.setConfiguration(config);
    try {
      exporter.exportReport();
    } catch (JRException e) {
      throw new IllegalStateException("cannot export the report as HTML: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static byte[] pdf(JasperPrint print, String title) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JRPdfExporter exporter = new JRPdfExporter();
    exporter.setExporterInput(new SimpleExporterInput(print));
    exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
    SimplePdfReportConfiguration report = new SimplePdfReportConfiguration();
    exporter.setConfiguration(report);
    SimplePdfExporterConfiguration config = new SimplePdfExporterConfiguration();
    config.setMetadataTitle(title);
    config.setMetadataAuthor("TeleCube");
    config.setMetadataCreator("TeleCube reports (JasperReports)");
    config.setDisplayMetadataTitle(true);
    exporter.setConfiguration(config);
    try {
      exporter.exportReport();
    } catch (JRException e) {
      throw new IllegalStateException("cannot export the report as PDF: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }
}
