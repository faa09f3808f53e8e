package org.telecube.reports.data;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import org.telecube.reports.definition.ReportCatalog;
import org.telecube.warehouse.churn.AtRiskSubscriber;
import org.telecube.warehouse.model.Language;

/**
 * Everything the monthly churn report (月度流失分析报告) prints, straight from the
 * {@code subscribers} cube.
 *
 * @param regions by the level below the scope, highest churn rate first (empty for a city)
 * @param reasons churned subscribers by churn reason, most first
 * @param segments by value segment, in the segments' order
 * @param trend churn rate over the 13 months ending with the report month, oldest first
 * @param profiles churn by VIP level, tenure band, network type, age band and customer type
 * @param movements last month's value segment to this month's
 * @param signals subscribers by early-warning signal, in the model's order
 * @param topAtRisk the highest-ranked at-risk subscribers of the scope's top value tiers (empty without a
 *     churn list source)
 */
public record MonthlyChurnData(Language language, YearMonth month, LocalDate asOf, ZonedDateTime generatedAt,
                               Scope scope, ChurnKpis kpis, List<ChurnRow> regions, List<ChurnRow> reasons,
                               List<ChurnRow> segments, List<ChurnTrendPoint> trend,
                               List<ProfileTable> profiles, SegmentMatrix movements, List<SignalRow> signals,
                               List<AtRiskSubscriber> topAtRisk) implements ReportData {
  public MonthlyChurnData {
    regions = List.copyOf(regions);
    reasons = List.copyOf(reasons);
    segments = List.copyOf(segments);
    trend = List.copyOf(trend);
    profiles = List.copyOf(profiles);
    signals = List.copyOf(signals);
    topAtRisk = List.copyOf(topAtRisk);
  }

  @Override
  public ReportSummary summary() {
    ReportMessages m = ReportMessages.of(language);
    return new ReportSummary(m.get("churn.title"), scope.caption(), m.month(month), asOf,
        List.of(
            new ReportSummary.Figure(m.get("churn.kpi.churned"), ReportNumbers.count(kpis.churned()),
                m.format("kpi.vs.mom", kpis.churnedMonthOnMonth().text(m))),
            new ReportSummary.Figure(m.get("churn.kpi.rate"), ReportNumbers.share(kpis.churnRate()),
                m.format("churn.kpi.vs.last", ReportNumbers.share(kpis.churnRatePreviousMonth())) + " · "
                    + kpis.churnRateMonthOnMonth().text(m)),
            new ReportSummary.Figure(m.get("churn.kpi.new"), ReportNumbers.count(kpis.newSubscribers()), ""),
            new ReportSummary.Figure(m.get("churn.kpi.net"), ReportNumbers.count(kpis.netAdds()), ""),
            new ReportSummary.Figure(m.get("churn.kpi.active"), ReportNumbers.count(kpis.activeEnd()),
                m.format("kpi.vs.mom", kpis.activeEndMonthOnMonth().text(m))),
            new ReportSummary.Figure(m.get("churn.kpi.atrisk"), ReportNumbers.count(kpis.atRisk()),
                m.format("churn.kpi.share", ReportNumbers.share(kpis.atRiskShare())))));
  }

  @Override
  public String reportId() {
    return ReportCatalog.MONTHLY_CHURN;
  }
}
