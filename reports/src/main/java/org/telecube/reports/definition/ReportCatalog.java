package org.telecube.reports.definition;

import java.util.List;
import java.util.Optional;
import org.telecube.reports.ReportFormat;
import org.telecube.warehouse.model.Caption;

/** The reports TeleCube renders. */
public final class ReportCatalog {
  public static final String MONTHLY_REVENUE = "monthly-revenue";
  public static final String MONTHLY_CHURN = "monthly-churn";

  private static final ReportParameter MONTH = new ReportParameter("month", "year_month", true, null,
      Caption.of("报告月份(YYYY-MM)", "Month (YYYY-MM)"));
  private static final ReportParameter SCOPE = new ReportParameter("scope", "region", false, "",
      Caption.of("范围:片区、省份或城市编码,留空为全国", "Scope: a macro-region, province or city key; empty for the country"));
  private static final ReportParameter LOCALE = new ReportParameter("locale", "locale", false, "zh-CN",
      Caption.of("语言(zh-CN 或 en)", "Language (zh-CN or en)"));
  private static final ReportParameter FORMAT = new ReportParameter("format", "format", false, "pdf",
      Caption.of("输出格式", "Output format"));

  private static final List<ReportDefinition> REPORTS = List.of(
      new ReportDefinition(MONTHLY_REVENUE, Caption.of("月度收入报告", "Monthly revenue report"),
          Caption.of("一个月份、一个范围的收入:核心指标(收入、环比、同比、ARPU、出账用户、欠费),"
                  + "按下级地区、业务线、费用项目和客户价值分群的收入,13个月趋势,增长最快和最慢的下级地区。",
              "Revenue of one month and scope: headline KPIs (revenue, MoM, YoY, ARPU, billed subscribers, "
                  + "arrears), revenue by next-level region, business line, charge item and value segment, "
                  + "a 13-month trend, and the fastest- and slowest-growing regions below the scope."),
          "revenue", List.of(MONTH, SCOPE, LOCALE, FORMAT), List.of(ReportFormat.values())),
      new ReportDefinition(MONTHLY_CHURN, Caption.of("月度流失分析报告", "Monthly churn report"),
          Caption.of("一个月份、一个范围的用户与流失:期末在网、新入网、离网、流失率、净增、流失预警用户,"
                  + "13个月流失率趋势,按下级地区、离网原因和客户价值分群的流失。",
              "Subscribers and churn of one month and scope: active, new, churned, churn rate, net adds, "
                  + "at-risk subscribers, a 13-month churn-rate trend, and churn by next-level region, churn "
                  + "reason and value segment."),
          "subscribers", List.of(MONTH, SCOPE, LOCALE, FORMAT), List.of(ReportFormat.values())));

  private ReportCatalog() {
  }

  public static List<ReportDefinition> all() {
    return REPORTS;
  }

  public static Optional<ReportDefinition> find(String id) {
    return REPORTS.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
