package org.telecube.warehouse.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Measure;
import org.telecube.warehouse.model.MeasureFormat;

/**
 * Shapes rows into the answer: cell and total records, time-intelligence columns, the pivot and
 * the result columns. Reads rows by name through their layout; runs nothing.
 */
final class CellShaping {
  private CellShaping() {
  }

  /** The periods of a query's time levels and the first month (yyyymm) of each of their members. */
  record Periods(Map<String, Map<String, CellSet.Period>> byLevel, Map<String, Map<String, Integer>> firstMonths) {
    static final Periods NONE = new Periods(Map.of(), Map.of());
  }

  /** A record keyed by every level of {@code all} (null where {@code row} rolls it up) and the measures. */
  static Map<String, Object> record(List<ResolvedLevel> all, List<Measure> measures, ResultRow row) {
    Map<String, Object> cell = new LinkedHashMap<>();
    for (ResolvedLevel l : all) {
      boolean present = row.layout().hasLevel(l.name());
      cell.put(l.name(), present ? row.key(l.name()) : null);
      cell.put(l.name() + ".caption", present ? row.caption(l.name()) : null);
    }
    for (Measure m : measures) {
      cell.put(m.name(), normalize(row.measure(m.name())));
    }
    return cell;
  }

  /** The key of {@code row} over {@code levels}. */
  static List<String> keyOf(ResultRow row, List<ResolvedLevel> levels) {
    List<String> key = new ArrayList<>();
    levels.forEach(l -> key.add(row.key(l.name())));
    return key;
  }

