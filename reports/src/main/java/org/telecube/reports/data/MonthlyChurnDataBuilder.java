package org.telecube.reports.data;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.telecube.reports.ReportException;
import org.telecube.warehouse.churn.AtRiskSubscriber;
import org.telecube.warehouse.churn.ChurnListQuery;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.OrderKey;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.ResultColumn;

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
  /** How many at-risk subscribers the report lists. */
  public static final int TOP_AT_RISK = 50;
  /**
   * The value tiers the "high-value" at-risk list draws from: the top 5 % and the next 15 % by
   * value score (model.yaml's value_tier), so a ¥5 subscriber with a high warning score is not listed.
   */
  public static final List<String> HIGH_VALUE_TIERS = List.of("top5", "next15");
  static final List<String> PROFILE_LEVELS = List.of("vip_level.vip_level", "tenure_band.tenure_band",
      "network_type.network_type", "age_band.age_band", "customer_type.customer_type");
  static final List<String> SIGNALS = List.of("signal_competitor_call", "signal_call_forward", "signal_keep_number",
      "signal_bill_drop", "signal_voluntary_suspension", "signal_contract_ending", "signal_arrears",
      "signal_serious_complaint", "signal_bill_shock");
  private static final String SEGMENT = "value_segment.value_segment";
  private static final String PREVIOUS_SEGMENT = "previous_value_segment.previous_value_segment";
  private static final Pattern SIGNAL_PREFIX = Pattern.compile("^[^:：]*[:：]\\s*");

  private final QueryEngine engine;
  private final Clock clock;
  private final ChurnLists churnLists;

  public MonthlyChurnDataBuilder(QueryEngine engine, Clock clock) {
    this(engine, clock, null);
  }

  /**
   * @param churnLists where the at-risk list comes from; null leaves the list out of the report
   */
  public MonthlyChurnDataBuilder(QueryEngine engine, Clock clock, ChurnLists churnLists) {
    this.engine = Objects.requireNonNull(engine);
    this.clock = Objects.requireNonNull(clock);
    this.churnLists = churnLists;
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
          + (s.isCountry() ? "" : " in " + s.level() + " " + s.key()) + " (" + loaded + ")", month, s.caption(),
          months.isEmpty() ? "-" : months.get(0).key(), months.isEmpty() ? "-" : months.get(months.size() - 1).key());
    }
    Map<String, Object> k = headline.cells().get(0);
    ChurnKpis kpis = new ChurnKpis(count(k.get("active_end")), change("active_end", k),
        count(k.get("new_subscribers")), count(k.get("churned")), change("churned", k),
        ratio(k.get("churn_rate")), ratio(k.get("churn_rate:" + PREVIOUS)), change("churn_rate", k),
        count(k.get("net_adds")), count(k.get("at_risk")), ratio(k.get("at_risk_share")));
    List<ChurnRow> regions = s.childLevel() == null ? List.of()
        : rows(s.childLevel(), filters, kpis.churned(), language, OrderKey.desc("churn_rate"));
    List<ChurnRow> reasons = rows("churn_reason.churn_reason", filters, kpis.churned(), language,
        OrderKey.desc("churned")).stream().filter(r -> !"none".equals(r.key()) && r.churned() != null
        && r.churned() > 0).toList();
    List<ChurnRow> segments = rows("value_segment.value_segment", filters, kpis.churned(), language, null);
    return new MonthlyChurnData(language, month, month.atEndOfMonth(),
        ZonedDateTime.now(clock.withZone(MonthlyRevenueDataBuilder.OPERATOR_ZONE)), s, kpis, regions, reasons,
        segments, trend(month, filters, language), profiles(filters, language),
        movements(filters, language), signals(filters, kpis.activeEnd(), language), topAtRisk(month, s, language));
  }

  private List<ProfileTable> profiles(List<LevelFilter> filters, Language language) {
    List<ProfileTable> out = new ArrayList<>();
    for (String level : PROFILE_LEVELS) {
      CellSet cells = engine.execute(CubeQuery.of(CUBE, List.of("active_end", "churned", "churn_rate"),
          List.of(level, MONTH)).withFilters(filters).withLocale(language.tag()));
      String title = cells.columns().stream().filter(c -> c.name().equals(level)).map(ResultColumn::caption)
          .findFirst().orElse(level);
      List<ChurnRow> rows = new ArrayList<>();
      for (Map<String, Object> c : cells.cells()) {
        rows.add(new ChurnRow((String) c.get(level), (String) c.get(level + ".caption"), count(c.get("active_end")),
            count(c.get("churned")), ratio(c.get("churn_rate")), null, null));
      }
      out.add(new ProfileTable(level, title, rows));
    }
    return out;
  }

  private SegmentMatrix movements(List<LevelFilter> filters, Language language) {
    List<MemberRef> columns = engine.members(CUBE, SEGMENT, null, language.tag()).members();
    List<MemberRef> from = engine.members(CUBE, PREVIOUS_SEGMENT, null, language.tag()).members();
    Map<String, Long> counts = new HashMap<>();
    for (Map<String, Object> c : engine.execute(CubeQuery.of(CUBE, List.of("active_end"),
        List.of(PREVIOUS_SEGMENT, SEGMENT, MONTH)).withFilters(filters).withLocale(language.tag())).cells()) {
      counts.put(c.get(PREVIOUS_SEGMENT) + "|" + c.get(SEGMENT), count(c.get("active_end")));
    }
    List<SegmentMatrix.Row> rows = new ArrayList<>();
    for (MemberRef f : from) {
      List<Long> line = new ArrayList<>();
      for (MemberRef to : columns) {
        line.add(counts.get(f.key() + "|" + to.key()));
      }
      rows.add(new SegmentMatrix.Row(f.key(), f.caption(), line));
    }
    return new SegmentMatrix(columns, rows);
  }

  private List<SignalRow> signals(List<LevelFilter> filters, Long activeEnd, Language language) {
    CellSet cells = engine.execute(CubeQuery.of(CUBE, SIGNALS, List.of(MONTH)).withFilters(filters)
        .withLocale(language.tag()));
    Map<String, Object> c = cells.cells().isEmpty() ? Map.of() : cells.cells().get(0);
    List<SignalRow> out = new ArrayList<>();
    for (String measure : SIGNALS) {
      String caption = cells.columns().stream().filter(col -> col.name().equals(measure)).map(ResultColumn::caption)
          .findFirst().orElse(measure);
      Long n = count(c.get(measure));
      out.add(new SignalRow(measure, SIGNAL_PREFIX.matcher(caption).replaceFirst(""), n,
          n == null || activeEnd == null || activeEnd == 0 ? null : n.doubleValue() / activeEnd));
    }
    return out;
  }

  private List<AtRiskSubscriber> topAtRisk(YearMonth month, Scope scope, Language language) {
    if (churnLists == null) {
      return List.of();
    }
    return churnLists.atRisk(new ChurnListQuery(month.getYear() * 100 + month.getMonthValue(),
        scope.isCountry() ? null : scope.key(), TOP_AT_RISK, HIGH_VALUE_TIERS), language);
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

  /** The measure's MoM change in the cell, read as the model declares the measure. */
  private ChangeReading change(String measure, Map<String, Object> cell) {
    return ChangeReading.of(engine.model(), CUBE, measure, cell.get(measure + ":" + MOM));
  }

  private static Long count(Object v) {
    return v instanceof Number n ? Math.round(n.doubleValue()) : null;
  }

  private static Double ratio(Object v) {
    return v instanceof Number n ? n.doubleValue() : null;
  }
}
