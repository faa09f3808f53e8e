package org.telecube.warehouse.query;

import java.util.List;
import java.util.Map;

/**
 * A query's answer. {@code cells} is a flat list of records, one per cell tuple, keyed by level
 * name (member key), level name + {@code .caption} (member caption) and measure name (value);
 * {@code totals} holds subtotal and grand-total records in the same shape with rolled-up levels
 * null; {@code pivot} arranges the cells for a pivot table.
 *
 * @param periods the time members of the answer and how many of their months hold data: a
 *     partial period (the first year of data holding one month) must not be read as a whole one
 * @param truncated true when more cells existed than the limit
 */
public record CellSet(String cube, String locale, List<ResultColumn> columns,
                      List<Map<String, Object>> cells, List<Map<String, Object>> totals, Pivot pivot,
                      boolean truncated, long elapsedMillis, List<Period> periods) {
  public CellSet {
    columns = List.copyOf(columns);
    cells = records(cells);
    totals = records(totals);
    periods = periods == null ? List.of() : List.copyOf(periods);
  }

  /** Unmodifiable records in their key order; values may be null, so not {@code Map.copyOf}. */
  private static List<Map<String, Object>> records(List<Map<String, Object>> records) {
    return records == null ? List.of() : records.stream()
        .map(r -> java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(r))).toList();
  }

  public CellSet(String cube, String locale, List<ResultColumn> columns, List<Map<String, Object>> cells,
                 List<Map<String, Object>> totals, Pivot pivot, boolean truncated, long elapsedMillis) {
    this(cube, locale, columns, cells, totals, pivot, truncated, elapsedMillis, List.of());
  }

  /**
   * A time member of the answer.
   *
   * @param level e.g. {@code time.year}
   * @param key the member key, as in the cells
   * @param monthsWithData months of the period within the cube's loaded months
   * @param monthsInPeriod months the period spans (12 for a year)
   * @param partial true when some but not all of its months hold data
   */
  public record Period(String level, String key, int monthsWithData, int monthsInPeriod, boolean partial) {
  }
}
