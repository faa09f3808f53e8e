package org.telecube.reports.xlsx;

import static org.telecube.reports.xlsx.SheetTable.change;
import static org.telecube.reports.xlsx.SheetTable.currency;
import static org.telecube.reports.xlsx.SheetTable.integer;
import static org.telecube.reports.xlsx.SheetTable.percent;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.telecube.reports.data.BreakdownRow;
import org.telecube.reports.data.ChurnKpis;
import org.telecube.reports.data.ChurnRow;
import org.telecube.reports.data.ChurnTrendPoint;
import org.telecube.reports.data.Kpis;
import org.telecube.reports.data.MonthlyChurnData;
import org.telecube.reports.data.MonthlyRevenueData;
import org.telecube.reports.data.ProfileTable;
import org.telecube.reports.data.ReportData;
import org.telecube.reports.data.ReportMessages;
import org.telecube.reports.data.SegmentMatrix;
import org.telecube.reports.data.SignalRow;
import org.telecube.reports.data.TrendPoint;
import org.telecube.warehouse.churn.AtRiskSubscriber;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.MemberRef;

/** A report's data as the tables of its workbook, in the report's language and section order. */
public final class ReportTables {
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  private ReportTables() {
  }

  public static List<SheetTable> of(ReportData data) {
    if (data instanceof MonthlyRevenueData revenue) {
      return revenue(revenue);
    }
    if (data instanceof MonthlyChurnData churn) {
      return churn(churn);
    }
    throw new IllegalArgumentException("no workbook layout for report " + data.reportId());
  }

  private static List<SheetTable> revenue(MonthlyRevenueData d) {
    ReportMessages m = ReportMessages.of(d.language());
    List<SheetTable> out = new ArrayList<>();
    Kpis k = d.kpis();
    out.add(new SheetTable(m.get("xlsx.sheet.summary"), headers(m, "xlsx.col.metric", "xlsx.col.value",
        "column.mom", "column.yoy"), List.of(
            row(m.get("kpi.revenue"), currency(k.revenue()), change(k.revenueMonthOnMonth(), m),
                change(k.revenueYearOnYear(), m)),
            row(m.get("kpi.arpu"), currency(k.arpu()), change(k.arpuMonthOnMonth(), m), change(k.arpuYearOnYear(), m)),
            row(m.get("kpi.billed"), integer(k.billedSubscribers()), change(k.billedSubscribersMonthOnMonth(), m), null),
            row(m.get("kpi.arrears"), currency(k.arrears()), change(k.arrearsMonthOnMonth(), m), null))));
    List<List<Object>> trend = new ArrayList<>();
    for (TrendPoint t : d.trend()) {
      trend.add(row(MONTH.format(t.month()), currency(t.revenue())));
    }
    out.add(new SheetTable(m.get("xlsx.sheet.revenueTrend"), headers(m, "xlsx.col.month", "column.revenue"), trend));
    if (d.scope().childLevelCaption() != null) {
      out.add(breakdown(m, m.format("xlsx.sheet.by", d.scope().childLevelCaption()), d.regions()));
    }
    out.add(breakdown(m, m.get("xlsx.sheet.business"), d.businessLines()));
    out.add(breakdown(m, m.get("xlsx.sheet.charges"), d.chargeItems()));
    out.add(breakdown(m, m.get("xlsx.sheet.segments"), d.valueSegments()));
    if (!d.fastestGrowing().isEmpty()) {
      out.add(breakdown(m, m.get("growth.top"), d.fastestGrowing()));
      out.add(breakdown(m, m.get("growth.bottom"), d.slowestGrowing()));
    }
    return out;
  }

  private static SheetTable breakdown(ReportMessages m, String name, List<BreakdownRow> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (BreakdownRow r : rows) {
      out.add(row(r.key(), r.caption(), currency(r.revenue()), percent(r.share()), change(r.monthOnMonth(), m),
          change(r.yearOnYear(), m)));
    }
    return new SheetTable(name, headers(m, "xlsx.col.key", "column.name", "column.revenue", "column.share",
        "column.mom", "column.yoy"), out);
  }

