package org.telecube.warehouse.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Level;
import org.telecube.warehouse.model.Measure;
import org.telecube.warehouse.model.MeasureFormat;

/**
 * Answers cube queries: validates against the model, plans with Calcite, runs the SQL on the
 * backend and shapes the cell set (flat records, totals, pivot, time intelligence).
 */
public final class QueryEngine {
  private final Backend backend;
  private final CubeModel model;
  private final QueryValidator validator;
  private final QueryPlanner planner;

  public QueryEngine(Backend backend, CubeModel model) {
    this.backend = backend;
    this.model = model;
    this.validator = new QueryValidator(model);
    this.planner = new QueryPlanner(model, CalciteCatalog.read(backend.dataSource(), backend.schema(), tables(model)),
        backend.dialect());
  }

  public CubeModel model() {
    return model;
  }

  /** The SQL the main plan of {@code query} runs, for explain and debugging. */
  public String explain(CubeQuery query) {
    ValidatedQuery q = validator.validate(query);
    return mainPlan(q).sql();
  }

  public CellSet execute(CubeQuery query) {
    return execute(query, Cancellation.none());
  }

  /** Answers {@code query}; {@code cancellation} stops it between and during its SQL statements. */
  public CellSet execute(CubeQuery query, Cancellation cancellation) {
    long started = System.nanoTime();
    ValidatedQuery q = validator.validate(query);
    checkMembers(q);
    List<ResolvedLevel> levels = q.levels();
    List<Object[]> rows = run(mainPlan(q), levels.size(), q.measures().size(), cancellation);
    boolean truncated = rows.size() > q.limit();
    if (truncated) {
      rows = rows.subList(0, q.limit());
    }
    List<Map<String, Object>> cells = new ArrayList<>();
    for (Object[] row : rows) {
      cells.add(record(levels, q.measures(), row, levels));
    }
    Map<String, Map<String, CellSet.Period>> periods = periods(q, cancellation);
    addTimeIntelligence(q, levels, cells, periods, cancellation);
    List<Map<String, Object>> totals = q.totals() ? totals(q, periods, cancellation) : List.of();
    return new CellSet(q.cube().name(), q.language().tag(), columns(q), cells, totals, pivot(q, rows, cells),
        truncated, (System.nanoTime() - started) / 1_000_000, periodsIn(periods, cells, totals));
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
      int[] span = monthSpan(cube);
      from = span[0];
      to = span[1];
    }
    List<Object[]> rows = run(planner.members(usage, level.level(), parent == null ? null : parentLevel, parent, null, from, to,
        language, 100_000), 1, 0);
    if (parent != null && rows.isEmpty()) {
      List<Object[]> parentRows = run(planner.members(usage, parentLevel, null, null, List.of(parent), null, null,
          language, 1), 1, 0);
      if (parentRows.isEmpty()) {
        throw unknownMember("parent", parent, usage, parentLevel, language);
      }
    }
    List<MemberRef> members = rows.stream().map(r -> new MemberRef(str(r[0]), str(r[1]))).toList();
    return new MemberList(cube.name(), level.name(), level.level().caption().in(language),
        parentLevel == null ? null : usage.name() + "." + parentLevel.name(),
        childLevel == null ? null : usage.name() + "." + childLevel.name(), members);
  }

  private QueryPlanner.Plan mainPlan(ValidatedQuery q) {
    return planner.plan(q.cube(), q.levels(), q.filters(), q.measures(), q.language(), null, q.order(),
        q.limit() + 1);
  }

  private void checkMembers(ValidatedQuery q) {
    for (int i = 0; i < q.filters().size(); i++) {
      ResolvedFilter f = q.filters().get(i);
      if (f.isRange() || f.level().isTime()) {
        continue;
      }
      List<Object[]> found = run(planner.members(f.level().usage(), f.level().level(), null, null,
          f.members(), null, null, q.language(), f.members().size() + 1), 1, 0);
      Set<String> keys = new HashSet<>();
      found.forEach(r -> keys.add(str(r[0])));
      for (int j = 0; j < f.members().size(); j++) {
        if (!keys.contains(f.members().get(j))) {
          throw unknownMember("filters[" + i + "].members[" + j + "]", f.members().get(j), f.level().usage(),
              f.level().level(), q.language());
        }
      }
    }
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
    languages.addAll(java.util.Arrays.stream(Language.values()).filter(l -> l != language).toList());
    search:
    for (Language l : languages) {
      for (Object[] r : run(planner.members(usage, level, null, null, null, null, null, l, 100_000), 1, 0)) {
        String k = str(r[0]);
        String caption = str(r[1]);
        if (l == language && MemberMatch.fold(k).equals(wanted) || MemberMatch.fold(caption).equals(wanted)) {
          suggestion = k;
          suggestedCaption = caption;
          break search;
        }
      }
    }
    String levelName = usage.name() + "." + level.name();
    return suggestion == null || wanted.isEmpty()
        ? new QueryException(field, "unknown_member", "unknown member \"" + key + "\" of level " + levelName,
            key, levelName)
        : new QueryException(field, "unknown_member_did_you_mean",
            "unknown member \"" + key + "\"; did you mean " + suggestion + " (" + suggestedCaption + ")?", key, levelName,
            suggestion, suggestedCaption);
  }

  /**
   * Adds the time-intelligence columns to {@code cells}, grouped by {@code levels} (the query's, or
   * a totals grouping that keeps a time level). A change is null when either period is partial.
   */
  private void addTimeIntelligence(ValidatedQuery q, List<ResolvedLevel> levels, List<Map<String, Object>> cells,
                                   Map<String, Map<String, CellSet.Period>> periods, Cancellation cancellation) {
    ResolvedLevel time = QueryValidator.finestTime(levels);
    if (q.timeIntelligence().isEmpty() || cells.isEmpty() || time == null) {
      return;
    }
    Map<String, CellSet.Period> timePeriods = periods.getOrDefault(time.name(), Map.of());
    Map<Integer, CellSet.Period> byFirstMonth = new HashMap<>();
    Map<String, Integer> starts = firstMonths.getOrDefault(time.name(), Map.of());
    timePeriods.forEach((key, period) -> {
      Integer first = starts.get(key);
      if (first != null) {
        byFirstMonth.put(first, period);
      }
    });
    Map<String, Map<List<String>, Object[]>> byKind = new HashMap<>();
    for (TimeIntelligence ti : q.timeIntelligence()) {
      byKind.computeIfAbsent(ti.bridgeKind(), kind -> {
        List<Object[]> rows = run(planner.plan(q.cube(), levels, q.filters(), q.measures(), q.language(), kind,
            List.of(), Integer.MAX_VALUE), levels.size(), q.measures().size(), cancellation);
        Map<List<String>, Object[]> index = new HashMap<>();
        for (Object[] r : rows) {
          index.put(keyOf(r, levels.size()), r);
        }
        return index;
      });
    }
    for (Map<String, Object> cell : cells) {
      List<String> key = new ArrayList<>();
      levels.forEach(l -> key.add((String) cell.get(l.name())));
      String timeKey = (String) cell.get(time.name());
      CellSet.Period period = timePeriods.get(timeKey);
      Integer first = starts.get(timeKey);
      for (TimeIntelligence ti : q.timeIntelligence()) {
        Object[] other = byKind.get(ti.bridgeKind()).get(key);
        boolean partial = period != null && period.partial();
        if (ti.isChange() && first != null && period != null) {
          // the period the change compares with: the one before, or the same one a year earlier
          int back = ti == TimeIntelligence.PREVIOUS_PERIOD_CHANGE ? period.monthsInPeriod() : 12;
          CellSet.Period base = byFirstMonth.get(monthsBefore(first, back));
          partial |= base != null && base.partial();
        }
        for (int m = 0; m < q.measures().size(); m++) {
          Measure measure = q.measures().get(m);
          Object otherValue = other == null ? null : normalize(other[3 * levels.size() + m]);
          String name = measure.name() + ":" + ti.code();
          if (!ti.isChange()) {
            cell.put(name, otherValue);
          } else {
            cell.put(name, partial ? null : change(measure, cell.get(measure.name()), otherValue));
          }
        }
      }
    }
  }

  /** The change from {@code base} to {@code value} as the measure declares it: relative or a difference. */
  private static Object change(Measure measure, Object value, Object base) {
    if (!(value instanceof Number v) || !(base instanceof Number b)) {
      return null;
    }
    if (measure.change() == Measure.Change.DIFFERENCE) {
      if (v instanceof Long x && b instanceof Long y) {
        return x - y;
      }
      if (v instanceof BigDecimal || b instanceof BigDecimal) {
        return new BigDecimal(v.toString()).subtract(new BigDecimal(b.toString()));
      }
      return v.doubleValue() - b.doubleValue();
    }
    if (b.doubleValue() == 0.0) {
      return null;
    }
    return (v.doubleValue() - b.doubleValue()) / Math.abs(b.doubleValue());
  }

  /** {@code yyyymm} minus {@code months} months. */
  static int monthsBefore(int monthKey, int months) {
    int index = (monthKey / 100) * 12 + (monthKey % 100 - 1) - months;
    return (index / 12) * 100 + index % 12 + 1;
  }

  /** First month (yyyymm) of each member of each time level, from the calendar; read once. */
  private final Map<String, Map<String, Integer>> firstMonths = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Per time level of the query, its members' periods: months in the calendar and months within
   * the cube's loaded span and the query's own time filters (2025 asked for January to June holds
   * six months of data, not twelve). Levels finer than a month (day) have no periods.
   */
  private Map<String, Map<String, CellSet.Period>> periods(ValidatedQuery q, Cancellation cancellation) {
    List<ResolvedLevel> time = q.levels().stream().filter(ResolvedLevel::isTime).toList();
    if (time.isEmpty()) {
      return Map.of();
    }
    cancellation.check();
    int[] span = monthSpan(q.cube());
    Map<String, Map<String, CellSet.Period>> out = new HashMap<>();
    for (ResolvedLevel l : time) {
      String column = l.level().keyColumn();
      if (!monthColumns().contains(column.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      // columns come from the model; the filters' keys are bound as parameters
      List<String> values = new ArrayList<>();
      String sql = "SELECT " + column + ", MIN(month_key), COUNT(*), SUM(CASE WHEN month_key BETWEEN " + span[0]
          + " AND " + span[1] + monthFilters(q, values) + " THEN 1 ELSE 0 END) FROM dim_month GROUP BY " + column;
      Map<String, CellSet.Period> periods = new HashMap<>();
      Map<String, Integer> first = new HashMap<>();
      try (Connection c = backend.dataSource().getConnection();
           java.sql.PreparedStatement st = prepared(c, sql, values); ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          String key = rs.getString(1);
          int length = rs.getInt(3);
          int withData = rs.getInt(4);
          first.put(key, rs.getInt(2));
          periods.put(key, new CellSet.Period(l.name(), key, withData, length, withData > 0 && withData < length));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the calendar: " + e.getMessage(), e);
      }
      firstMonths.putIfAbsent(l.name(), first);
      out.put(l.name(), periods);
    }
    return out;
  }

  /**
   * The query's filters on month-based time levels as SQL over dim_month ({@code AND col IN (?, ?)},
   * {@code AND col >= ?}), their keys added to {@code values}; filters on days are left out (a
   * month with some of its days asked for still counts as a month with data).
   */
  private String monthFilters(ValidatedQuery q, List<String> values) {
    StringBuilder sql = new StringBuilder();
    for (ResolvedFilter f : q.filters()) {
      String column = f.level().level().keyColumn();
      if (!f.level().isTime() || !monthColumns().contains(column.toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      if (!f.isRange()) {
        sql.append(" AND ").append(column).append(" IN (")
            .append(String.join(", ", java.util.Collections.nCopies(f.members().size(), "?"))).append(')');
        values.addAll(f.members());
        continue;
      }
      if (f.from() != null) {
        sql.append(" AND ").append(column).append(" >= ?");
        values.add(f.from());
      }
      if (f.to() != null) {
        sql.append(" AND ").append(column).append(" <= ?");
        values.add(f.to());
      }
    }
    return sql.toString();
  }

  private static java.sql.PreparedStatement prepared(Connection c, String sql, List<String> values) throws SQLException {
    java.sql.PreparedStatement st = c.prepareStatement(sql);
    for (int i = 0; i < values.size(); i++) {
      st.setString(i + 1, values.get(i));
    }
    return st;
  }

  private volatile Set<String> monthColumns;

  /** The columns of dim_month: time levels keyed by one of them have month-based periods. */
  private Set<String> monthColumns() {
    if (monthColumns == null) {
      Set<String> columns = new HashSet<>();
      try (Connection c = backend.dataSource().getConnection(); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT * FROM dim_month WHERE 1 = 0")) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          columns.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
        }
      } catch (SQLException e) {
        throw new IllegalStateException("cannot read the calendar: " + e.getMessage(), e);
      }
      monthColumns = columns;
    }
    return monthColumns;
  }

  /** The periods of the time members that occur in the answer, in level then key order. */
  private static List<CellSet.Period> periodsIn(Map<String, Map<String, CellSet.Period>> periods,
                                               List<Map<String, Object>> cells, List<Map<String, Object>> totals) {
    Set<CellSet.Period> out = new java.util.TreeSet<>(java.util.Comparator.comparing(CellSet.Period::level)
        .thenComparing(CellSet.Period::key));
    for (List<Map<String, Object>> records : List.of(cells, totals)) {
      for (Map<String, Object> record : records) {
        periods.forEach((level, byKey) -> {
          Object key = record.get(level);
          if (key != null && byKey.containsKey(key)) {
            out.add(byKey.get(key));
          }
        });
      }
    }
    return List.copyOf(out);
  }

  /** Subtotals and grand totals: every prefix of the row levels with every prefix of the column levels. */
  private List<Map<String, Object>> totals(ValidatedQuery q, Map<String, Map<String, CellSet.Period>> periods,
                                         Cancellation cancellation) {
    List<ResolvedLevel> all = q.levels();
    List<Map<String, Object>> out = new ArrayList<>();
    for (int r = q.rows().size(); r >= 0; r--) {
      for (int c = q.columns().size(); c >= 0; c--) {
        if (r == q.rows().size() && c == q.columns().size()) {
          continue;
        }
        List<ResolvedLevel> subset = new ArrayList<>(q.rows().subList(0, r));
        subset.addAll(q.columns().subList(0, c));
        List<Object[]> rows = run(planner.plan(q.cube(), subset, q.filters(), q.measures(), q.language(), null,
            List.of(), QueryValidator.MAX_ROWS), subset.size(), q.measures().size(), cancellation);
        List<Map<String, Object>> records = new ArrayList<>();
        for (Object[] row : rows) {
          records.add(record(subset, q.measures(), row, all));
        }
        // totals that keep a time level (the total row under months) get MoM / YoY too
        addTimeIntelligence(q, subset, records, periods, cancellation);
        out.addAll(records);
      }
    }
    return out;
  }

  private static Map<String, Object> record(List<ResolvedLevel> present, List<Measure> measures, Object[] row,
                                            List<ResolvedLevel> all) {
    Map<String, Object> cell = new LinkedHashMap<>();
    for (ResolvedLevel l : all) {
      int i = present.indexOf(l);
      cell.put(l.name(), i < 0 ? null : str(row[3 * i]));
      cell.put(l.name() + ".caption", i < 0 ? null : str(row[3 * i + 1]));
    }
    for (int m = 0; m < measures.size(); m++) {
      cell.put(measures.get(m).name(), normalize(row[3 * present.size() + m]));
    }
    return cell;
  }

  private static Pivot pivot(ValidatedQuery q, List<Object[]> rows, List<Map<String, Object>> cells) {
    List<String> measures = q.measures().stream().map(Measure::name).toList();
    int rowLevels = q.rows().size();
    int columnLevels = q.columns().size();
    Map<List<String>, List<MemberRef>> rowTuples = new LinkedHashMap<>();
    Map<List<String>, List<MemberRef>> columnTuples = new LinkedHashMap<>();
    Map<List<String>, List<Comparable<Object>>> columnSort = new HashMap<>();
    for (Object[] row : rows) {
      rowTuples.putIfAbsent(keyOf(row, 0, rowLevels), tuple(row, 0, rowLevels));
      List<String> columnKey = keyOf(row, rowLevels, columnLevels);
      columnTuples.putIfAbsent(columnKey, tuple(row, rowLevels, columnLevels));
      columnSort.putIfAbsent(columnKey, sortKey(row, rowLevels, columnLevels));
    }
    // column tuples follow member order, whatever order the rows were sorted in
    List<List<String>> columnOrder = new ArrayList<>(columnTuples.keySet());
    columnOrder.sort((a, b) -> compare(columnSort.get(a), columnSort.get(b)));
    Map<List<String>, Integer> rowIndex = indexOf(rowTuples.keySet());
    Map<List<String>, Integer> columnIndex = indexOf(columnOrder);
    List<List<Object>> values = new ArrayList<>();
    for (int r = 0; r < rowTuples.size(); r++) {
      values.add(new ArrayList<>(java.util.Collections.nCopies(columnOrder.size() * measures.size(), null)));
    }
    for (int i = 0; i < rows.size(); i++) {
      int r = rowIndex.get(keyOf(rows.get(i), 0, rowLevels));
      int c = columnIndex.get(keyOf(rows.get(i), rowLevels, columnLevels));
      for (int m = 0; m < measures.size(); m++) {
        values.get(r).set(c * measures.size() + m, cells.get(i).get(measures.get(m)));
      }
    }
    return new Pivot(q.rows().stream().map(ResolvedLevel::name).toList(),
        q.columns().stream().map(ResolvedLevel::name).toList(), measures,
        List.copyOf(rowTuples.values()), columnOrder.stream().map(columnTuples::get).toList(), values);
  }

  @SuppressWarnings("unchecked")
  private static List<Comparable<Object>> sortKey(Object[] row, int from, int count) {
    List<Comparable<Object>> key = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      key.add((Comparable<Object>) row[3 * i + 2]);
    }
    return key;
  }

  private static int compare(List<Comparable<Object>> a, List<Comparable<Object>> b) {
    for (int i = 0; i < a.size(); i++) {
      Comparable<Object> x = a.get(i);
      Comparable<Object> y = b.get(i);
      int c = x == null ? (y == null ? 0 : 1) : (y == null ? -1 : x.compareTo(y));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static List<String> keyOf(Object[] row, int from, int count) {
    List<String> key = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      key.add(str(row[3 * i]));
    }
    return key;
  }

  private static List<MemberRef> tuple(Object[] row, int from, int count) {
    List<MemberRef> tuple = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      tuple.add(new MemberRef(str(row[3 * i]), str(row[3 * i + 1])));
    }
    return tuple;
  }

  private static Map<List<String>, Integer> indexOf(Iterable<List<String>> keys) {
    Map<List<String>, Integer> index = new HashMap<>();
    for (List<String> k : keys) {
      index.put(k, index.size());
    }
    return index;
  }

  private static List<ResultColumn> columns(ValidatedQuery q) {
    List<ResultColumn> out = new ArrayList<>();
    Language lang = q.language();
    q.rows().forEach(l -> out.add(new ResultColumn(l.name(), "level", "rows", l.level().caption().in(lang), null)));
    q.columns().forEach(l -> out.add(new ResultColumn(l.name(), "level", "columns", l.level().caption().in(lang), null)));
    for (Measure m : q.measures()) {
      String format = m.format().name().toLowerCase(java.util.Locale.ROOT);
      out.add(new ResultColumn(m.name(), "measure", null, m.caption().in(lang), format, null, m.higherIsBetter()));
      for (TimeIntelligence ti : q.timeIntelligence()) {
        boolean relative = m.change() == Measure.Change.RELATIVE;
        out.add(new ResultColumn(m.name() + ":" + ti.code(), "measure", null,
            m.caption().in(lang) + " · " + TimeIntelligenceCaptions.caption(ti, lang),
            ti.isChange() && relative ? MeasureFormat.PERCENT.name().toLowerCase(java.util.Locale.ROOT) : format,
            ti.isChange() ? m.change().name().toLowerCase(java.util.Locale.ROOT) : null, m.higherIsBetter()));
      }
    }
    return out;
  }

  private int[] monthSpan(Cube cube) {
    try (Connection c = backend.dataSource().getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery(planner.monthSpan(cube))) {
      rs.next();
      int first = rs.getInt(1);
      return rs.wasNull() ? new int[] {0, 0} : new int[] {first, rs.getInt(2)};
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the month span of " + cube.factTable() + ": " + e.getMessage(), e);
    }
  }

  private List<Object[]> run(QueryPlanner.Plan plan, int levelCount, int measureCount) {
    return run(plan, levelCount, measureCount, Cancellation.none());
  }

  private List<Object[]> run(QueryPlanner.Plan plan, int levelCount, int measureCount, Cancellation cancellation) {
    int width = 3 * levelCount + measureCount;
    List<Object[]> rows = new ArrayList<>();
    try (Connection c = backend.dataSource().getConnection(); Statement st = c.createStatement()) {
      cancellation.start(st);
      try (ResultSet rs = st.executeQuery(plan.sql())) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          Object[] row = new Object[Math.max(width, columns)];
          for (int i = 0; i < columns; i++) {
            row[i] = rs.getObject(i + 1);
          }
          rows.add(row);
        }
      } finally {
        cancellation.finish();
      }
      cancellation.check();
    } catch (SQLException e) {
      if (cancellation.isCancelled()) {
        throw Cancellation.cancelledException();
      }
      throw new IllegalStateException("query failed on " + backend.name() + ": " + e.getMessage()
          + "\nSQL: " + plan.sql(), e);
    }
    return rows;
  }

  private static List<String> keyOf(Object[] row, int levels) {
    return keyOf(row, 0, levels);
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  /** Numbers as JSON likes them: integers as long, decimals exact, ratios as double. */
  static Object normalize(Object v) {
    if (v instanceof BigInteger i) {
      return i.longValue();
    }
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
          ? (Object) d.longValue() : d;
    }
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return null;
    }
    return v;
  }

  private static Set<String> tables(CubeModel model) {
    Set<String> tables = new LinkedHashSet<>();
    tables.add("dim_time_bridge");
    tables.add("dim_month");
    for (Cube c : model.cubes()) {
      tables.add(c.factTable());
      c.dimensions().forEach(d -> tables.add(d.table()));
    }
    return tables;
  }
}
