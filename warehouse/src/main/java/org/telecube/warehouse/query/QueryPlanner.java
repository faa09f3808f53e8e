package org.telecube.warehouse.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.rel2sql.RelToSqlConverter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.NlsString;
import org.telecube.warehouse.model.Aggregate;
import org.telecube.warehouse.model.AggregateTable;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Formula;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Level;
import org.telecube.warehouse.model.Measure;
import org.telecube.warehouse.model.OverTime;

/**
 * Plans a validated query with Calcite's RelBuilder over the star schema and unparses it to the
 * backend's dialect. The plan, for one grouping of levels:
 * <ol>
 *   <li>fact ⋈ the dimensions the query uses (time through the time bridge for time
 *       intelligence), filtered by the query's slices and ranges;</li>
 *   <li>aggregate per (levels, month) when a measure needs months — semi-additive FIRST/LAST,
 *       AVERAGE over months, month counts — else straight per levels;</li>
 *   <li>combine the months: FIRST/LAST take the period's first/last month (a window over the
 *       time levels), AVERAGE averages them;</li>
 *   <li>join measures brought across from other cubes on the shared levels;</li>
 *   <li>derived measures from the aggregated values (ratios of sums, never sums of ratios);</li>
 *   <li>order and limit.</li>
 * </ol>
 * Output columns: per level key, caption, order; then one column per requested measure.
 */
final class QueryPlanner {
  private static final String FACT = "f";
  private static final String MONTH = "month_";
  static final String GROUPING = "grouping_";
  /** The column naming each row's dim_time_bridge kind in a time-intelligence plan. */
  static final String KIND = "kind_";

  private final CubeModel model;
  private final CalciteCatalog catalog;
  private final SqlDialect dialect;
  private final Scope scope;
  private final AggregateRouter router;
  private final boolean additiveForms;

  QueryPlanner(CubeModel model, CalciteCatalog catalog, SqlDialect dialect) {
    this(model, catalog, dialect, Scope.all(), new AggregateRouter(catalog, true), true);
  }

  private QueryPlanner(CubeModel model, CalciteCatalog catalog, SqlDialect dialect, Scope scope,
                       AggregateRouter router, boolean additiveForms) {
    this.model = model;
    this.catalog = catalog;
    this.dialect = dialect;
    this.scope = scope;
    this.router = router;
    this.additiveForms = additiveForms;
  }

  /** The same planner with every plan restricted to {@code newScope}. */
  QueryPlanner scoped(Scope newScope) {
    return new QueryPlanner(model, catalog, dialect, newScope, router, additiveForms);
  }

  /** The same planner reading only the base facts, never an aggregate table. */
  QueryPlanner withoutAggregates() {
    return new QueryPlanner(model, catalog, dialect, scope, router.disabled(), additiveForms);
  }

  boolean usesAggregates() {
    return router.enabled();
  }

  /** The same planner counting every distinct count as such: the reference the additive forms are tested against. */
  QueryPlanner withoutAdditiveForms() {
    return new QueryPlanner(model, catalog, dialect, scope, router, false);
  }

  Scope scope() {
    return scope;
  }

  CubeModel model() {
    return model;
  }

  CalciteCatalog catalog() {
    return catalog;
  }

  /**
   * Plans {@code measures} of {@code cube} grouped by {@code levels}.
   *
   * @param bridgeKinds empty for plain values, else dim_time_bridge kinds (previous_period, ...):
   *     the values over each, in one statement whose rows name their kind in {@link #KIND}
   */
  PlannedStatement plan(Cube cube, List<ResolvedLevel> levels, List<ResolvedFilter> filters, List<Measure> measures,
                        Language language, List<String> bridgeKinds, List<OrderKey> order, int fetch) {
    return plan(cube, levels, null, filters, measures, language, bridgeKinds, order, fetch);
  }

  /**
   * True when {@code measures} can be planned for several groupings in one statement (GROUPING
   * SETS; where months combine afterwards, every set keeps the month and the months combine per
   * grouping, a period's first/last month by a window partitioned by the grouping id too): no cube
   * brought across, whose own aggregate would have to be grouped the same ways, and months combined
   * after the sets only where the backend runs grouping sets nested that way (not Druid).
   */
  boolean groupsInOneStatement(Cube cube, List<Measure> measures, boolean nestedGroupingSets) {
    return closure(cube, measures).values().stream().noneMatch(m -> m instanceof Measure.Across
        // months combined after the sets (averaged, counted, or a period's first/last month by a
        // window partitioned by the grouping too): grouping sets nested in a per-month grouping
        || m instanceof Measure.Stored s && !nestedGroupingSets
            && (s.overTime() != OverTime.SUM || s.aggregate() == Aggregate.MONTHS));
  }

  /**
   * Plans {@code measures} for each of {@code groupings} (subsets of {@code levels}, the rest rolled
   * up) in one statement by GROUPING SETS. The rows carry {@code grouping_}: see {@link #groupingId}.
   */
  PlannedStatement planGroupings(Cube cube, List<ResolvedLevel> levels, List<List<ResolvedLevel>> groupings,
                                 List<ResolvedFilter> filters, List<Measure> measures, Language language, int fetch) {
    return plan(cube, levels, groupings, filters, measures, language, List.of(), List.of(), fetch);
  }

