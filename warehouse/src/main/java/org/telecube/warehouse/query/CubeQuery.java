package org.telecube.warehouse.query;

import java.util.List;

/**
 * A cube query as a client states it. Levels are named {@code dimension.level}
 * (e.g. {@code region.province}); drill-down, roll-up, slice, dice and pivot are all queries.
 *
 * @param measures measure names of the cube
 * @param rows levels on the row axis, outermost first
 * @param columns levels on the column axis, outermost first
 * @param filters slices (members) and dices (time ranges)
 * @param order sort keys (measure or level names); default: row then column levels in their order
 * @param limit at most this many cells rows (null: the engine's cap)
 * @param locale zh-CN (default) or en, for member captions
 * @param totals also return subtotals and grand totals
 * @param timeIntelligence extra columns per measure: previous period, same period last year,
 *     their changes, year to date
 */
public record CubeQuery(String cube, List<String> measures, List<String> rows, List<String> columns,
                        List<LevelFilter> filters, List<OrderKey> order, Integer limit, String locale,
                        boolean totals, List<String> timeIntelligence) {
  public CubeQuery {
    measures = measures == null ? List.of() : List.copyOf(measures);
    rows = rows == null ? List.of() : List.copyOf(rows);
    columns = columns == null ? List.of() : List.copyOf(columns);
    filters = filters == null ? List.of() : List.copyOf(filters);
    order = order == null ? List.of() : List.copyOf(order);
    timeIntelligence = timeIntelligence == null ? List.of() : List.copyOf(timeIntelligence);
  }

  /** A query with only measures and row levels, for code and tests. */
  public static CubeQuery of(String cube, List<String> measures, List<String> rows) {
    return new CubeQuery(cube, measures, rows, List.of(), List.of(), List.of(), null, null, false, List.of());
  }

  public CubeQuery withFilters(List<LevelFilter> newFilters) {
    return new CubeQuery(cube, measures, rows, columns, newFilters, order, limit, locale, totals, timeIntelligence);
  }

  public CubeQuery withColumns(List<String> newColumns) {
    return new CubeQuery(cube, measures, rows, newColumns, filters, order, limit, locale, totals, timeIntelligence);
  }

  public CubeQuery withLocale(String newLocale) {
    return new CubeQuery(cube, measures, rows, columns, filters, order, limit, newLocale, totals, timeIntelligence);
  }

  public CubeQuery withTotals(boolean newTotals) {
    return new CubeQuery(cube, measures, rows, columns, filters, order, limit, locale, newTotals, timeIntelligence);
  }

  public CubeQuery withTimeIntelligence(List<String> kinds) {
    return new CubeQuery(cube, measures, rows, columns, filters, order, limit, locale, totals, kinds);
  }

  public CubeQuery withOrder(List<OrderKey> newOrder, Integer newLimit) {
    return new CubeQuery(cube, measures, rows, columns, filters, newOrder, newLimit, locale, totals, timeIntelligence);
  }
}
