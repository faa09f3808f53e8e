package org.telecube.warehouse.query;

import java.util.List;
import java.util.Map;

/**
 * A query's answer. {@code cells} is a flat list of records, one per cell tuple, keyed by level
 * name (member key), level name + {@code .caption} (member caption) and measure name (value);
 * {@code totals} holds subtotal and grand-total records in the same shape with rolled-up levels
 * null; {@code pivot} arranges the cells for a pivot table.
 *
 * @param truncated true when more cells existed than the limit
 */
public record CellSet(String cube, String locale, List<ResultColumn> columns,
                      List<Map<String, Object>> cells, List<Map<String, Object>> totals, Pivot pivot,
                      boolean truncated, long elapsedMillis) {
}
