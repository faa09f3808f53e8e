package org.telecube.reports.data;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.telecube.reports.ReportException;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.OrderKey;
import org.telecube.warehouse.query.QueryEngine;

/**
 * Builds the monthly churn report's data with cube queries on the {@code subscribers} cube
 * (active, new, churned, churn rate, at-risk), sliced by month and scope like the revenue report.
 */
public final class MonthlyChurnDataBuilder {
  static final String CUBE = "subscribers";
  private static final String MONTH = "time.month";
  private static final String MOM = "previous_period_change";
  private static final String PREVIOUS = "previous_period";
  private static final int TREND_MONTHS = 13;

  private final QueryEngine engine;
  private final Clock clock;

  public MonthlyChurnDataBuilder(QueryEngine engine, Clock clock) {
    this.engine = Objects.requireNonNull(engine);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * @throws ReportException NOT_FOUND for an unknown scope or a month without subscribers in it
   */
  public MonthlyChurnData build(YearMonth month, String scope, Language language) {
    ReportMessages messages = ReportMessages.of(language);
    Scope s = new Scopes(engine, CUBE).resolve(scope, language, messages);
    List<LevelFilter> filters = new ArrayList<>();
    filters.add(LevelFilter.members(MONTH, month.toString()));
    if (!s.isCountry()) {
      filters.add(LevelFilter.members(s.level(), s.key()));
    }
    CellSet headline = engine.execute(CubeQuery.of(CUBE, List.of("active_end", "new_subscribers", "churned",
            "churn_rate", "net_adds", "at_risk", "at_risk_share"), List.of(MONTH)).withFilters(filters)
        .withLocale(language.tag()).withTimeIntelligence(List.of(MOM, PREVIOUS)));
    if (headline.cells().isEmpty() || headline.cells().get(0).get("active_end") == null) {
      List<MemberRef> months = engine.members(CUBE, MONTH, null, Language.EN.tag()).members();
      String loaded = months.isEmpty() ? "the warehouse holds no subscribers yet"
          : "the warehouse holds " + months.get(0).key() + " to " + months.get(months.size() - 1).key();
      throw ReportException.notFound("month", "no_data", "no subscriber data for " + month
          + (s.isCountry() ? "" : " in " + s.level() + " " + s.key()) + " (" + loaded + ")");
    }
    Map<String, Object> k = headline.cells().get(0);
    ChurnKpis kpis = new ChurnKpis(count(k.get("active_end")), ratio(k.get("active_end:" + MOM)),
        count(k.get("new_subscribers")), count(k.get("churned")), ratio(k.get("churned:" + MOM)),
        ratio(k.get("churn_rate")), ratio(k.get("churn_rate:" + PREVIOUS)), count(k.get("net_adds")),
        count(k.get("at_risk")), ratio(k.get("at_risk_share")));
    List<ChurnRow> regions = s.childLevel() == null ? List.of()
        : rows(s.childLevel(), filters, kpis.churned(), language, OrderKey.desc("churn_rate"));
    List<ChurnRow> reasons = rows("churn_reason.churn_reason", filters, kpis.churned(), language,
        OrderKey.desc("churned")).stream().filter(r -> !"none".equals(r.key()) && r.churned() != null
        && r.churned() > 0).toList();
    List<ChurnRow> segments = rows("value_segment.value_segment", filters, kpis.churned(), language, null);
    return new MonthlyChurnData(language, month, month.atEndOfMonth(),
        ZonedDateTime.now(clock.withZone(MonthlyRevenueDataBuilder.OPERATOR_ZONE)), s, kpis, regions, reasons,
        segments, trend(month, filters, language));
  }

  private List<ChurnRow> rows(String level, List<LevelFilter> filters, Long totalChurned, Language language,
                              OrderKey order) {
    CubeQuery q = CubeQuery.of(CUBE, List.of("active_end", "churned", "churn_rate", "at_risk_share"),
        List.of(level, MONTH)).withFilters(filters).withLocale(language.tag());
    if (order != null) {
      q = q.withOrder(List.of(order, OrderKey.asc(level)), null);
    }
    List<ChurnRow> out = new ArrayList<>();
    for (Map<String, Object> c : engine.execute(q).cells()) {
      Long churned = count(c.get("churned"));
      Double share = churned == null || totalChurned == null || totalChurned == 0 ? null
          : churned.doubleValue() / totalChurned;
      out.add(new ChurnRow((String) c.get(level), (String) c.get(level + ".caption"), count(c.get("active_end")),
          churned, ratio(c.get("churn_rate")), share, ratio(c.get("at_risk_share"))));
    }
    return out;
  }

  private List<ChurnTrendPoint> trend(YearMonth month, List<LevelFilter> filters, Language language) {
    List<LevelFilter> range = new ArrayList<>(filters);
    range.set(0, LevelFilter.range(MONTH, month.minusMonths(TREND_MONTHS - 1).toString(), month.toString()));
    List<ChurnTrendPoint> points = new ArrayList<>();
    for (Map<String, Object> c : engine.execute(CubeQuery.of(CUBE, List.of("churn_rate", "churned"), List.of(MONTH))
        .withFilters(range).withLocale(language.tag())).cells()) {
      points.add(new ChurnTrendPoint(YearMonth.parse((String) c.get(MONTH)), ratio(c.get("churn_rate")),
          count(c.get("churned"))));
    }
    return points;
  }

  private static Long count(Object v) {
    return v instanceof Number n ? Math.round(n.doubleValue()) : null;
  }

  private static Double ratio(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }
}
