package org.telecube.etl.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.telecube.warehouse.model.AggregateTable;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Formula;
import org.telecube.warehouse.model.Level;
import org.telecube.warehouse.model.Measure;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.Explain;
import org.telecube.warehouse.query.LevelFilter;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.QueryException;

/**
 * Questions every declared aggregate table can answer, generated from the model: per cube and
 * aggregate, the grand total, every level the aggregate keeps (with totals), pairs of them as rows
 * and columns, filters on kept levels, month ranges, time intelligence, over-time measures
 * (FIRST/LAST/AVERAGE) and ratios. Each is answered by an engine with aggregates and one without,
 * and the two answers must be the same cells and totals; the one with aggregates must have read
 * an aggregate table for its cube.
 */
public final class AggregateBattery {
  private AggregateBattery() {
  }

  /** A named question of a cube that one of its aggregates can answer. */
  public record Question(String name, Cube cube, CubeQuery query) {
  }

  /**
   * The questions for every cube of {@code model} with aggregates: per level any of its aggregates
   * keeps (asked once, whichever aggregate answers it), pairs of one aggregate's levels as rows and
   * columns, filters on them, month ranges and time intelligence.
   *
   * @param full every kept level, pair and filter; else a handful per aggregate (for slower backends)
   */
  public static List<Question> questions(CubeModel model, QueryEngine engine, boolean full) {
    List<Question> out = new ArrayList<>();
    for (Cube cube : model.cubes()) {
      if (cube.aggregates().isEmpty()) {
        continue;
      }
      List<String> measures = representative(cube);
      List<String> local = measures.stream().filter(m -> !acrossInside(cube, cube.measure(m).orElseThrow())).toList();
      Map<String, CubeQuery> asked = new LinkedHashMap<>();
      asked.put("grand total", CubeQuery.of(cube.name(), measures, List.of()));
      for (AggregateTable a : cube.aggregates()) {
        List<String> levels = keptLevels(cube, a, full);
        List<String> nonTime = levels.stream().filter(l -> !l.startsWith("time.")).toList();
        List<String> single = full ? levels : List.of(nonTime.get(nonTime.size() - 1));
        for (String level : single) {
          asked.putIfAbsent(level, CubeQuery.of(cube.name(), measures, List.of(level)).withTotals(true));
        }
        for (int i = 0; i + 1 < nonTime.size(); i++) {
          String row = nonTime.get(i);
          String column = nonTime.get(i + 1);
          if (!dimension(row).equals(dimension(column)) && (full || i + 2 == nonTime.size())) {
            asked.putIfAbsent(row + " x " + column, CubeQuery.of(cube.name(), measures, List.of(row))
                .withColumns(List.of(column)).withTotals(true));
          }
        }
        List<String> filtered = full ? coarsest(nonTime) : List.of(nonTime.get(nonTime.size() - 1));
        for (String level : filtered) {
          List<String> keys = engine.members(cube.name(), level, null, "en").members().stream().limit(2)
              .map(MemberRef::key).toList();
          if (!keys.isEmpty()) {
            asked.putIfAbsent(level + " in " + keys + " by year", CubeQuery.of(cube.name(), local, List.of("time.year"))
                .withTotals(true).withFilters(List.of(LevelFilter.members(level, keys.toArray(String[]::new)))));
          }
        }
      }
      asked.put("region.province x time.quarter", CubeQuery.of(cube.name(), measures, List.of("region.province"))
          .withColumns(List.of("time.quarter")).withTotals(true));
      asked.put("time.month range", CubeQuery.of(cube.name(), measures, List.of("region.macro_region"))
          .withFilters(List.of(LevelFilter.range("time.month", "2025-03", "2025-08"))));
      asked.put("time.month mom yoy", CubeQuery.of(cube.name(), measures, List.of("time.month"))
          .withTimeIntelligence(List.of("previous_period_change", "same_period_last_year_change")));
      asked.put("region.macro_region x time.quarter ytd", CubeQuery.of(cube.name(), measures,
              List.of("region.macro_region")).withColumns(List.of("time.quarter"))
          .withTimeIntelligence(List.of("year_to_date", "previous_period")).withTotals(true));
      asked.forEach((name, query) -> out.add(new Question(cube.name() + ": " + name, cube, query)));
    }
    return out;
  }