  /**
   * Adds the time-intelligence columns to {@code records}, grouped by {@code levels} (the query's,
   * or a totals grouping that keeps a time level); {@code byKind} holds the rows of the plan over
   * each bridge kind (a kind without rows may be missing). A change is null when either period is partial.
   */
  static void addTimeIntelligence(ValidatedQuery q, List<ResolvedLevel> levels, List<Map<String, Object>> records,
                                  Periods periods, Map<String, List<ResultRow>> byKind) {
    ResolvedLevel time = QueryValidator.finestTime(levels);
    if (q.timeIntelligence().isEmpty() || records.isEmpty() || time == null) {
      return;
    }
    Map<String, CellSet.Period> timePeriods = periods.byLevel().getOrDefault(time.name(), Map.of());
    Map<String, Integer> starts = periods.firstMonths().getOrDefault(time.name(), Map.of());
    Map<Integer, CellSet.Period> byFirstMonth = new HashMap<>();
    timePeriods.forEach((key, period) -> {
      Integer first = starts.get(key);
      if (first != null) {
        byFirstMonth.put(first, period);
      }
    });
    Map<String, Map<List<String>, ResultRow>> indexes = new HashMap<>();
    byKind.forEach((kind, rows) -> {
      Map<List<String>, ResultRow> index = new HashMap<>();
      rows.forEach(r -> index.put(keyOf(r, levels), r));
      indexes.put(kind, index);
    });
    for (Map<String, Object> cell : records) {
      List<String> key = new ArrayList<>();
      levels.forEach(l -> key.add((String) cell.get(l.name())));
      String timeKey = (String) cell.get(time.name());
      CellSet.Period period = timePeriods.get(timeKey);
      Integer first = starts.get(timeKey);
      for (TimeIntelligence ti : q.timeIntelligence()) {
        ResultRow other = indexes.getOrDefault(ti.bridgeKind(), Map.of()).get(key);
        boolean partial = period != null && period.partial();
        if (ti.isChange() && first != null && period != null) {
          // the period the change compares with: the one before, or the same one a year earlier
          int back = ti == TimeIntelligence.PREVIOUS_PERIOD_CHANGE ? period.monthsInPeriod() : 12;
          CellSet.Period base = byFirstMonth.get(monthsBefore(first, back));
          partial |= base != null && base.partial();
        }
        for (Measure measure : q.measures()) {
          Object otherValue = other == null ? null : normalize(other.measure(measure.name()));
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
  static Object change(Measure measure, Object value, Object base) {
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

  /** The periods of the time members that occur in the answer, in level then key order. */
  static List<CellSet.Period> periodsIn(Periods periods, List<Map<String, Object>> cells,
                                        List<Map<String, Object>> totals) {
    Set<CellSet.Period> out = new TreeSet<>(Comparator.comparing(CellSet.Period::level)
        .thenComparing(CellSet.Period::key));
    for (List<Map<String, Object>> records : List.of(cells, totals)) {
      for (Map<String, Object> record : records) {
        periods.byLevel().forEach((level, byKey) -> {
          Object key = record.get(level);
          if (key != null && byKey.containsKey(key)) {
            out.add(byKey.get(key));
          }
        });
      }
    }
    return List.copyOf(out);
  }

  static Pivot pivot(ValidatedQuery q, List<ResultRow> rows, List<Map<String, Object>> cells) {
    List<String> measures = q.measures().stream().map(Measure::name).toList();
    List<ResolvedLevel> rowLevels = q.rows();
    List<ResolvedLevel> columnLevels = q.columns();
    Map<List<String>, List<MemberRef>> rowTuples = new LinkedHashMap<>();
    Map<List<String>, List<MemberRef>> columnTuples = new LinkedHashMap<>();
    Map<List<String>, List<Comparable<Object>>> columnSort = new HashMap<>();
    for (ResultRow row : rows) {
      rowTuples.putIfAbsent(keyOf(row, rowLevels), tuple(row, rowLevels));
      List<String> columnKey = keyOf(row, columnLevels);
      columnTuples.putIfAbsent(columnKey, tuple(row, columnLevels));
      columnSort.putIfAbsent(columnKey, sortKey(row, columnLevels));
    }
    // column tuples follow member order, whatever order the rows were sorted in
    List<List<String>> columnOrder = new ArrayList<>(columnTuples.keySet());
    columnOrder.sort((a, b) -> compare(columnSort.get(a), columnSort.get(b)));
    Map<List<String>, Integer> rowIndex = indexOf(rowTuples.keySet());
    Map<List<String>, Integer> columnIndex = indexOf(columnOrder);
    List<List<Object>> values = new ArrayList<>();
    for (int r = 0; r < rowTuples.size(); r++) {
      values.add(new ArrayList<>(Collections.nCopies(columnOrder.size() * measures.size(), null)));
    }
    for (int i = 0; i < rows.size(); i++) {
      int r = rowIndex.get(keyOf(rows.get(i), rowLevels));
      int c = columnIndex.get(keyOf(rows.get(i), columnLevels));
      for (int m = 0; m < measures.size(); m++) {
        values.get(r).set(c * measures.size() + m, cells.get(i).get(measures.get(m)));
      }
    }
    return new Pivot(rowLevels.stream().map(ResolvedLevel::name).toList(),
        columnLevels.stream().map(ResolvedLevel::name).toList(), measures,
        List.copyOf(rowTuples.values()), columnOrder.stream().map(columnTuples::get).toList(), values);
  }

  @SuppressWarnings("unchecked")
  private static List<Comparable<Object>> sortKey(ResultRow row, List<ResolvedLevel> levels) {
    List<Comparable<Object>> key = new ArrayList<>();
    levels.forEach(l -> key.add((Comparable<Object>) row.order(l.name())));
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

  private static List<MemberRef> tuple(ResultRow row, List<ResolvedLevel> levels) {
    List<MemberRef> tuple = new ArrayList<>();
    levels.forEach(l -> tuple.add(new MemberRef(row.key(l.name()), row.caption(l.name()))));
    return tuple;
  }

  private static Map<List<String>, Integer> indexOf(Iterable<List<String>> keys) {
    Map<List<String>, Integer> index = new HashMap<>();
    for (List<String> k : keys) {
      index.put(k, index.size());
    }
    return index;
  }

  static List<ResultColumn> columns(ValidatedQuery q) {
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
}
