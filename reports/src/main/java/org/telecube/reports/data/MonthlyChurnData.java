package org.telecube.reports.data;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;
import org.telecube.reports.definition.ReportCatalog;
import org.telecube.warehouse.model.Language;

/**
 * Everything the monthly churn report (月度流失分析报告) prints, straight from the
 * {@code subscribers} cube.
 *
 * @param regions by the level below the scope, highest churn rate first (empty for a city)
 * @param reasons churned subscribers by churn reason, most first
 * @param segments by value segment, in the segments' order
 * @param trend churn rate over the 13 months ending with the report month, oldest first
 */
public record MonthlyChurnData(Language language, YearMonth month, LocalDate asOf, ZonedDateTime generatedAt,
                               Scope scope, ChurnKpis kpis, List<ChurnRow> regions, List<ChurnRow> reasons,
                               List<ChurnRow> segments, List<ChurnTrendPoint> trend) implements ReportData {
  public MonthlyChurnData {
    regions = List.copyOf(regions);
    reasons = List.copyOf(reasons);
    segments = List.copyOf(segments);
    trend = List.copyOf(trend);
  }

  @Override
  public String reportId() {
    return ReportCatalog.MONTHLY_CHURN;
  }
}