  /** Asks {@code q} of both engines; the answers must match and the first must have read an aggregate. */
  public static void check(Question q, QueryEngine withAggregates, QueryEngine withoutAggregates) {
    try {
      withoutAggregates.explain(q.query());
    } catch (QueryException refused) {
      // a backend without the capability refuses either way, for the same reason
      assertThatThrownBy(() -> withAggregates.execute(q.query())).as(q.name())
          .isInstanceOfSatisfying(QueryException.class, e -> assertThat(e.code()).isEqualTo(refused.code()));
      return;
    }
    Explain explain = withAggregates.explain(q.query());
    Explain.Source main = explain.statements().stream().filter(s -> s.purpose().equals("main"))
        .flatMap(s -> s.tables().stream()).filter(t -> t.cube().equals(q.cube().name())).findFirst().orElseThrow();
    assertThat(main.table()).as(q.name() + ": the table read").startsWith("agg_" + q.cube().name() + "_");
    assertThat(withoutAggregates.explain(q.query()).statements()).as(q.name())
        .flatExtracting(Explain.Statement::tables).allSatisfy(t -> assertThat(t.table()).doesNotStartWith("agg_"));
    CellSet routed = withAggregates.execute(q.query());
    CellSet base = withoutAggregates.execute(q.query());
    if (q.query().filters().isEmpty()) {
      assertThat(base.cells()).as(q.name() + ": the base answer is not empty").isNotEmpty();
    }
    assertThat(routed.columns()).as(q.name()).isEqualTo(base.columns());
    assertSame(q.name() + " cells", routed.cells(), base.cells());
    assertSame(q.name() + " totals", routed.totals(), base.totals());
  }

  /** Same records, same keys, same values; doubles (sums of doubles in another order, ratios) to 1e-9. */
  static void assertSame(String what, List<Map<String, Object>> actual, List<Map<String, Object>> expected) {
    assertThat(actual).as(what + ": rows").hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      Map<String, Object> a = actual.get(i);
      Map<String, Object> e = expected.get(i);
      assertThat(a.keySet()).as(what + "[" + i + "]").containsExactlyElementsOf(e.keySet());
      for (String key : e.keySet()) {
        Object x = a.get(key);
        Object y = e.get(key);
        if (x instanceof Double dx && y instanceof Double dy) {
          assertThat(Math.abs(dx - dy)).as(what + "[" + i + "]." + key + ": " + dx + " vs " + dy)
              .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(dy)));
        } else {
          assertThat(x).as(what + "[" + i + "]." + key + " (" + e + ")").isEqualTo(y);
          assertThat(x == null ? null : x.getClass()).as(what + "[" + i + "]." + key + " type")
              .isEqualTo(y == null ? null : y.getClass());
        }
      }
    }
  }

  /**
   * The cube's measures an aggregate can answer (sums, counts, month counts, across and formulas
   * over them), one stored measure per kind (aggregate, over time, filtered or not, format) and
   * every formula: the others are the same SQL over another column.
   */
  static List<String> representative(Cube cube) {
    List<String> out = new ArrayList<>();
    java.util.Set<String> kinds = new java.util.HashSet<>();
    for (Measure m : cube.measures()) {
      if (!answerable(cube, m)) {
        continue;
      }
      if (m instanceof Measure.Stored s
          && !kinds.add(s.aggregate() + "/" + s.overTime() + "/" + s.filter().isEmpty() + "/" + s.format())) {
        continue;
      }
      out.add(m.name());
    }
    return out;
  }

  /** True when {@code m} is or uses a measure brought across from another cube. */
  private static boolean acrossInside(Cube cube, Measure m) {
    if (m instanceof Measure.Across) {
      return true;
    }
    return m instanceof Measure.Derived d && Formula.parse(d.formula()).measureNames().stream()
        .anyMatch(ref -> acrossInside(cube, cube.measure(ref).orElseThrow()));
  }

  /** The first (coarsest) level of each dimension among {@code levels}. */
  private static List<String> coarsest(List<String> levels) {
    Map<String, String> out = new LinkedHashMap<>();
    levels.forEach(l -> out.putIfAbsent(dimension(l), l));
    return List.copyOf(out.values());
  }

  private static boolean answerable(Cube cube, Measure m) {
    if (m instanceof Measure.Stored s) {
      return AggregateTable.answers(s);
    }
    if (m instanceof Measure.Derived d) {
      return Formula.parse(d.formula()).measureNames().stream()
          .allMatch(ref -> answerable(cube, cube.measure(ref).orElseThrow()));
    }
    return true;
  }

  /** {@code dim.level} of every level the aggregate keeps (time: year, quarter, month). */
  private static List<String> keptLevels(Cube cube, AggregateTable a, boolean full) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (DimensionUsage u : cube.dimensions()) {
      if (!a.keeps(u)) {
        continue;
      }
      List<Level> levels = u.levels().stream().filter(l -> !(u.dimension().time() && Objects.equals(l.name(), "day")))
          .toList();
      if (!full && levels.size() > 2) {
        levels = List.of(levels.get(0), levels.get(levels.size() - 1));
      }
      levels.forEach(l -> out.put(u.name() + "." + l.name(), true));
    }
    return List.copyOf(out.keySet());
  }

  private static String dimension(String level) {
    return level.substring(0, level.indexOf('.'));
  }
}
