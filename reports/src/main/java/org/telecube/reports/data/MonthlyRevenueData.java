package org.telecube.reports.data;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import org.telecube.reports.definition.ReportCatalog;
import org.telecube.warehouse.model.Language;

/**
 * Everything the monthly revenue report (月度收入报告) prints, straight from cube queries.
 *
 * @param asOf the date the figures are as of (the month's last day)
 * @param regions revenue by the level below the scope, largest first (empty for a city)
 * @param fastestGrowing children with the highest MoM change, highest first
 * @param slowestGrowing children with the lowest MoM change, lowest first
 * @param trend the scope's revenue over the 13 months ending with the report month, oldest first
 */
public record MonthlyRevenueData(Language language, YearMonth month, LocalDate asOf, ZonedDateTime generatedAt,
                                 Scope scope, Kpis kpis, List<BreakdownRow> regions,
                                 List<BreakdownRow> businessLines, List<BreakdownRow> chargeItems,
                                 List<BreakdownRow> valueSegments, List<BreakdownRow> fastestGrowing,
                                 List<BreakdownRow> slowestGrowing, List<TrendPoint> trend) implements ReportData {
  public MonthlyRevenueData {
    regions = List.copyOf(regions);
    businessLines = List.copyOf(businessLines);
    chargeItems = List.copyOf(chargeItems);
    valueSegments = List.copyOf(valueSegments);
    fastestGrowing = List.copyOf(fastestGrowing);
    slowestGrowing = List.copyOf(slowestGrowing);
    trend = List.copyOf(trend);
  }

  @Override
  public String reportId() {
    return ReportCatalog.MONTHLY_REVENUE;
  }

  private static String text(ReportMessages m, ChangeReading change) {
    return change.text(m);
  }

  @Override
  public ReportSummary summary() {
    ReportMessages m = ReportMessages.of(language);
    return new ReportSummary(m.get("report.title"), scope.caption(), m.month(month), asOf,
        List.of(
            new ReportSummary.Figure(m.get("kpi.revenue"), ReportNumbers.yuan(kpis.revenue()),
                m.format("kpi.vs.both", text(m, kpis.revenueMonthOnMonth()),
                    text(m, kpis.revenueYearOnYear()))),
            new ReportSummary.Figure(m.get("kpi.arpu"), ReportNumbers.yuanCents(kpis.arpu()),
                m.format("kpi.vs.both", text(m, kpis.arpuMonthOnMonth()),
                    text(m, kpis.arpuYearOnYear()))),
            new ReportSummary.Figure(m.get("kpi.billed"), ReportNumbers.count(kpis.billedSubscribers()),
                m.format("kpi.vs.mom", text(m, kpis.billedSubscribersMonthOnMonth()))),
            new ReportSummary.Figure(m.get("kpi.arrears"), ReportNumbers.yuan(kpis.arrears()),
                m.format("kpi.vs.mom", text(m, kpis.arrearsMonthOnMonth())))));
  }
}
