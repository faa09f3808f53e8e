package org.telecube.warehouse.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Level;

/**
 * Answers questions of the warehouse: validates them against the model, has the planner make
 * every statement they need, runs those through the one {@link QueryExecutor} and has
 * {@link CellShaping} shape the rows. Nothing here writes SQL or reads a result set.
 */
public final class QueryEngine {
  private final Backend backend;
  private final CubeModel model;
  private final QueryValidator validator;
  private final QueryPlanner planner;
  private final QueryExecutor executor;
  private final ResultCache cache;
  private final DataVersion dataVersion;

  /** How long a read of the backend's data version serves cache lookups: a load elsewhere shows within it. */
  static final long DATA_VERSION_TTL_MILLIS = 1_000;

  public QueryEngine(Backend backend, CubeModel model) {
    this(backend, model, new QueryValidator(model), new QueryPlanner(model,
        CalciteCatalog.read(backend, tables(model), aggregateTables(model)), backend.dialect()),
        new QueryExecutor(backend.name()), ResultCache.off(),
        new DataVersion(backend::dataVersion, DATA_VERSION_TTL_MILLIS));
  }

  private QueryEngine(Backend backend, CubeModel model, QueryValidator validator, QueryPlanner planner,
                      QueryExecutor executor, ResultCache cache, DataVersion dataVersion) {
    this.backend = backend;
    this.model = model;
    this.validator = validator;
    this.planner = planner;
    this.executor = executor;
    this.cache = cache;
    this.dataVersion = dataVersion;
  }

  /** This engine restricted to {@code scope}: every answer it gives reflects it. Shares the catalog and cache. */
  public QueryEngine scoped(Scope scope) {
    return new QueryEngine(backend, model, validator, planner.scoped(scope), executor, cache, dataVersion);
  }

  /** This engine keeping its answers in {@code resultCache} (shared by the engines scoped from it). */
  public QueryEngine withCache(ResultCache resultCache) {
    return new QueryEngine(backend, model, validator, planner, executor, resultCache, dataVersion);
  }

  public ResultCache cache() {
    return cache;
  }

  /**
   * A load in this process committed: the next lookup reads the data version afresh (no TTL wait)
   * and the answers computed before are dropped.
   */
  public void dataChanged() {
    dataVersion.refresh();
    cache.clear();
  }

  /**
   * This engine reading only the base facts, never an aggregate table: the reference its answers
   * are compared with, and what a request asking for no aggregates gets. Shares the catalog.
   */
  public QueryEngine withoutAggregates() {
    return new QueryEngine(backend, model, validator, planner.withoutAggregates(), executor, cache, dataVersion);
  }

  /** False for an engine made by {@link #withoutAggregates()}. */
  public boolean usesAggregates() {
    return planner.usesAggregates();
  }

  /** This engine counting every distinct count as such: the reference its additive forms are tested against. */
  QueryEngine withoutAdditiveForms() {
    // no cache: its key does not tell the two forms apart
    return new QueryEngine(backend, model, validator, planner.withoutAdditiveForms(), executor, ResultCache.off(),
        dataVersion);
  }

  public Scope scope() {
    return planner.scope();
  }

  public CubeModel model() {
    return model;
  }

  /** What {@code query} will run, statement by statement, without running it. */
  public Explain explain(CubeQuery query) {
    ValidatedQuery q = validator.validate(query);
    CapabilityCheck.check(model, q.cube(), q.measures(), backend.capabilities(), backend.name());
    QueryStatements s = QueryStatements.plan(planner, q, backend.capabilities(), monthSpanReader(Cancellation.none()));
    String cached = !cache.enabled() ? "off" : cacheKey(q).map(k -> cache.contains(k) ? "hit" : "miss").orElse("off");
    return new Explain(backend.name(), dialectName(backend.dialect().getClass()), s.main().planText(),
        s.all().stream().map(p -> new Explain.Statement(p.purpose(), p.sql(), p.sources())).toList(), cached);
  }

  public CellSet execute(CubeQuery query) {
    return execute(query, Cancellation.none());
  }

