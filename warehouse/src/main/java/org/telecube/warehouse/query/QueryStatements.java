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
   * several by GROUPING SETS over {@code levels}; and per grouping that keeps a time level its
   * time-intelligence statement (every bridge kind in one).
   */
  record Totals(List<ResolvedLevel> levels, List<List<ResolvedLevel>> groupings, PlannedStatement statement,
                Map<List<ResolvedLevel>, PlannedStatement> timeIntelligence) {
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
  private final PlannedStatement timeIntelligence;
  private final List<Totals> totals;
  private final Map<String, PlannedStatement> periods;

  private QueryStatements(PlannedStatement memberChecks, PlannedStatement main,
                          PlannedStatement timeIntelligence, List<Totals> totals,
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
    PlannedStatement main = planner.plan(q.cube(), q.levels(), q.filters(), q.measures(), q.language(), List.of(),
        q.order(), q.limit() + 1);
    PlannedStatement ti = timeIntelligence(planner, q, q.levels(), "main");
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
        && planner.groupsInOneStatement(q.cube(), q.measures(), capabilities.nestedGroupingSets())) {
      PlannedStatement statement = planner.planGroupings(q.cube(), q.levels(), groupings, q.filters(), q.measures(),
          q.language(), QueryValidator.MAX_ROWS * groupings.size()).as("totals by grouping sets");
      Map<List<ResolvedLevel>, PlannedStatement> byGrouping = new LinkedHashMap<>();
      for (List<ResolvedLevel> g : groupings) {
        PlannedStatement t = timeIntelligence(planner, q, g, totalsPurpose(g));
        if (t != null) {
          byGrouping.put(g, t);
        }
      }
      totals.add(new Totals(q.levels(), groupings, statement, byGrouping));
    } else {
      // a plan bringing a cube across, or a backend without grouping sets, runs once per grouping
      for (List<ResolvedLevel> subset : groupings) {
        PlannedStatement statement = planner.plan(q.cube(), subset, q.filters(), q.measures(), q.language(),
            List.of(), List.of(), QueryValidator.MAX_ROWS).as(totalsPurpose(subset));
        PlannedStatement t = timeIntelligence(planner, q, subset, totalsPurpose(subset));
        totals.add(new Totals(subset, List.of(subset), statement, t == null ? Map.of() : Map.of(subset, t)));
      }
    }
    return new QueryStatements(checks, main.as("main"), ti, totals, periods(planner, q, span));
  }

  private static String totalsPurpose(List<ResolvedLevel> subset) {
    return "totals by " + (subset.isEmpty() ? "(all)" : String.join(", ", subset.stream().map(ResolvedLevel::name).toList()));
  }

  /**
   * The values over every bridge kind the query's time intelligence needs, grouped by
   * {@code levels}, in one statement (its rows name their kind); null when there is none or no
   * time level to shift.
   */
  private static PlannedStatement timeIntelligence(QueryPlanner planner, ValidatedQuery q,
                                                   List<ResolvedLevel> levels, String purpose) {
    List<String> kinds = q.timeIntelligence().stream().map(TimeIntelligence::bridgeKind).distinct().toList();
    if (kinds.isEmpty() || QueryValidator.finestTime(levels) == null) {
      return null;
    }
    return planner.plan(q.cube(), levels, q.filters(), q.measures(), q.language(), kinds, List.of(), Integer.MAX_VALUE)
        .as(purpose + " " + String.join(", ", kinds));
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

  /** The main statement's time intelligence, or null. */
  PlannedStatement timeIntelligence() {
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
    if (timeIntelligence != null) {
      out.add(timeIntelligence);
    }
    for (Totals t : totals) {
      out.add(t.statement());
      out.addAll(t.timeIntelligence().values());
    }
    return out;
  }
}
