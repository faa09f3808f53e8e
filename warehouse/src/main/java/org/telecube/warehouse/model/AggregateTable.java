package org.telecube.warehouse.model;

import java.util.List;

/**
 * A pre-aggregated copy of a cube's fact, declared in the model ({@code aggregates:}): one row per
 * month and combination of the foreign keys of {@code dimensions}, with one {@code m_<measure>}
 * column per measure it stores and {@code row_count}. Every aggregate is at month grain; it holds
 * the cube's time column whether or not {@code time} is listed.
 *
 * @param name the aggregate's name within its cube
 * @param table {@code agg_<cube>_<name>}
 * @param dimensions names of the cube's dimension usages it keeps (their foreign keys)
 */
public record AggregateTable(String name, String table, List<String> dimensions) {
  /** The column counting the fact rows behind each aggregate row. */
  public static final String ROW_COUNT = "row_count";

  public AggregateTable {
    dimensions = List.copyOf(dimensions);
  }

  /**
   * True when the aggregate holds {@code m}'s monthly partial values: sums and counts add up across
   * the rows it merged. Distinct counts do not (a subscriber counted in two rows is one subscriber).
   * This is the one place that decides which measures an aggregate stores.
   */
  public static boolean stores(Measure.Stored m) {
    return m.aggregate() == Aggregate.SUM || m.aggregate() == Aggregate.COUNT;
  }

  /**
   * True when an aggregate can answer {@code m}: the ones it stores, and the month count, which
   * needs only the month column it always keeps.
   */
  public static boolean answers(Measure.Stored m) {
    return stores(m) || m.aggregate() == Aggregate.MONTHS;
  }

  /** The aggregate's column holding {@code m}'s partial values. */
  public static String column(Measure.Stored m) {
    return "m_" + m.name();
  }

  /** True when the aggregate keeps {@code usage}'s foreign key (time: always, at month grain). */
  public boolean keeps(DimensionUsage usage) {
    return usage.dimension().time() || dimensions.contains(usage.name());
  }
}