  /** The value of {@code GROUPING(k0, k1, ..)} on the rows of {@code grouping}: a 1 bit per rolled-up level, first level highest. */
  static long groupingId(List<ResolvedLevel> levels, List<ResolvedLevel> grouping) {
    long id = 0;
    for (ResolvedLevel l : levels) {
      id = id * 2 + (grouping.contains(l) ? 0 : 1);
    }
    return id;
  }

  private PlannedStatement plan(Cube cube, List<ResolvedLevel> levels, List<List<ResolvedLevel>> groupings,
                                List<ResolvedFilter> filters, List<Measure> measures, Language language,
                                List<String> bridgeKinds, List<OrderKey> order, int fetch) {
    RelBuilder b = catalog.builder();
    Map<String, Measure> all = closure(cube, measures);
    List<Measure.Stored> stored = all.values().stream()
        .filter(Measure.Stored.class::isInstance).map(Measure.Stored.class::cast).toList();
    String grain = bridgeKinds.isEmpty() ? null : QueryValidator.finestTime(levels).level().name();
    List<Explain.Source> sources = new ArrayList<>();
    sources.add(aggregate(b, cube, levels, groupings, filters, stored, language, bridgeKinds, grain).source());

    // drill-across: one aggregate per other cube, joined on the levels both cubes have
    Map<String, List<Measure.Across>> acrossByCube = new LinkedHashMap<>();
    all.values().stream().filter(Measure.Across.class::isInstance).map(Measure.Across.class::cast)
        .forEach(a -> acrossByCube.computeIfAbsent(a.cube(), k -> new ArrayList<>()).add(a));
    for (Map.Entry<String, List<Measure.Across>> e : acrossByCube.entrySet()) {
      Cube other = model.cube(e.getKey()).orElseThrow();
      List<ResolvedLevel> shared = new ArrayList<>();
      List<Integer> primaryIndex = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        ResolvedLevel mapped = mapLevel(other, levels.get(i));
        if (mapped != null) {
          shared.add(mapped);
          primaryIndex.add(i);
        }
      }
      List<ResolvedFilter> sharedFilters = new ArrayList<>();
      for (int i = 0; i < filters.size(); i++) {
        ResolvedFilter f = filters.get(i);
        ResolvedLevel mapped = mapLevel(other, f.level());
        if (mapped == null) {
          // the validator refuses these first; dropping the filter would answer another question
          throw QueryValidator.filterNotApplicable(i, f.level(), other);
        }
        sharedFilters.add(new ResolvedFilter(mapped, f.members(), f.from(), f.to()));
      }
      List<Measure.Stored> targets = e.getValue().stream()
          .map(a -> (Measure.Stored) other.measure(a.measure()).orElseThrow()).distinct().toList();
      sources.add(aggregate(b, other, shared, null, sharedFilters, targets, language, bridgeKinds, grain).source());
      RelNode base = b.build();
      RelNode primary = b.build();
      int primaryFields = primary.getRowType().getFieldCount();
      b.push(primary).push(base);
      List<RexNode> conditions = new ArrayList<>();
      for (int j = 0; j < shared.size(); j++) {
        conditions.add(b.equals(b.field(2, 0, 3 * primaryIndex.get(j)), b.field(2, 1, 3 * j)));
      }
      if (base.getRowType().getField(KIND, true, false) != null) {
        // the other cube went through the time bridge too: each kind's values with its own
        conditions.add(b.equals(b.field(2, 0, KIND), b.field(2, 1, KIND)));
      }
      b.join(JoinRelType.LEFT, conditions.isEmpty() ? b.literal(true) : b.and(conditions));
      List<RexNode> keep = new ArrayList<>();
      for (int i = 0; i < primaryFields; i++) {
        keep.add(b.field(i));
      }
      for (Measure.Across a : e.getValue()) {
        // by name: with no shared level a month-combined aggregate leads with its constant key g_
        int targetIndex = base.getRowType().getField("m_" + a.measure(), true, false).getIndex();
        keep.add(b.alias(b.field(primaryFields + targetIndex), "m_" + a.name()));
      }
      b.project(keep);
    }

