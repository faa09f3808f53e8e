package org.telecube.warehouse.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Formula;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Level;
import org.telecube.warehouse.model.Measure;

/**
 * Checks a {@link CubeQuery} against the model and resolves its names. Every failure is a
 * {@link QueryException} naming the field; nothing here touches the database.
 */
final class QueryValidator {
  static final int MAX_ROWS = 50_000;

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  private static final Pattern DAY = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");

  private final CubeModel model;

  QueryValidator(CubeModel model) {
    this.model = model;
  }

  Cube cube(String name, String field) {
    if (name == null || name.isBlank()) {
      throw new QueryException(field, "missing_cube", "name a cube: one of " + cubeNames(), cubeNames());
    }
    return model.cube(name).orElseThrow(() -> new QueryException(field, "unknown_cube",
        "unknown cube \"" + name + "\": one of " + cubeNames(), name, cubeNames()));
  }

  ValidatedQuery validate(CubeQuery q) {
    Cube cube = cube(q.cube(), "cube");
    Language language = Language.parse(q.locale()).orElseThrow(() -> new QueryException("locale",
        "unknown_locale", "unknown locale \"" + q.locale() + "\": zh-CN or en", q.locale()));
    if (q.measures().isEmpty()) {
      throw new QueryException("measures", "missing_measures", "name at least one measure of cube "
          + cube.name() + ": " + measureNames(cube), cube.name(), measureNames(cube));
    }
    List<Measure> measures = new ArrayList<>();
    for (int i = 0; i < q.measures().size(); i++) {
      String name = q.measures().get(i);
      String field = "measures[" + i + "]";
      Measure m = cube.measure(name).orElseThrow(() -> new QueryException(field, "unknown_measure",
          "unknown measure \"" + name + "\" of cube " + cube.name() + ": one of " + measureNames(cube), name,
          cube.name(), measureNames(cube)));
      if (measures.contains(m)) {
        throw new QueryException(field, "duplicate_measure", "measure " + name + " is named twice", name);
      }
      measures.add(m);
    }
    List<ResolvedLevel> rows = levels(cube, q.rows(), "rows");
    List<ResolvedLevel> columns = levels(cube, q.columns(), "columns");
    Set<String> seen = new HashSet<>();
    for (ResolvedLevel l : concat(rows, columns)) {
      if (!seen.add(l.name())) {
        throw new QueryException("columns", "duplicate_level", "level " + l.name() + " is on the axes twice",
            l.name());
      }
    }
    List<ResolvedFilter> filters = new ArrayList<>();
    for (int i = 0; i < q.filters().size(); i++) {
      filters.add(filter(cube, q.filters().get(i), "filters[" + i + "]"));
    }
    List<OrderKey> order = new ArrayList<>();
    for (int i = 0; i < q.order().size(); i++) {
      OrderKey key = q.order().get(i);
      String by = key == null ? null : key.by();
      boolean known = by != null && (cube.measure(by).filter(measures::contains).isPresent()
          || concat(rows, columns).stream().anyMatch(l -> l.name().equals(by)));
      if (!known) {
        throw new QueryException("order[" + i + "].by", "unknown_order_key",
            "order by \"" + by + "\": name a requested measure or a level on the axes", by);
      }
      order.add(key);
    }
    int limit = q.limit() == null ? MAX_ROWS : q.limit();
    if (limit < 1 || limit > MAX_ROWS) {
      throw new QueryException("limit", "bad_limit", "limit must be between 1 and " + MAX_ROWS, MAX_ROWS);
    }
    List<TimeIntelligence> ti = new ArrayList<>();
    for (int i = 0; i < q.timeIntelligence().size(); i++) {
      String code = q.timeIntelligence().get(i);
      TimeIntelligence t = TimeIntelligence.parse(code).orElseThrow(() -> new QueryException(
          "timeIntelligence", "unknown_time_intelligence", "unknown time intelligence \"" + code
          + "\": one of " + java.util.Arrays.stream(TimeIntelligence.values()).map(TimeIntelligence::code).toList(), code,
          String.join(", ", java.util.Arrays.stream(TimeIntelligence.values()).map(TimeIntelligence::code).toList())));
      ti.add(t);
    }
    if (!ti.isEmpty()) {
      ResolvedLevel grain = finestTime(concat(rows, columns));
      if (grain == null) {
        throw new QueryException("timeIntelligence", "time_level_required",
            "time intelligence needs a time level (year, quarter or month) on rows or columns");
      }
      if (grain.level().name().equals("day")) {
        throw new QueryException("timeIntelligence", "unsupported_grain",
            "time intelligence works on year, quarter and month, not day");
      }
    }
    checkAcrossGrain(cube, measures, rows, columns, filters);
    return new ValidatedQuery(cube, language, rows, columns, List.copyOf(measures), filters, order,
        limit, q.totals(), List.copyOf(ti));
  }

