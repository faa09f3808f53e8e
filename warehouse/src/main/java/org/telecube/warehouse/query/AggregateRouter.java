package org.telecube.warehouse.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.telecube.warehouse.model.AggregateTable;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.model.Level;
import org.telecube.warehouse.model.Measure;
import org.telecube.warehouse.schema.AggregateTables;

/**
 * Picks the table that answers one cube's part of a plan: the smallest of the cube's aggregate
 * tables that keeps every dimension the plan touches (levels, filters, the scope) and stores every
 * measure it needs, else the fact. Smallest is fewest key columns, then declaration order: a
 * static choice, so explain shows what execute runs without reading the database.
 */
final class AggregateRouter {
  private final CalciteCatalog catalog;
  private final boolean enabled;

  AggregateRouter(CalciteCatalog catalog, boolean enabled) {
    this.catalog = catalog;
    this.enabled = enabled;
  }

  AggregateRouter disabled() {
    return new AggregateRouter(catalog, false);
  }

  boolean enabled() {
    return enabled;
  }

  /**
   * The table for {@code cube}'s part of a plan grouping by {@code levels}, filtered by
   * {@code filters} (the scope's included) and aggregating {@code stored}.
   *
   * @param bridged true when time intelligence joins time through the bridge on the month column
   */
  Route route(Cube cube, List<ResolvedLevel> levels, List<ResolvedFilter> filters, Collection<DimensionUsage> used,
              List<Measure.Stored> stored, Language language, boolean bridged) {
    List<String> rejected = new ArrayList<>();
    AggregateTable best = null;
    int bestKeys = Integer.MAX_VALUE;
    for (AggregateTable a : cube.aggregates()) {
      String why = whyNot(cube, a, levels, filters, used, stored, language, bridged);
      if (why != null) {
        rejected.add(a.table() + ": " + why);
        continue;
      }
      int keys = AggregateTables.keys(cube, a).size();
      if (keys < bestKeys) {
        if (best != null) {
          rejected.add(best.table() + ": larger than " + a.table());
        }
        best = a;
        bestKeys = keys;
      } else {
        rejected.add(a.table() + ": larger than " + best.table());
      }
    }
    return new Route(cube, best, rejected);
  }

  /** Why {@code a} cannot answer, or null when it can. */
  private String whyNot(Cube cube, AggregateTable a, List<ResolvedLevel> levels, List<ResolvedFilter> filters,
                        Collection<DimensionUsage> used, List<Measure.Stored> stored, Language language,
                        boolean bridged) {
    if (!enabled) {
      return "aggregates off";
    }
    if (!catalog.has(a.table())) {
      return "not in this warehouse";
    }
    for (Measure.Stored m : stored) {
      if (!AggregateTable.answers(m)) {
        return m.aggregate().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + m.name();
      }
    }
    for (DimensionUsage u : used) {
      if (!a.keeps(u)) {
        return "no dimension " + u.name();
      }
    }
    if (!bridged) {
      List<ResolvedLevel> time = new ArrayList<>();
      levels.stream().filter(ResolvedLevel::isTime).forEach(time::add);
      filters.stream().map(ResolvedFilter::level).filter(ResolvedLevel::isTime).forEach(time::add);
      for (ResolvedLevel l : time) {
        if (!readsFromMonths(cube, l, language)) {
          return "level " + l.name() + " finer than month";
        }
      }
    }
    return null;
  }

  /** True when the month calendar holds what {@code level} shows (key, caption, order), or the cube's time is monthly. */
  private boolean readsFromMonths(Cube cube, ResolvedLevel level, Language language) {
    if (level.usage().foreignKey().equals(cube.timeColumn())) {
      return true;
    }
    Set<String> months = catalog.columnNames(MONTHS);
    Level l = level.level();
    return months.contains(l.keyColumn().toLowerCase(Locale.ROOT))
        && months.contains(l.captionColumn(language).toLowerCase(Locale.ROOT))
        && months.contains(l.orderColumn().toLowerCase(Locale.ROOT));
  }

  static final String MONTHS = "dim_month";

  /**
   * The table a cube's part of a plan reads.
   *
   * @param aggregate the aggregate chosen, or null for the fact
   * @param rejected per aggregate not chosen, why ({@code agg_x: no dimension customer_type})
   */
  record Route(Cube cube, AggregateTable aggregate, List<String> rejected) {
    Route {
      rejected = List.copyOf(rejected);
    }

    String table() {
      return aggregate == null ? cube.factTable() : aggregate.table();
    }

    boolean routed() {
      return aggregate != null;
    }

    /** True when the cube's time joins the month calendar on the month column instead of its daily key. */
    boolean timeByMonth(DimensionUsage usage) {
      return routed() && usage.dimension().time() && !usage.foreignKey().equals(cube.timeColumn());
    }

    Explain.Source source() {
      return new Explain.Source(cube.name(), table(), rejected);
    }
  }
}