  private static List<SheetTable> churn(MonthlyChurnData d) {
    ReportMessages m = ReportMessages.of(d.language());
    List<SheetTable> out = new ArrayList<>();
    ChurnKpis k = d.kpis();
    out.add(new SheetTable(m.get("xlsx.sheet.summary"), headers(m, "xlsx.col.metric", "xlsx.col.value",
        "column.mom"), List.of(
            row(m.get("churn.kpi.active"), integer(k.activeEnd()), change(k.activeEndMonthOnMonth(), m)),
            row(m.get("churn.kpi.new"), integer(k.newSubscribers()), null),
            row(m.get("churn.kpi.churned"), integer(k.churned()), change(k.churnedMonthOnMonth(), m)),
            row(m.get("churn.kpi.rate"), percent(k.churnRate()), change(k.churnRateMonthOnMonth(), m)),
            row(m.get("xlsx.row.ratePrevious"), percent(k.churnRatePreviousMonth()), null),
            row(m.get("churn.kpi.net"), integer(k.netAdds()), null),
            row(m.get("churn.kpi.atrisk"), integer(k.atRisk()), null),
            row(m.get("churn.col.atrisk"), percent(k.atRiskShare()), null))));
    List<List<Object>> trend = new ArrayList<>();
    for (ChurnTrendPoint t : d.trend()) {
      trend.add(row(MONTH.format(t.month()), percent(t.churnRate()), integer(t.churned())));
    }
    out.add(new SheetTable(m.get("xlsx.sheet.churnTrend"), headers(m, "xlsx.col.month", "churn.col.rate",
        "churn.col.churned"), trend));
    if (d.scope().childLevelCaption() != null) {
      out.add(churnRows(m, m.format("xlsx.sheet.by", d.scope().childLevelCaption()), d.regions()));
    }
    List<List<Object>> reasons = new ArrayList<>();
    for (ChurnRow r : d.reasons()) {
      reasons.add(row(r.key(), r.caption(), integer(r.churned()), percent(r.churnedShare())));
    }
    out.add(new SheetTable(m.get("xlsx.sheet.reasons"), headers(m, "xlsx.col.key", "column.name",
        "churn.col.churned", "churn.col.churnedshare"), reasons));
    out.add(churnRows(m, m.get("xlsx.sheet.segments"), d.segments()));
    List<List<Object>> profiles = new ArrayList<>();
    for (ProfileTable t : d.profiles()) {
      for (ChurnRow r : t.rows()) {
        profiles.add(row(t.title(), r.key(), r.caption() != null ? r.caption() : m.get("churn.unrecorded"),
            integer(r.activeEnd()), integer(r.churned()), percent(r.churnRate())));
      }
    }
    out.add(new SheetTable(m.get("xlsx.sheet.profiles"), headers(m, "xlsx.col.attribute", "xlsx.col.key",
        "column.name", "churn.col.active", "churn.col.churned", "churn.col.rate"), profiles));
    SegmentMatrix moves = d.movements();
    List<String> moveHeaders = new ArrayList<>(List.of(m.get("churn.moves.corner")));
    moves.columns().forEach(c -> moveHeaders.add(c.caption()));
    List<List<Object>> moveRows = new ArrayList<>();
    for (SegmentMatrix.Row r : moves.rows()) {
      List<Object> line = new ArrayList<>(List.of(r.caption()));
      r.counts().forEach(c -> line.add(integer(c)));
      moveRows.add(line);
    }
    out.add(new SheetTable(m.get("xlsx.sheet.movements"), moveHeaders, moveRows));
    List<List<Object>> signals = new ArrayList<>();
    for (SignalRow r : d.signals()) {
      signals.add(row(r.caption(), integer(r.subscribers()), percent(r.shareOfActive())));
    }
    out.add(new SheetTable(m.get("xlsx.sheet.signals"), headers(m, "churn.warning.signal",
        "churn.warning.subscribers", "churn.warning.ofactive"), signals));
    if (!d.topAtRisk().isEmpty()) {
      String join = d.language() == Language.ZH_CN ? "、" : ", ";
      List<List<Object>> top = new ArrayList<>();
      for (AtRiskSubscriber a : d.topAtRisk()) {
        top.add(row(integer(a.rank()), a.msisdn(), caption(a.city()), caption(a.segment()), caption(a.valueTier()),
            currency(a.arpu()), integer(a.tenureMonths()),
            a.signals().stream().map(ReportTables::caption).collect(Collectors.joining(join)), caption(a.action())));
      }
      out.add(new SheetTable(m.get("xlsx.sheet.atRisk"), headers(m, "churn.top.rank", "churn.top.msisdn",
          "churn.top.city", "churn.top.segment", "churn.top.tier", "churn.top.arpu", "xlsx.col.tenureMonths",
          "churn.top.signals", "churn.top.action"), top));
    }
    return out;
  }

  private static SheetTable churnRows(ReportMessages m, String name, List<ChurnRow> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (ChurnRow r : rows) {
      out.add(row(r.key(), r.caption(), integer(r.activeEnd()), integer(r.churned()), percent(r.churnRate()),
          percent(r.atRiskShare())));
    }
    return new SheetTable(name, headers(m, "xlsx.col.key", "column.name", "churn.col.active", "churn.col.churned",
        "churn.col.rate", "churn.col.atrisk"), out);
  }

  private static String caption(MemberRef member) {
    return member == null ? null : member.caption() != null ? member.caption() : member.key();
  }

  private static List<String> headers(ReportMessages m, String... keys) {
    return Arrays.stream(keys).map(m::get).toList();
  }

  /** A row; unlike List.of, empty cells (null) are allowed. */
  private static List<Object> row(Object... cells) {
    return Arrays.asList(cells);
  }
}