  /** Answers {@code query}, from the cache when it holds the answer; {@code cancellation} stops it between and during its SQL statements. */
  public CellSet execute(CubeQuery query, Cancellation cancellation) {
    return answer(query, cancellation, false).cellSet();
  }

  /**
   * Answers {@code query} and says whether the cache gave it. A hit's {@code elapsedMillis} is the
   * time this answer took (the lookup), not the original computation's: it reports what the caller
   * waited for.
   *
   * @param bypassCache compute afresh (and keep the fresh answer), as Cache-Control: no-cache asks
   */
  public QueryAnswer answer(CubeQuery query, Cancellation cancellation, boolean bypassCache) {
    long started = System.nanoTime();
    ValidatedQuery q = validator.validate(query);
    CapabilityCheck.check(model, q.cube(), q.measures(), backend.capabilities(), backend.name());
    // the version is read before computing: an answer is never kept under a version newer than its data
    Optional<ResultCache.Key> key = cache.enabled() ? cacheKey(q) : java.util.Optional.empty();
    if (key.isEmpty()) {
      return new QueryAnswer(compute(q, cancellation, started), CacheStatus.BYPASS);
    }
    if (!bypassCache) {
      Optional<CellSet> hit = cache.get(key.get());
      if (hit.isPresent()) {
        return new QueryAnswer(withElapsed(hit.get(), (System.nanoTime() - started) / 1_000_000), CacheStatus.HIT);
      }
    }
    CellSet answer = compute(q, cancellation, started);
    cache.put(key.get(), answer);
    return new QueryAnswer(answer, bypassCache ? CacheStatus.BYPASS : CacheStatus.MISS);
  }

  /** The cache key of {@code q} now; empty (no caching) when the data version cannot be read. */
  private Optional<ResultCache.Key> cacheKey(ValidatedQuery q) {
    long version;
    try {
      version = dataVersion.current();
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new ResultCache.Key(ResultCache.QueryShape.of(q), planner.scope(), usesAggregates(),
        version));
  }

  private static CellSet withElapsed(CellSet c, long elapsedMillis) {
    return new CellSet(c.cube(), c.locale(), c.columns(), c.cells(), c.totals(), c.pivot(), c.truncated(),
        elapsedMillis, c.periods());
  }