    // final projection: levels, then the requested measures
    List<RexNode> out = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      out.add(b.field("k" + i));
      out.add(b.field("c" + i));
      out.add(b.field("o" + i));
    }
    Map<String, RexNode> values = new LinkedHashMap<>();
    Map<String, Integer> unitScales = new LinkedHashMap<>();
    for (Measure m : measures) {
      int scale = unitScale(cube, m);
      if (scale > 0 && !(m instanceof Measure.Stored s && s.divideBy().compareTo(BigDecimal.ONE) != 0)) {
        // whole cents, exact: the executor moves the decimal point (a double would round)
        out.add(b.alias(b.field("m_" + m.name()), m.name()));
        unitScales.put(":" + m.name(), scale);
      } else {
        out.add(b.alias(value(b, cube, m, values), m.name()));
      }
    }
    List<String> layoutColumns = new ArrayList<>(RowLayout.cube(levels.stream().map(ResolvedLevel::name).toList(),
        measures.stream().map(Measure::name).toList()).columns());
    if (groupings != null) {
      out.add(b.field(GROUPING));
      layoutColumns.add(GROUPING);
    }
    if (!bridgeKinds.isEmpty()) {
      out.add(b.field(KIND));
      layoutColumns.add(KIND);
    }
    b.project(out);

    List<RexNode> sortKeys = new ArrayList<>();
    for (OrderKey key : order) {
      int index = levelIndex(levels, key.by());
      RexNode field = index >= 0 ? b.field(3 * index + 2) : b.field(key.by());
      sortKeys.add(key.descending() ? b.nullsLast(b.desc(field)) : b.nullsLast(field));
    }
    for (int i = 0; i < levels.size(); i++) {
      sortKeys.add(b.nullsLast(b.field(3 * i + 2)));
      sortKeys.add(b.nullsLast(b.field(3 * i)));
    }
    b.sortLimit(-1, fetch, sortKeys);
    return statement("main", b.build(), new RowLayout(levels.stream().map(ResolvedLevel::name).toList(),
        measures.stream().map(Measure::name).toList(), layoutColumns, unitScales), sources);
  }

  /** Members of a level, optionally under a parent member and within a month range. */
  PlannedStatement members(DimensionUsage usage, Level level, Level parent, String parentKey, List<String> only,
                           Integer fromMonth, Integer toMonth, Language language, int fetch) {
    RelBuilder b = catalog.builder();
    b.scan(usage.table());
    List<RexNode> conditions = new ArrayList<>();
    ResolvedLevel scoped = scopeLevel(usage);
    if (scoped != null) {
      // a level of the scope's dimension lists only members inside the scope
      conditions.add(b.in(b.field(scoped.level().keyColumn()), scope.keyList().stream().map(k -> text(b, k)).toList()));
    }
    if (parent != null) {
      conditions.add(b.equals(b.field(parent.keyColumn()), text(b, parentKey)));
    }
    if (only != null) {
      conditions.add(b.in(b.field(level.keyColumn()), only.stream().map(k -> text(b, k)).toList()));
    }
    if (fromMonth != null) {
      conditions.add(b.between(b.field("month_key"), b.literal(fromMonth), b.literal(toMonth)));
    }
    if (!conditions.isEmpty()) {
      b.filter(conditions);
    }
    b.project(List.of(b.field(level.keyColumn()), b.field(level.captionColumn(language)),
        b.field(level.orderColumn())), List.of("k0", "c0", "o0"), true);
    b.aggregate(b.groupKey(b.field(0), b.field(1), b.field(2)));
    b.sortLimit(-1, fetch, List.of(b.field("o0"), b.field("k0")));
    return statement("members", b.build(), RowLayout.cube(List.of(usage.name() + "." + level.name()), List.of()));
  }

  /**
   * The member keys of every filter in {@code filters} (by their index in the query) that exist
   * within the scope, in one statement: {@code filter} (the index) and {@code key} per row.
   */
  PlannedStatement memberChecks(Map<Integer, ResolvedFilter> filters) {
    RelBuilder b = catalog.builder();
    for (Map.Entry<Integer, ResolvedFilter> e : filters.entrySet()) {
      ResolvedFilter f = e.getValue();
      DimensionUsage usage = f.level().usage();
      b.scan(usage.table());
      List<RexNode> conditions = new ArrayList<>();
      conditions.add(b.in(b.field(f.level().level().keyColumn()), f.members().stream().map(k -> text(b, k)).toList()));
      ResolvedLevel scoped = scopeLevel(usage);
      if (scoped != null) {
        conditions.add(b.in(b.field(scoped.level().keyColumn()), scope.keyList().stream().map(k -> text(b, k)).toList()));
      }
      b.filter(conditions);
      // distinct keys first: a constant in the grouping would unparse as GROUP BY 0, a column number
      b.project(List.of(b.field(f.level().level().keyColumn())), List.of("key"), true);
      b.distinct();
      b.project(List.of(b.literal(e.getKey()), b.field("key")), List.of("filter", "key"), true);
    }
    b.union(true, filters.size());
    return statement("member checks", b.build(), RowLayout.detail(List.of("filter", "key")));
  }

  /**
   * First and last month of a cube's facts: which months are loaded, not what anyone may see of
   * them, so the scope does not apply. Read from the cube's smallest aggregate when there is one:
   * it holds every month its fact does.
   */
  PlannedStatement monthSpan(Cube cube) {
    RelBuilder b = catalog.builder();
    AggregateRouter.Route route = router.route(cube, List.of(), List.of(), List.of(), List.of(), Language.ZH_CN, false);
    b.scan(route.table());
    b.aggregate(b.groupKey(), b.min("first_month", b.field(cube.timeColumn())),
        b.max("last_month", b.field(cube.timeColumn())));
    return statement("month span", b.build(), RowLayout.detail(List.of("first_month", "last_month")),
        List.of(route.source()));
  }

  /**
   * The periods of a month-based time level from the calendar: per member its first month, the
   * months it spans and how many of them lie in {@code firstMonth..lastMonth} and the query's own
   * filters on month-based time levels (filters on days are left out: a month with some of its
   * days asked for still counts as a month with data). The calendar holds no region: no scope.
   */
  PlannedStatement periods(ResolvedLevel level, int firstMonth, int lastMonth, List<ResolvedFilter> filters,
                           Set<String> monthColumns) {
    RelBuilder b = catalog.builder();
    b.scan("dim_month");
    List<RexNode> within = new ArrayList<>();
    within.add(b.between(b.field("month_key"), b.literal(firstMonth), b.literal(lastMonth)));
    for (ResolvedFilter f : filters) {
      String column = f.level().level().keyColumn();
      if (!f.level().isTime() || !monthColumns.contains(column.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      RexNode key = b.field(column);
      if (!f.isRange()) {
        within.add(b.in(key, f.members().stream().map(m -> text(b, m)).toList()));
        continue;
      }
      if (f.from() != null) {
        within.add(b.greaterThanOrEqual(key, text(b, f.from())));
      }
      if (f.to() != null) {
        within.add(b.lessThanOrEqual(key, text(b, f.to())));
      }
    }
    RexNode withData = b.call(SqlStdOperatorTable.CASE, b.and(within), b.literal(1), b.literal(0));
    b.project(List.of(b.field(level.level().keyColumn()), b.field("month_key"), withData), List.of("k", "m", "w"), true);
    b.aggregate(b.groupKey(b.field("k")), b.min("first_month", b.field("m")), b.count(false, "months"),
        b.sum(false, "with_data", b.field("w")));
    return statement("periods of " + level.name(), b.build(),
        RowLayout.detail(List.of("key", "first_month", "months", "with_data")));
  }

  PlannedStatement statement(String purpose, RelNode rel, RowLayout layout) {
    return statement(purpose, rel, layout, List.of());
  }

  private PlannedStatement statement(String purpose, RelNode rel, RowLayout layout, List<Explain.Source> sources) {
    return new PlannedStatement(purpose, toSql(rel), layout, rel, sources);
  }

  private String toSql(RelNode rel) {
    RelToSqlConverter converter = new RelToSqlConverter(dialect);
    SqlNode node = converter.visitRoot(rel).asStatement();
    return node.toSqlString(dialect).getSql();
  }

  /** The scope's level in {@code usage} when the scope restricts that dimension, else null. */
  ResolvedLevel scopeLevel(DimensionUsage usage) {
    if (scope.isAll() || !usage.name().equals(scope.dimension())) {
      return null;
    }
    return usage.level(scope.levelName()).map(l -> new ResolvedLevel(usage, l)).orElseThrow(() ->
        scopeNotApplicable(usage.name() + "." + scope.levelName()));
  }

  /** {@code filters} and the scope's filter on {@code cube}; a cube the scope cannot restrict is refused. */
  List<ResolvedFilter> withScope(Cube cube, List<ResolvedFilter> filters) {
    if (scope.isAll()) {
      return filters;
    }
    DimensionUsage usage = cube.dimension(scope.dimension()).orElseThrow(() -> scopeNotApplicable(cube.name()));
    List<ResolvedFilter> out = new ArrayList<>(filters);
    out.add(new ResolvedFilter(scopeLevel(usage), scope.keyList(), null, null));
    return out;
  }

  QueryException scopeNotApplicable(String what) {
    return new QueryException("cube", "scope_not_applicable", what + " cannot be restricted to "
        + scope.level() + " " + scope.keys() + ", so it cannot be shown within that scope", what, scope.level());
  }

  /**
   * Pushes fact ⋈ dimensions → filter → aggregate(s) for {@code stored} measures, reading the
   * smallest aggregate table that can answer instead of the fact when there is one (its partial
   * sums and counts are summed). Output fields: k/c/o per level, then {@code m_<measure>} per
   * stored measure. Returns the table read.
   */
  private AggregateRouter.Route aggregate(RelBuilder b, Cube cube, List<ResolvedLevel> levels, List<List<ResolvedLevel>> groupings,
                         List<ResolvedFilter> filters,
                         List<Measure.Stored> stored, Language language, List<String> bridgeKinds, String grain) {
    // every cube of the plan (drill-across too) is restricted to the scope
    filters = withScope(cube, filters);
    Set<DimensionUsage> used = usedDimensions(levels, filters);
    stored = additiveForms(cube, stored, used);
    boolean byMonth = stored.stream().anyMatch(m -> m.overTime() != OverTime.SUM || m.aggregate() == Aggregate.MONTHS);
    boolean bridged = !bridgeKinds.isEmpty() && used.stream().anyMatch(u -> u.dimension().time());
    AggregateRouter.Route route = router.route(cube, levels, filters, used, stored, language, bridged);
    boolean routed = route.routed();
    // Aggregate the fact by the foreign keys the query uses before joining dimensions: the joins
    // then see thousands of rows instead of millions. Distinct counts cannot be pre-aggregated.
    Set<String> keys = new LinkedHashSet<>();
    used.forEach(u -> keys.add(u.dimension().time() && (bridged || routed) ? cube.timeColumn() : u.foreignKey()));
    if (byMonth) {
      keys.add(cube.timeColumn());
    }
    // (with no keys there is nothing to join, and Calcite would unparse nested aggregates)
    boolean preAggregated = !keys.isEmpty()
        && stored.stream().noneMatch(m -> m.aggregate() == Aggregate.DISTINCT_COUNT)
        // the grand total of grouping sets over no rows: a count is 0, a sum of partial counts null
        // (an aggregate table's counts are summed either way, and made 0 below)
        && (routed || groupings == null || stored.stream().noneMatch(m -> m.aggregate() == Aggregate.COUNT));
    b.scan(route.table());
    List<RexNode> onFact = filtersOnFact(b, cube, route, filters, bridged);
    if (!onFact.isEmpty()) {
      b.filter(onFact);
    }
    if (preAggregated) {
      List<RexNode> keyFields = new ArrayList<>();
      keys.forEach(k -> keyFields.add(b.field(k)));
      List<RelBuilder.AggCall> partials = new ArrayList<>();
      for (Measure.Stored m : stored) {
        if (routed) {
          // the aggregate table's partial sums and counts (their filters applied when it was built)
          if (m.aggregate() != Aggregate.MONTHS) {
            partials.add(b.sum(false, "v_" + m.name(), b.field(AggregateTable.column(m))));
          }
          continue;
        }
        RexNode filter = measureFilter(b, null, m);
        RelBuilder.AggCall call = switch (m.aggregate()) {
          case SUM -> b.sum(false, "v_" + m.name(), b.field(m.column()));
          case COUNT -> b.count(false, "v_" + m.name());
          default -> null;
        };
        if (call != null) {
          partials.add(filter == null ? call : call.filter(filter));
        }
      }
      b.aggregate(b.groupKey(keyFields), partials);
    }
    b.as(FACT);
    for (DimensionUsage usage : used) {
      String alias = alias(usage);
      if (route.timeByMonth(usage) && !bridged) {
        // an aggregate keeps months, not days: month-based time levels read the month calendar
        b.scan(AggregateRouter.MONTHS).as(alias);
        b.join(JoinRelType.LEFT, b.equals(b.field(2, FACT, cube.timeColumn()), b.field(2, alias, "month_key")));
      } else if (usage.dimension().time() && bridged) {
        // the time bridge maps each fact month to the period it contributes to, once per kind
        b.scan("dim_time_bridge").as("tb");
        b.join(JoinRelType.INNER, b.and(
            b.equals(b.field(2, FACT, cube.timeColumn()), b.field(2, "tb", "source_month_key")),
            b.in(b.field(2, "tb", "kind"), bridgeKinds.stream().map(k -> text(b, k)).toList()),
            b.equals(b.field(2, "tb", "grain"), text(b, grain))));
        b.scan("dim_month").as(alias);
        b.join(JoinRelType.INNER, b.equals(b.field(2, "tb", "target_month_key"), b.field(2, alias, "month_key")));
      } else {
        b.scan(usage.table()).as(alias);
        b.join(JoinRelType.LEFT, b.equals(b.field(2, FACT, usage.foreignKey()), b.field(2, alias, usage.key())));
      }
    }
    List<RexNode> conditions = new ArrayList<>();
    for (ResolvedFilter f : filters) {
      conditions.add(memberCondition(b, b.field(alias(f.level().usage()), f.level().level().keyColumn()), f));
    }
    if (!conditions.isEmpty()) {
      b.filter(conditions);
    }

    // project group columns under unique names first: RelBuilder's group keys would merge equal
    // columns (a level whose key is also its order) and reorder them
    List<RexNode> projected = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      ResolvedLevel l = levels.get(i);
      String alias = alias(l.usage());
      projected.add(b.field(alias, l.level().keyColumn()));
      names.add("k" + i);
      projected.add(b.field(alias, l.level().captionColumn(language)));
      names.add("c" + i);
      projected.add(b.field(alias, l.level().orderColumn()));
      names.add("o" + i);
    }
    if (bridged) {
      projected.add(b.field("tb", "kind"));
      names.add(KIND);
    }
    if (byMonth) {
      projected.add(b.field(FACT, cube.timeColumn()));
      names.add(MONTH);
      if (levels.isEmpty()) {
        // a constant key keeps the month-combining aggregate non-empty: Calcite's unparser
        // otherwise nests the two aggregates into one invalid SELECT
        projected.add(text(b, "all"));
        names.add("g_");
      }
    }
    int groupCount = projected.size();
    for (Measure.Stored m : stored) {
      if (preAggregated) {
        if (m.aggregate() != Aggregate.MONTHS) {
          projected.add(b.field(FACT, "v_" + m.name()));
          names.add("v_" + m.name());
        }
        continue;
      }
      if (routed) {
        if (m.aggregate() != Aggregate.MONTHS) {
          projected.add(b.field(FACT, AggregateTable.column(m)));
          names.add("v_" + m.name());
        }
        continue;
      }
      if (m.column() != null) {
        projected.add(b.field(FACT, m.column()));
        names.add("v_" + m.name());
      }
      RexNode filter = measureFilter(b, FACT, m);
      if (filter != null) {
        projected.add(filter);
        names.add("w_" + m.name());
      }
    }
    b.project(projected, names, true);
    List<RexNode> groups = new ArrayList<>();
    for (int i = 0; i < groupCount; i++) {
      groups.add(b.field(i));
    }
    List<RelBuilder.AggCall> calls = new ArrayList<>();
    for (Measure.Stored m : stored) {
      if (m.aggregate() == Aggregate.MONTHS) {
        continue;
      }
      String name = (byMonth ? "p_" : "m_") + m.name();
      if (preAggregated || routed) {
        // partial sums and counts add up
        calls.add(b.sum(false, name, b.field("v_" + m.name())));
        continue;
      }
      RelBuilder.AggCall call = switch (m.aggregate()) {
        case SUM -> b.sum(false, name, b.field("v_" + m.name()));
        case COUNT -> b.count(false, name);
        case DISTINCT_COUNT -> b.count(true, name, b.field("v_" + m.name()));
        case MONTHS -> throw new IllegalStateException();
      };
      calls.add(m.filter().isEmpty() ? call : call.filter(b.field("w_" + m.name())));
    }
    if (groupings != null) {
      // months combine per grouping: every set keeps the month, the stages below the grouping id
      int month = byMonth ? names.indexOf(MONTH) : -1;
      List<org.apache.calcite.util.ImmutableBitSet> sets = new ArrayList<>();
      for (List<ResolvedLevel> grouping : groupings) {
        List<Integer> bits = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
          if (grouping.contains(levels.get(i))) {
            bits.addAll(List.of(3 * i, 3 * i + 1, 3 * i + 2));
          }
        }
        if (month >= 0) {
          bits.add(month);
        }
        sets.add(org.apache.calcite.util.ImmutableBitSet.of(bits));
      }
      List<RexNode> keysOnly = new ArrayList<>();
      for (int i = 0; i < levels.size(); i++) {
        keysOnly.add(b.field("k" + i));
      }
      List<RelBuilder.AggCall> withId = new ArrayList<>(calls);
      withId.add(b.aggregateCall(SqlStdOperatorTable.GROUPING, keysOnly).as(GROUPING));
      b.aggregate(b.groupKey(org.apache.calcite.util.ImmutableBitSet.range(groupCount), sets), withId);
    } else {
      b.aggregate(b.groupKey(groups), calls);
    }
    if (!byMonth) {
      countsAsCounts(b, stored, routed);
      return route;
    }

    // combine months: window the period's first and last month, then aggregate over months
    List<RexNode> timeKeys = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).isTime()) {
        timeKeys.add(b.field("k" + i));
      }
    }
    if (bridged) {
      timeKeys.add(b.field(KIND));
    }
    if (groupings != null) {
      timeKeys.add(b.field(GROUPING));
    }
    List<RexNode> withSpan = new ArrayList<>(b.fields());
    withSpan.add(b.alias(b.aggregateCall(SqlStdOperatorTable.MIN, b.field(MONTH)).over()
        .partitionBy(timeKeys).toRex(), "first_month_"));
    withSpan.add(b.alias(b.aggregateCall(SqlStdOperatorTable.MAX, b.field(MONTH)).over()
        .partitionBy(timeKeys).toRex(), "last_month_"));
    b.project(withSpan);
    List<RexNode> levelFields = new ArrayList<>();
    if (levels.isEmpty()) {
      levelFields.add(b.field("g_"));
    }
    for (int i = 0; i < levels.size(); i++) {
      levelFields.add(b.field("k" + i));
      levelFields.add(b.field("c" + i));
      levelFields.add(b.field("o" + i));
    }
    if (bridged) {
      levelFields.add(b.field(KIND));
    }
    if (groupings != null) {
      levelFields.add(b.field(GROUPING));
    }
    List<RelBuilder.AggCall> combine = new ArrayList<>();
    for (Measure.Stored m : stored) {
      String name = "m_" + m.name();
      if (m.aggregate() == Aggregate.MONTHS) {
        combine.add(b.count(true, name, b.field(MONTH)));
        continue;
      }
      RexNode monthly = b.field("p_" + m.name());
      combine.add(switch (m.overTime()) {
        case SUM -> b.sum(false, name, monthly);
        case AVERAGE -> b.avg(false, name, monthly);
        case FIRST -> b.sum(false, name, monthly).filter(b.equals(b.field(MONTH), b.field("first_month_")));
        case LAST -> b.sum(false, name, monthly).filter(b.equals(b.field(MONTH), b.field("last_month_")));
      });
    }
    b.aggregate(b.groupKey(levelFields), combine);
    return route;
  }

  /**
   * A count summed from partial counts is a count again: 0 over no rows (a grand total of nothing)
   * where a sum would be null, and a BIGINT as COUNT gives, whatever the backend's sum of integers.
   */
  private static void countsAsCounts(RelBuilder b, List<Measure.Stored> stored, boolean summed) {
    if (!summed || stored.stream().noneMatch(m -> m.aggregate() == Aggregate.COUNT)) {
      return;
    }
    List<RexNode> fields = new ArrayList<>();
    List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
    for (String name : names) {
      RexNode field = b.field(name);
      boolean count = stored.stream().anyMatch(m -> m.aggregate() == Aggregate.COUNT && name.equals("m_" + m.name()));
      fields.add(count ? b.cast(b.call(SqlStdOperatorTable.COALESCE, field, b.literal(0L)), SqlTypeName.BIGINT) : field);
    }
    b.project(fields, names, true);
  }

  /**
   * The query's filters (the scope's included) as conditions on the fact's own foreign keys, so
   * the database reads only the fact rows they keep before it aggregates and joins: a key level
   * filters the key itself ({@code city_code IN ('4401')}), a coarser one the keys under it
   * ({@code city_code IN (SELECT city_code FROM dim_region WHERE province_code IN ('440000'))}).
   * Every dimension table is small, so the key lists are too. The same filters still apply after
   * the joins; time filters of a bridged plan name the periods shown, not the months read, and stay there.
   */
  private List<RexNode> filtersOnFact(RelBuilder b, Cube cube, AggregateRouter.Route route,
                                      List<ResolvedFilter> filters, boolean bridged) {
    List<RexNode> conditions = new ArrayList<>();
    for (ResolvedFilter f : filters) {
      DimensionUsage usage = f.level().usage();
      if (usage.dimension().time() && bridged) {
        continue;
      }
      boolean byMonth = route.timeByMonth(usage);
      String factKey = byMonth ? cube.timeColumn() : usage.foreignKey();
      String table = byMonth ? AggregateRouter.MONTHS : usage.table();
      String dimensionKey = byMonth ? "month_key" : usage.key();
      String levelKey = f.level().level().keyColumn();
      if (levelKey.equalsIgnoreCase(dimensionKey)) {
        conditions.add(memberCondition(b, b.field(factKey), f));
      } else {
        conditions.add(b.in(b.field(factKey), d -> d.scan(table)
            .filter(memberCondition(d, d.field(levelKey), f))
            .project(d.field(dimensionKey))
            .build()));
      }
    }
    return conditions;
  }

  /** {@code key} within the members or range {@code f} names. */
  private static RexNode memberCondition(RelBuilder b, RexNode key, ResolvedFilter f) {
    if (!f.isRange()) {
      return b.in(key, f.members().stream().map(m -> text(b, m)).toList());
    }
    List<RexNode> bounds = new ArrayList<>();
    if (f.from() != null) {
      bounds.add(b.greaterThanOrEqual(key, text(b, f.from())));
    }
    if (f.to() != null) {
      bounds.add(b.lessThanOrEqual(key, text(b, f.to())));
    }
    return b.and(bounds);
  }

  /** The dimensions a plan grouped by {@code levels} and filtered by {@code filters} (scope included) touches. */
  private static Set<DimensionUsage> usedDimensions(List<ResolvedLevel> levels, List<ResolvedFilter> filters) {
    Set<DimensionUsage> used = new LinkedHashSet<>();
    levels.forEach(l -> used.add(l.usage()));
    filters.forEach(f -> used.add(f.level().usage()));
    return used;
  }

  /**
   * {@code stored} with each distinct count that adds up over every dimension in {@code used} as
   * the sum of its additive column, under the same name: partial sums pre-aggregate and roll up
   * by grouping sets where a distinct count could do neither. The rest as they are.
   */
  private List<Measure.Stored> additiveForms(Cube cube, List<Measure.Stored> stored, Set<DimensionUsage> used) {
    if (!additiveForms) {
      return stored;
    }
    List<String> names = used.stream().map(DimensionUsage::name).toList();
    // a warehouse published before the column existed counts distinctly until it is published again
    Set<String> columns = catalog.columnNames(cube.factTable());
    return stored.stream().map(m -> m.additive() != null && m.additive().holdsFor(names)
        && columns.contains(m.additive().column().toLowerCase(java.util.Locale.ROOT)) ? m.asAdditiveSum() : m)
        .toList();
  }

  /** The measure's fact-row condition, over the top relation ({@code alias} null) or an aliased one. */
  private static RexNode measureFilter(RelBuilder b, String alias, Measure.Stored m) {
    if (m.filter().isEmpty()) {
      return null;
    }
    List<RexNode> parts = new ArrayList<>();
    m.filter().forEach((column, values) -> {
      RexNode field = alias == null ? b.field(column) : b.field(alias, column);
      RelDataType type = field.getType();
      List<RexNode> literals = values.stream().map(v -> (RexNode) (SqlTypeName.INT_TYPES.contains(type.getSqlTypeName())
          ? b.literal(Integer.valueOf(v)) : text(b, v))).toList();
      parts.add(b.in(field, literals));
    });
    return b.and(parts);
  }

  /** The value of a measure over the aggregated row: stored and across as they are, derived by formula. */
  private RexNode value(RelBuilder b, Cube cube, Measure m, Map<String, RexNode> memo) {
    RexNode cached = memo.get(m.name());
    if (cached != null) {
      return cached;
    }
    RexNode v;
    if (m instanceof Measure.Stored s) {
      // an average over months is a double on every backend (PostgreSQL's AVG of integers is NUMERIC)
      RexNode stored = s.overTime() == OverTime.AVERAGE ? asDouble(b, b.field("m_" + s.name())) : b.field("m_" + s.name());
      stored = fromUnits(b, stored, unitScale(cube, s));
      v = s.divideBy().compareTo(BigDecimal.ONE) == 0 ? stored
          : b.call(SqlStdOperatorTable.DIVIDE, asDouble(b, stored), b.literal(s.divideBy()));
    } else if (m instanceof Measure.Across a) {
      v = fromUnits(b, b.field("m_" + a.name()), unitScale(cube, a));
    } else {
      v = formula(b, cube, Formula.parse(((Measure.Derived) m).formula()).expression(), memo);
    }
    memo.put(m.name(), v);
    return v;
  }

  private RexNode formula(RelBuilder b, Cube cube, SqlNode node, Map<String, RexNode> memo) {
    if (node instanceof SqlIdentifier id) {
      return value(b, cube, cube.measure(id.getSimple()).orElseThrow(), memo);
    }
    if (node instanceof SqlNumericLiteral n) {
      return b.literal(n.bigDecimalValue());
    }
    SqlBasicCall call = (SqlBasicCall) node;
    List<RexNode> args = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      args.add(asDouble(b, formula(b, cube, operand, memo)));
    }
    return switch (call.getKind()) {
      case PLUS -> b.call(SqlStdOperatorTable.PLUS, args);
      case MINUS -> b.call(SqlStdOperatorTable.MINUS, args);
      case TIMES -> b.call(SqlStdOperatorTable.MULTIPLY, args);
      case MINUS_PREFIX -> b.call(SqlStdOperatorTable.UNARY_MINUS, args);
      // a ratio over an empty denominator is unknown, not an error
      case DIVIDE -> b.call(SqlStdOperatorTable.DIVIDE, args.get(0),
          b.call(SqlStdOperatorTable.NULLIF, args.get(1), b.literal(0.0d)));
      default -> throw new IllegalStateException("formula operator " + call.getKind());
    };
  }

  /**
   * A string literal in Unicode. RelBuilder's own string literals take Calcite's default charset,
   * ISO-8859-1, and fail on any other character (a Chinese caption typed as a key, an emoji);
   * the catalog's VARCHAR columns are UTF-8 too, and the backend's dialect writes the literal
   * without a charset prefix.
   */
  static RexNode text(RelBuilder b, String value) {
    return b.getRexBuilder().makeCharLiteral(new NlsString(value, UNICODE, SqlCollation.IMPLICIT));
  }

  static final String UNICODE = "UTF-8";

  private static RexNode asDouble(RelBuilder b, RexNode node) {
    return node.getType().getSqlTypeName() == SqlTypeName.DOUBLE ? node : b.cast(node, SqlTypeName.DOUBLE);
  }

  /**
   * Non-zero when {@code m} sums a decimal column the backend keeps in whole units (money in cents
   * on Druid): its sums are exact integers, and the decimal point is moved when they are read.
   */
  private int unitScale(Cube cube, Measure m) {
    if (m instanceof Measure.Stored s) {
      return s.column() == null || s.aggregate() == Aggregate.DISTINCT_COUNT ? 0
          : catalog.unitScale(cube.factTable(), s.column());
    }
    if (m instanceof Measure.Across a) {
      Cube other = model.cube(a.cube()).orElseThrow();
      return unitScale(other, other.measure(a.measure()).orElseThrow());
    }
    return 0;
  }

  /** A value in whole units of {@code 10^-scale} as a number in the column's own unit, for formulas. */
  private static RexNode fromUnits(RelBuilder b, RexNode units, int scale) {
    return scale == 0 ? units
        : b.call(SqlStdOperatorTable.DIVIDE, asDouble(b, units), b.literal(BigDecimal.TEN.pow(scale)));
  }

    /** Every measure {@code measures} depend on, dependencies first. */
  private static Map<String, Measure> closure(Cube cube, List<Measure> measures) {
    Map<String, Measure> out = new LinkedHashMap<>();
    for (Measure m : measures) {
      addWithDependencies(cube, m, out);
    }
    return out;
  }

  private static void addWithDependencies(Cube cube, Measure m, Map<String, Measure> out) {
    if (out.containsKey(m.name())) {
      return;
    }
    if (m instanceof Measure.Derived d) {
      for (String ref : Formula.parse(d.formula()).measureNames()) {
        addWithDependencies(cube, cube.measure(ref).orElseThrow(), out);
      }
    }
    out.put(m.name(), m);
  }

  /** The same level in another cube, when it has that dimension and level. */
  private static ResolvedLevel mapLevel(Cube other, ResolvedLevel level) {
    return other.dimension(level.usage().name())
        .flatMap(u -> u.level(level.level().name()).map(l -> new ResolvedLevel(u, l)))
        .orElse(null);
  }

  private static int levelIndex(List<ResolvedLevel> levels, String name) {
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String alias(DimensionUsage usage) {
    return "d_" + usage.name();
  }
}
