package org.telecube.warehouse.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.telecube.warehouse.backend.Capabilities;
import org.telecube.warehouse.model.Cube;

/**
 * Every statement one cube query runs, planned up front so that explain shows exactly what
 * execute runs: the member checks of its filters, the main statement, its time-intelligence
 * statements, the totals and the periods of its time levels.
 */
final class QueryStatements {
  /** Reads the first and last loaded month of a cube (the periods' statements are planned with them). */
  interface MonthSpan {
    int[] of(Cube cube);
  }

  /**
   * A statement answering totals groupings (levels kept, the rest rolled up): one grouping, or
   * several by GROUPING SETS over {@code levels}; and per grouping its time intelligence, keyed
   * by bridge kind.
   */
  record Totals(List<ResolvedLevel> levels, List<List<ResolvedLevel>> groupings, PlannedStatement statement,
                Map<List<ResolvedLevel>, Map<String, PlannedStatement>> timeIntelligence) {
    /** The rows of {@code grouping} among {@code rows} of {@link #statement()}. */
    List<ResultRow> rowsOf(List<ResolvedLevel> grouping, List<ResultRow> rows) {
      if (groupings.size() == 1) {
        return rows;
      }
      long id = QueryPlanner.groupingId(levels, grouping);
      return rows.stream().filter(r -> ((Number) r.get(QueryPlanner.GROUPING)).longValue() == id).toList();
    }
  }

  private final PlannedStatement memberChecks;
  private final PlannedStatement main;
  private final Map<String, PlannedStatement> timeIntelligence;
  private final List<Totals> totals;
  private final Map<String, PlannedStatement> periods;

  private QueryStatements(PlannedStatement memberChecks, PlannedStatement main,
                          Map<String, PlannedStatement> timeIntelligence, List<Totals> totals,
                          Map<String, PlannedStatement> periods) {
    this.memberChecks = memberChecks;
    this.main = main;
    this.timeIntelligence = timeIntelligence;
    this.totals = totals;
    this.periods = periods;
  }

  static QueryStatements plan(QueryPlanner planner, ValidatedQuery q, Capabilities capabilities, MonthSpan span) {
    // the members every filter names, checked in one statement
    Map<Integer, ResolvedFilter> checked = new LinkedHashMap<>();
    for (int i = 0; i < q.filters().size(); i++) {
      ResolvedFilter f = q.filters().get(i);
      if (!f.isRange() && !f.level().isTime()) {
        checked.put(i, f);
      }
    }
    PlannedStatement checks = checked.isEmpty() ? null : planner.memberChecks(checked);
    PlannedStatement main = planner.plan(q.cube(), q.levels(), q.filters(), q.measures(), q.language(), null,
        q.order(), q.limit() + 1);
    Map<String, PlannedStatement> ti = timeIntelligence(planner, q, q.levels(), "main");
    List<Totals> totals = new ArrayList<>();
    List<List<ResolvedLevel>> groupings = new ArrayList<>();
    if (q.totals()) {
      // subtotals and grand totals: every prefix of the row levels with every prefix of the column levels
      for (int r = q.rows().size(); r >= 0; r--) {
        for (int c = q.columns().size(); c >= 0; c--) {
          if (r == q.rows().size() && c == q.columns().size()) {
            continue;
          }
          List<ResolvedLevel> subset = new ArrayList<>(q.rows().subList(0, r));
          subset.addAll(q.columns().subList(0, c));
          groupings.add(List.copyOf(subset));
        }
      }
    }
    if (groupings.size() > 1 && capabilities.groupingSets()
        && planner.groupsInOneStatement(q.cube(), q.levels(), q.filters(), q.measures())) {
      PlannedStatement statement = planner.planGroupings(q.cube(), q.levels(), groupings, q.filters(), q.measures(),
          q.language(), QueryValidator.MAX_ROWS * groupings.size()).as("totals by grouping sets");
      Map<List<ResolvedLevel>, Map<String, PlannedStatement>> byGrouping = new LinkedHashMap<>();
      groupings.forEach(g -> byGrouping.put(g, timeIntelligence(planner, q, g, totalsPurpose(g))));
      totals.add(new Totals(q.levels(), groupings, statement, byGrouping));
    } else {
      // a plan combining months or bringing a cube across runs once per grouping
      for (List<ResolvedLevel> subset : groupings) {
        PlannedStatement statement = planner.plan(q.cube(), subset, q.filters(), q.measures(), q.language(), null,
            List.of(), QueryValidator.MAX_ROWS).as(totalsPurpose(subset));
        totals.add(new Totals(subset, List.of(subset), statement,
            Map.of(subset, timeIntelligence(planner, q, subset, totalsPurpose(subset)))));
      }
    }
    return new QueryStatements(checks, main.as("main"), ti, totals, periods(planner, q, span));
  }

  private static String totalsPurpose(List<ResolvedLevel> subset) {
    return "totals by " + (subset.isEmpty() ? "(all)" : String.join(", ", subset.stream().map(ResolvedLevel::name).toList()));
  }

  /** One statement per bridge kind the query's time intelligence needs, grouped by {@code levels}. */
  private static Map<String, PlannedStatement> timeIntelligence(QueryPlanner planner, ValidatedQuery q,
                                                                List<ResolvedLevel> levels, String purpose) {
    Map<String, PlannedStatement> out = new LinkedHashMap<>();
    if (QueryValidator.finestTime(levels) == null) {
      return out;
    }
    for (TimeIntelligence t : q.timeIntelligence()) {
      out.computeIfAbsent(t.bridgeKind(), kind -> planner.plan(q.cube(), levels, q.filters(), q.measures(),
          q.language(), kind, List.of(), Integer.MAX_VALUE).as(purpose + " " + kind));
    }
    return out;
  }

  /** The periods of each month-based time level of the query (days have none). */
  private static Map<String, PlannedStatement> periods(QueryPlanner planner, ValidatedQuery q, MonthSpan span) {
    Map<String, PlannedStatement> out = new LinkedHashMap<>();
    List<ResolvedLevel> time = q.levels().stream().filter(ResolvedLevel::isTime).toList();
    if (time.isEmpty()) {
      return out;
    }
    int[] months = span.of(q.cube());
    Set<String> monthColumns = planner.catalog().columnNames("dim_month");
    for (ResolvedLevel l : time) {
      if (monthColumns.contains(l.level().keyColumn().toLowerCase(java.util.Locale.ROOT))) {
        out.put(l.name(), planner.periods(l, months[0], months[1], q.filters(), monthColumns));
      }
    }
    return out;
  }

  /** The statement checking the filters' members, or null when no filter names members. */
  PlannedStatement memberChecks() {
    return memberChecks;
  }

  PlannedStatement main() {
    return main;
  }

  Map<String, PlannedStatement> timeIntelligence() {
    return timeIntelligence;
  }

  List<Totals> totals() {
    return totals;
  }

  Map<String, PlannedStatement> periods() {
    return periods;
  }

  /** Every statement, in the order execute runs them. */
  List<PlannedStatement> all() {
    List<PlannedStatement> out = new ArrayList<>();
    if (memberChecks != null) {
      out.add(memberChecks);
    }
    out.add(main);
    out.addAll(periods.values());
    out.addAll(timeIntelligence.values());
    for (Totals t : totals) {
      out.add(t.statement());
      t.timeIntelligence().values().forEach(byKind -> out.addAll(byKind.values()));
    }
    return out;
  }
}
