package org.telecube.reports.data;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Builds the monthly revenue report's data with cube queries on the {@code revenue} cube: the
 * month is a {@code time.month} slice, the scope a slice of its region level, and MoM / YoY come
 * from the engine's time intelligence, so the report's numbers are the cube's numbers.
 */
public final class MonthlyRevenueDataBuilder {
  /** The operator's time zone: generation times are printed in it, whatever the server's zone. */
  public static final ZoneId OPERATOR_ZONE = ZoneId.of("Asia/Shanghai");

  static final String CUBE = "revenue";
  static final String MONTH = "time.month";
  private static final String MOM = "previous_period_change";
  private static final String YOY = "same_period_last_year_change";
  private static final int TREND_MONTHS = 13;
  private static final int GROWTH_LIST = 5;

  private final QueryEngine engine;
  private final Clock clock;

  public MonthlyRevenueDataBuilder(QueryEngine engine, Clock clock) {
    this.engine = Objects.requireNonNull(engine);
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * The report's data for {@code month} and {@code scope} (a region key at any level; null or
   * blank for the country).
   *
   * @throws ReportException NOT_FOUND for an unknown scope or a month without revenue in it
   */
  public MonthlyRevenueData build(YearMonth month, String scope, Language language) {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(language, "language");
    ReportMessages messages = ReportMessages.of(language);
    Scope s = new Scopes(engine, CUBE).resolve(scope, language, messages);
    String monthKey = month.toString();
    List<LevelFilter> filters = new ArrayList<>();
    filters.add(LevelFilter.members(MONTH, monthKey));
    if (!s.isCountry()) {
      filters.add(LevelFilter.members(s.level(), s.key()));
    }

    CellSet headline = engine.execute(CubeQuery.of(CUBE, List.of("revenue", "arpu", "billed_subscribers", "arrears"),
            List.of(MONTH)).withFilters(filters).withLocale(language.tag()).withTimeIntelligence(List.of(MOM, YOY)));
    if (headline.cells().isEmpty() || headline.cells().get(0).get("revenue") == null) {
      throw noData(month, s);
    }
    Map<String, Object> k = headline.cells().get(0);
    Kpis kpis = new Kpis(decimal(k.get("revenue")), change("revenue", MOM, k), change("revenue", YOY, k),
        decimal(k.get("arpu")), change("arpu", MOM, k), change("arpu", YOY, k),
        decimal(k.get("billed_subscribers")), change("billed_subscribers", MOM, k),
        decimal(k.get("arrears")), change("arrears", MOM, k));

    List<BreakdownRow> regions = s.childLevel() == null ? List.of()
        : breakdown(s.childLevel(), filters, kpis.revenue(), language, true);
    List<BreakdownRow> businessLines = breakdown("product.business_line", filters, kpis.revenue(), language, false);
    List<BreakdownRow> chargeItems = breakdown("charge_item.item", filters, kpis.revenue(), language, true);
    List<BreakdownRow> valueSegments = breakdown("value_segment.value_segment", filters, kpis.revenue(), language,
        false);

    List<BreakdownRow> growing = regions.stream().filter(r -> r.monthOnMonth().value() != null).toList();
    int n = growing.size() >= 2 * GROWTH_LIST ? GROWTH_LIST : growing.size() / 2;
    Comparator<BreakdownRow> byGrowth = Comparator.comparing(r -> r.monthOnMonth().value());
    List<BreakdownRow> fastest = growing.stream()
        .sorted(byGrowth.reversed().thenComparing(BreakdownRow::key))
        .limit(n).toList();
    List<BreakdownRow> slowest = growing.stream()
        .sorted(byGrowth.thenComparing(BreakdownRow::key))
        .limit(n).toList();

    return new MonthlyRevenueData(language, month, month.atEndOfMonth(), ZonedDateTime.now(clock.withZone(OPERATOR_ZONE)),
        s, kpis, regions, businessLines, chargeItems, valueSegments, fastest, slowest, trend(month, filters, language));
  }

  private List<BreakdownRow> breakdown(String level, List<LevelFilter> filters, BigDecimal total, Language language,
                                       boolean largestFirst) {
    CubeQuery q = CubeQuery.of(CUBE, List.of("revenue"), List.of(level, MONTH)).withFilters(filters)
        .withLocale(language.tag()).withTimeIntelligence(List.of(MOM, YOY));
    if (largestFirst) {
      q = q.withOrder(List.of(OrderKey.desc("revenue"), OrderKey.asc(level)), null);
    }
    List<BreakdownRow> rows = new ArrayList<>();
    for (Map<String, Object> c : engine.execute(q).cells()) {
      BigDecimal revenue = decimal(c.get("revenue"));
      Double share = revenue == null || total == null || total.signum() == 0 ? null
          : revenue.doubleValue() / total.doubleValue();
      rows.add(new BreakdownRow((String) c.get(level), (String) c.get(level + ".caption"), revenue, share,
          change("revenue", MOM, c), change("revenue", YOY, c)));
    }
    return rows;
  }

  private List<TrendPoint> trend(YearMonth month, List<LevelFilter> filters, Language language) {
    List<LevelFilter> range = new ArrayList<>(filters);
    range.set(0, LevelFilter.range(MONTH, month.minusMonths(TREND_MONTHS - 1).toString(), month.toString()));
    List<TrendPoint> points = new ArrayList<>();
    for (Map<String, Object> c : engine.execute(CubeQuery.of(CUBE, List.of("revenue"), List.of(MONTH))
        .withFilters(range).withLocale(language.tag())).cells()) {
      points.add(new TrendPoint(YearMonth.parse((String) c.get(MONTH)), decimal(c.get("revenue"))));
    }
    return points;
  }

  private ReportException noData(YearMonth month, Scope scope) {
    List<MemberRef> months = engine.members(CUBE, MONTH, null, Language.EN.tag()).members();
    String loaded = months.isEmpty() ? "the warehouse holds no revenue yet"
        : "the warehouse holds " + months.get(0).key() + " to " + months.get(months.size() - 1).key();
    return ReportException.notFound("month", "no_data", "no revenue data for " + month
        + (scope.isCountry() ? "" : " in " + scope.level() + " " + scope.key()) + " (" + loaded + ")", month,
        scope.caption(), months.isEmpty() ? "-" : months.get(0).key(),
        months.isEmpty() ? "-" : months.get(months.size() - 1).key());
  }

  /** The measure's change ({@code code}: MoM or YoY) in the cell, read as the model declares the measure. */
  private ChangeReading change(String measure, String code, Map<String, Object> cell) {
    return ChangeReading.of(engine.model(), CUBE, measure, cell.get(measure + ":" + code));
  }

  static BigDecimal decimal(Object v) {
    if (v == null) {
      return null;
    }
    return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
  }
}