  /**
   * A measure brought across from another cube is joined on the time levels both cubes have; one
   * the other cube lacks (the subscriber base has months, not days) would be silently dropped and
   * the measure taken over the wrong period, so such a level is refused, naming where it is used.
   */
  private void checkAcrossGrain(Cube cube, List<Measure> measures, List<ResolvedLevel> rows,
                                List<ResolvedLevel> columns, List<ResolvedFilter> filters) {
    for (Measure m : measures) {
      List<Measure.Across> across = new ArrayList<>();
      collectAcross(cube, m, across, new HashSet<>());
      for (Measure.Across a : across) {
        Cube other = model.cube(a.cube()).orElseThrow();
        for (int i = 0; i < rows.size(); i++) {
          checkGrain(m, a, other, rows.get(i), "rows[" + i + "]");
        }
        for (int i = 0; i < columns.size(); i++) {
          checkGrain(m, a, other, columns.get(i), "columns[" + i + "]");
        }
        for (int i = 0; i < filters.size(); i++) {
          checkGrain(m, a, other, filters.get(i).level(), "filters[" + i + "].level");
          ResolvedLevel level = filters.get(i).level();
          if (other.dimension(level.usage().name()).flatMap(u -> u.level(level.level().name())).isEmpty()) {
            throw filterNotApplicable(i, level, other);
          }
        }
      }
    }
  }

  private static void collectAcross(Cube cube, Measure m, List<Measure.Across> out, Set<String> seen) {
    if (!seen.add(m.name())) {
      return;
    }
    if (m instanceof Measure.Across a) {
      out.add(a);
    } else if (m instanceof Measure.Derived d) {
      for (String ref : Formula.parse(d.formula()).measureNames()) {
        cube.measure(ref).ifPresent(r -> collectAcross(cube, r, out, seen));
      }
    }
  }

  private static void checkGrain(Measure asked, Measure.Across a, Cube other, ResolvedLevel level, String field) {
    if (!level.isTime() || other.dimension(level.usage().name()).flatMap(u -> u.level(level.level().name())).isPresent()) {
      return;
    }
    String available = other.dimension(level.usage().name())
        .map(u -> u.levels().stream().map(l -> u.name() + "." + l.name()).toList().toString()).orElse("none");
    String what = asked == a ? "measure " + a.name() + " comes" : "measure " + asked.name() + " needs " + a.name();
    throw new QueryException(field, "measure_not_at_level", what + " from cube " + a.cube()
        + ", which has no level " + level.name() + "; use one of " + available,
        asked.name(), a.cube(), level.name(), available);
  }

  /**
   * A filter a cube brought across cannot apply: its measure would be taken over more than the
   * filter lets through, so the query is refused rather than the filter dropped.
   */
  static QueryException filterNotApplicable(int index, ResolvedLevel level, Cube other) {
    String field = "filters[" + index + "]";
    return new QueryException(field, "filter_not_applicable", field + " on " + level.name()
        + " cannot apply to cube " + other.name() + ", which has no such level; its measures would ignore it",
        field, level.name(), other.name());
  }

  /** The finest time level among {@code levels}, or null. */
  static ResolvedLevel finestTime(List<ResolvedLevel> levels) {
    ResolvedLevel finest = null;
    for (ResolvedLevel l : levels) {
      if (l.isTime() && (finest == null
          || l.usage().levels().indexOf(l.level()) > finest.usage().levels().indexOf(finest.level()))) {
        finest = l;
      }
    }
    return finest;
  }