  private CellSet compute(ValidatedQuery q, Cancellation cancellation, long started) {
    QueryStatements s = QueryStatements.plan(planner, q, backend.capabilities(), monthSpanReader(cancellation));
    checkMembers(q, s, cancellation);
    List<ResultRow> rows = run(s.main(), cancellation);
    boolean truncated = rows.size() > q.limit();
    if (truncated) {
      rows = rows.subList(0, q.limit());
    }
    List<Map<String, Object>> cells = new ArrayList<>();
    for (ResultRow row : rows) {
      cells.add(CellShaping.record(q.levels(), q.measures(), row));
    }
    CellShaping.Periods periods = periods(s, cancellation);
    if (!cells.isEmpty()) {
      CellShaping.addTimeIntelligence(q, q.levels(), cells, periods, byKind(s.timeIntelligence(), cancellation));
    }
    List<Map<String, Object>> totals = new ArrayList<>();
    for (QueryStatements.Totals t : s.totals()) {
      List<ResultRow> all = run(t.statement(), cancellation);
      for (List<ResolvedLevel> grouping : t.groupings()) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (ResultRow row : t.rowsOf(grouping, all)) {
          records.add(CellShaping.record(q.levels(), q.measures(), row));
        }
        // totals that keep a time level (the total row under months) get MoM / YoY too
        if (!records.isEmpty()) {
          CellShaping.addTimeIntelligence(q, grouping, records, periods,
              byKind(t.timeIntelligence().get(grouping), cancellation));
        }
        totals.addAll(records);
      }
    }
    return new CellSet(q.cube().name(), q.language().tag(), CellShaping.columns(q), cells, totals,
        CellShaping.pivot(q, rows, cells), truncated, (System.nanoTime() - started) / 1_000_000,
        CellShaping.periodsIn(periods, cells, totals));
  }

  /** Members of {@code level} (e.g. {@code region.city}), under {@code parent} if given. */
  public MemberList members(String cubeName, String levelName, String parent, String locale) {
    Cube cube = validator.cube(cubeName, "cube");
    Language language = Language.parse(locale).orElseThrow(() -> new QueryException("locale",
        "unknown_locale", "unknown locale \"" + locale + "\": zh-CN or en", locale));
    ResolvedLevel level = validator.level(cube, levelName, "level");
    DimensionUsage usage = level.usage();
    int index = usage.levels().indexOf(level.level());
    Level parentLevel = index > 0 ? usage.levels().get(index - 1) : null;
    Level childLevel = index + 1 < usage.levels().size() ? usage.levels().get(index + 1) : null;
    if (parent != null && parentLevel == null) {
      throw new QueryException("parent", "no_parent_level", level.name() + " is the top level; it has no parent",
          level.name());
    }
    if (parent != null) {
      QueryValidator.checkKey(parent, "parent");
    }
    Integer from = null;
    Integer to = null;
    if (level.isTime()) {
      int[] span = monthSpan(cube, Cancellation.none());
      from = span[0];
      to = span[1];
    }
    List<ResultRow> rows = run(planner.members(usage, level.level(), parent == null ? null : parentLevel, parent, null,
        from, to, language, 100_000), Cancellation.none());
    if (parent != null && rows.isEmpty()) {
      List<ResultRow> parentRows = run(planner.members(usage, parentLevel, null, null, List.of(parent), null, null,
          language, 1), Cancellation.none());
      if (parentRows.isEmpty()) {
        String parentName = usage.name() + "." + parentLevel.name();
        if (!planner.scope().isAll() && !run(unscoped().members(usage, parentLevel, null, null, List.of(parent), null,
            null, language, 1), Cancellation.none()).isEmpty()) {
          throw outOfScope("parent", parent, parentName);
        }
        throw unknownMember("parent", parent, usage, parentLevel, language);
      }
    }
    List<MemberRef> members = rows.stream().map(r -> new MemberRef(r.key(level.name()), r.caption(level.name()))).toList();
    return new MemberList(cube.name(), level.name(), level.level().caption().in(language),
        parentLevel == null ? null : usage.name() + "." + parentLevel.name(),
        childLevel == null ? null : usage.name() + "." + childLevel.name(), members);
  }

  /**
   * Detail rows of a subscriber list (at risk, churned), read by the columns
   * {@link SubscriberList#AT_RISK_COLUMNS} / {@link SubscriberList#CHURNED_COLUMNS} name. An
   * unknown region, one outside the scope ({@code out_of_scope}) and a month without data are refused;
   * a region containing the scope (its macro-region) lists the scope's subscribers.
   */
  public List<ResultRow> subscribers(SubscriberList list) {
    CapabilityCheck.checkList(list, backend.capabilities(), backend.name());
    ListPlanner lists = new ListPlanner(planner);
    if (list.region() != null) {
      QueryValidator.checkKey(list.region(), "region");
    }
    if (list.region() != null && run(lists.regionExists(list.region()), Cancellation.none()).isEmpty()) {
      if (!planner.scope().isAll()
          && !run(new ListPlanner(unscoped()).regionExists(list.region()), Cancellation.none()).isEmpty()) {
        throw outOfScope("region", list.region(), "region");
      }
      throw new QueryException("region", "unknown_member", "unknown region \"" + list.region()
          + "\": a city, province or macro-region key", list.region(), "region");
    }
    if (run(lists.monthExists(list.month()), Cancellation.none()).isEmpty()) {
      String month = (list.month() / 100) + "-" + String.format(java.util.Locale.ROOT, "%02d", list.month() % 100);
      throw new QueryException("month", "no_data", "no subscriber data for " + month, month);
    }
    return run(lists.plan(list), Cancellation.none());
  }

  /** The SQL a subscriber list runs, for explain and golden tests. */
  public String explain(SubscriberList list) {
    return new ListPlanner(planner).plan(list).sql();
  }

  /** The SQL the members of {@code level} run, for explain and golden tests. */
  public String explainMembers(String cubeName, String levelName, String locale) {
    Cube cube = validator.cube(cubeName, "cube");
    ResolvedLevel level = validator.level(cube, levelName, "level");
    Language language = Language.parse(locale).orElse(Language.ZH_CN);
    return planner.members(level.usage(), level.level(), null, null, null, null, null, language, 100_000).sql();
  }

  /**
   * Every member key a filter names exists within the scope, or the first that does not is
   * refused: {@code out_of_scope} when it exists outside the scope, else {@code unknown_member}.
   */
  private void checkMembers(ValidatedQuery q, QueryStatements s, Cancellation cancellation) {
    if (s.memberChecks() == null) {
      return;
    }
    Map<Integer, Set<String>> found = foundKeys(runShared(s.memberChecks(), cancellation));
    for (int i = 0; i < q.filters().size(); i++) {
      ResolvedFilter f = q.filters().get(i);
      if (f.isRange() || f.level().isTime()) {
        continue;
      }
      Set<String> keys = found.getOrDefault(i, Set.of());
      for (int j = 0; j < f.members().size(); j++) {
        String key = f.members().get(j);
        if (!keys.contains(key)) {
          String field = "filters[" + i + "].members[" + j + "]";
          // only this failure pays for the second statement: the questions that pass run the one they always did
          if (!planner.scope().isAll() && foundKeys(runShared(unscoped().memberChecks(Map.of(i, f)), cancellation))
              .getOrDefault(i, Set.of()).contains(key)) {
            throw outOfScope(field, key, f.level().name());
          }
          throw unknownMember(field, key, f.level().usage(), f.level().level(), q.language());
        }
      }
    }
  }

  /** The rows of a member-check statement as the keys found per filter index. */
  private static Map<Integer, Set<String>> foundKeys(List<ResultRow> rows) {
    Map<Integer, Set<String>> found = new HashMap<>();
    for (ResultRow r : rows) {
      found.computeIfAbsent(((Number) r.get("filter")).intValue(), i -> new HashSet<>()).add(r.text("key"));
    }
    return found;
  }

  /**
   * This engine's planner without its scope: only to tell a member outside the scope (refused as
   * {@code out_of_scope}) from one that does not exist. Never plans an answer.
   */
  private QueryPlanner unscoped() {
    return planner.scoped(Scope.all());
  }

  /**
   * A member that exists but lies outside the scope. Saying so (rather than "unknown") tells the
   * viewer the key exists, which the issue asks for: a 403, not a 400.
   */
  private QueryException outOfScope(String field, String key, String levelName) {
    return new QueryException(field, "out_of_scope", "member \"" + key + "\" of " + levelName
        + " is outside the scope " + planner.scope().level() + " " + planner.scope().keys(), key, levelName);
  }

  /**
   * An unknown member, with the member meant when the key looks like one: a caption in either
   * language typed instead of the key ("广东省" for 440000), or the key in full-width digits or
   * with invisible marks.
   */
  private QueryException unknownMember(String field, String key, DimensionUsage usage, Level level, Language language) {
    String wanted = MemberMatch.fold(key);
    String suggestion = null;
    String suggestedCaption = null;
    List<Language> languages = new ArrayList<>(List.of(language));
    languages.addAll(Arrays.stream(Language.values()).filter(l -> l != language).toList());
    String levelName = usage.name() + "." + level.name();
    search:
    for (Language l : languages) {
      for (ResultRow r : run(planner.members(usage, level, null, null, null, null, null, l, 100_000), Cancellation.none())) {
        String k = r.key(levelName);
        String caption = r.caption(levelName);
        if (l == language && MemberMatch.fold(k).equals(wanted) || MemberMatch.fold(caption).equals(wanted)) {
          suggestion = k;
          suggestedCaption = caption;
          break search;
        }
      }
    }
    return suggestion == null || wanted.isEmpty()
        ? new QueryException(field, "unknown_member", "unknown member \"" + key + "\" of level " + levelName,
            key, levelName)
        : new QueryException(field, "unknown_member_did_you_mean",
            "unknown member \"" + key + "\"; did you mean " + suggestion + " (" + suggestedCaption + ")?", key, levelName,
            suggestion, suggestedCaption);
  }

  /**
   * Per time level of the query, its members' periods: months in the calendar and months within
   * the cube's loaded span and the query's own time filters (2025 asked for January to June holds
   * six months of data, not twelve). Levels finer than a month (day) have no periods.
   */
  private CellShaping.Periods periods(QueryStatements s, Cancellation cancellation) {
    if (s.periods().isEmpty()) {
      return CellShaping.Periods.NONE;
    }
    Map<String, Map<String, CellSet.Period>> byLevel = new HashMap<>();
    Map<String, Map<String, Integer>> firstMonths = new HashMap<>();
    s.periods().forEach((level, statement) -> {
      Map<String, CellSet.Period> periods = new HashMap<>();
      Map<String, Integer> first = new HashMap<>();
      for (ResultRow r : runShared(statement, cancellation)) {
        String key = r.text("key");
        int length = ((Number) r.get("months")).intValue();
        Object w = r.get("with_data");
        int withData = w == null ? 0 : ((Number) w).intValue();
        first.put(key, ((Number) r.get("first_month")).intValue());
        periods.put(key, new CellSet.Period(level, key, withData, length, withData > 0 && withData < length));
      }
      byLevel.put(level, periods);
      firstMonths.put(level, first);
    });
    return new CellShaping.Periods(byLevel, firstMonths);
  }

  /** The Calcite dialect a backend's own dialect builds on ({@code DuckDBSqlDialect}). */
  private static String dialectName(Class<?> type) {
    Class<?> c = type;
    while (c.getSuperclass() != null && !c.getName().startsWith("org.apache.calcite.")) {
      c = c.getSuperclass();
    }
    return c.getName().startsWith("org.apache.calcite.") ? c.getSimpleName() : type.getName();
  }

  private QueryStatements.MonthSpan monthSpanReader(Cancellation cancellation) {
    return cube -> monthSpan(cube, cancellation);
  }

  /** First and last loaded month of a cube's facts; {0, 0} when it holds none. */
  private int[] monthSpan(Cube cube, Cancellation cancellation) {
    List<ResultRow> rows = runShared(planner.monthSpan(cube), cancellation);
    Object first = rows.isEmpty() ? null : rows.get(0).get("first_month");
    return first == null ? new int[] {0, 0}
        : new int[] {((Number) first).intValue(), ((Number) rows.get(0).get("last_month")).intValue()};
  }

  /** The rows of a time-intelligence statement split by their bridge kind (none for a null statement). */
  private Map<String, List<ResultRow>> byKind(PlannedStatement statement, Cancellation cancellation) {
    Map<String, List<ResultRow>> out = new LinkedHashMap<>();
    if (statement != null) {
      for (ResultRow r : run(statement, cancellation)) {
        out.computeIfAbsent(r.text(QueryPlanner.KIND), k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }

  private List<ResultRow> run(PlannedStatement statement, Cancellation cancellation) {
    return executor.run(statement, backend.dataSource(), cancellation);
  }

  /**
   * A statement many questions share (a month span, periods, member checks): from the cache on
   * the current data version when there is one. Its SQL carries the scope, so the key needs no more.
   */
  private List<ResultRow> runShared(PlannedStatement statement, Cancellation cancellation) {
    if (!cache.enabled()) {
      return run(statement, cancellation);
    }
    long version;
    try {
      version = dataVersion.current();
    } catch (RuntimeException e) {
      return run(statement, cancellation);
    }
    return cache.rows(new ResultCache.StatementKey(statement.sql(), statement.layout().width(), version),
        () -> run(statement, cancellation));
  }

  /** The model's aggregate tables: read when the warehouse holds them (one not yet made is not routed to). */
  private static Set<String> aggregateTables(CubeModel model) {
    Set<String> tables = new LinkedHashSet<>();
    model.cubes().forEach(c -> c.aggregates().forEach(a -> tables.add(a.table())));
    return tables;
  }

  private static Set<String> tables(CubeModel model) {
    Set<String> tables = new LinkedHashSet<>();
    tables.add("dim_time_bridge");
    tables.add("dim_month");
    // the subscriber lists read each subscriber's version at month end
    tables.add("dim_subscriber");
    for (Cube c : model.cubes()) {
      tables.add(c.factTable());
      c.dimensions().forEach(d -> tables.add(d.table()));
    }
    return tables;
  }
}