  ResolvedLevel level(Cube cube, String qualified, String field) {
    if (qualified == null || !qualified.contains(".")) {
      throw new QueryException(field, "bad_level", "name a level as dimension.level, e.g. region.province; got \""
          + qualified + "\"", qualified);
    }
    String[] parts = qualified.split("\\.", 2);
    DimensionUsage usage = cube.dimension(parts[0]).orElseThrow(() -> new QueryException(field,
        "unknown_dimension", "cube " + cube.name() + " has no dimension \"" + parts[0] + "\": one of "
        + cube.dimensions().stream().map(DimensionUsage::name).toList(), parts[0], cube.name(),
        String.join(", ", cube.dimensions().stream().map(DimensionUsage::name).toList())));
    Level level = usage.level(parts[1]).orElseThrow(() -> new QueryException(field, "unknown_level",
        "dimension " + usage.name() + " of cube " + cube.name() + " has no level \"" + parts[1]
        + "\": one of " + usage.levels().stream().map(Level::name).toList(), parts[1], cube.name(), usage.name(),
        String.join(", ", usage.levels().stream().map(Level::name).toList())));
    return new ResolvedLevel(usage, level);
  }

  private List<ResolvedLevel> levels(Cube cube, List<String> names, String field) {
    List<ResolvedLevel> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(level(cube, names.get(i), field + "[" + i + "]"));
    }
    return out;
  }

  private ResolvedFilter filter(Cube cube, LevelFilter f, String field) {
    if (f == null) {
      throw new QueryException(field, "bad_filter", "empty filter");
    }
    ResolvedLevel level = level(cube, f.level(), field + ".level");
    boolean range = f.from() != null || f.to() != null;
    if (f.members().isEmpty() && !range) {
      throw new QueryException(field, "bad_filter", "a filter needs members, or from/to on a time level");
    }
    if (!f.members().isEmpty() && range) {
      throw new QueryException(field, "bad_filter", "give members or a from/to range, not both");
    }
    if (range && !level.isTime()) {
      throw new QueryException(field + ".from", "range_on_non_time_level",
          "from/to ranges apply to time levels only; " + level.name() + " takes members", level.name());
    }
    if (level.isTime()) {
      checkTimeKey(level, f.from(), field + ".from");
      checkTimeKey(level, f.to(), field + ".to");
      for (int i = 0; i < f.members().size(); i++) {
        checkTimeKey(level, f.members().get(i), field + ".members[" + i + "]");
      }
      if (f.from() != null && f.to() != null && f.from().compareTo(f.to()) > 0) {
        throw new QueryException(field + ".to", "bad_range", "range ends (" + f.to() + ") before it starts (" + f.from() + ")", f.from(),
            f.to());
      }
    }
    for (int i = 0; i < f.members().size(); i++) {
      if (f.members().get(i) == null || f.members().get(i).isBlank()) {
        throw new QueryException(field + ".members[" + i + "]", "bad_member", "empty member key");
      }
      checkKey(f.members().get(i), field + ".members[" + i + "]");
    }
    return new ResolvedFilter(level, f.members(), f.from(), f.to());
  }

  /**
   * A member key never holds a control character; a NUL would even cut the SQL short. Any other
   * character (Chinese, emoji, marks) is fine: such a key is looked up like any other.
   */
  static void checkKey(String key, String field) {
    for (int i = 0; i < key.length(); i++) {
      if (Character.getType(key.charAt(i)) == Character.CONTROL) {
        throw new QueryException(field, "control_character", String.format(java.util.Locale.ROOT,
            "member key holds a control character (U+%04X at position %d); no key has one", (int) key.charAt(i), i),
            field);
      }
    }
  }

  private static void checkTimeKey(ResolvedLevel level, String value, String field) {
    if (value == null) {
      return;
    }
    String name = level.level().name();
    Pattern p;
    String expected;
    switch (name) {
      case "year" -> { p = YEAR; expected = "YYYY"; }
      case "quarter" -> { p = QUARTER; expected = "YYYY-Qn"; }
      case "month" -> { p = MONTH; expected = "YYYY-MM"; }
      default -> { p = DAY; expected = "YYYY-MM-DD"; }
    }
    boolean ok = p.matcher(value).matches();
    if (ok && name.equals("day")) {
      try {
        java.time.LocalDate.parse(value);
      } catch (java.time.format.DateTimeParseException e) {
        ok = false;
      }
    }
    if (!ok) {
      throw new QueryException(field, "bad_date", "bad " + name + " \"" + value + "\" (expected " + expected + ")", value,
          expected);
    }
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private String cubeNames() {
    return model.cubes().stream().map(Cube::name).collect(Collectors.joining(", "));
  }

  private static String measureNames(Cube cube) {
    return cube.measures().stream().map(Measure::name).collect(Collectors.joining(", "));
  }
}
