package org.telecube.warehouse.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A measure of a cube; one of {@link Stored}, {@link Derived} or {@link Across}. */
public sealed interface Measure permits Measure.Stored, Measure.Derived, Measure.Across {
  String name();

  Caption caption();

  MeasureFormat format();

  /**
   * Aggregated from a fact column.
   *
   * @param column fact column (null for COUNT and MONTHS)
   * @param filter only fact rows whose columns hold one of the listed values count
   * @param divideBy unit conversion applied after aggregation (1 for none)
   */
  record Stored(String name, Caption caption, MeasureFormat format, String column,
                Aggregate aggregate, OverTime overTime, Map<String, List<String>> filter,
                BigDecimal divideBy) implements Measure {
    public Stored {
      filter = Map.copyOf(filter);
    }
  }

  /** A formula over other measures of the same cube, evaluated after aggregation. */
  record Derived(String name, Caption caption, MeasureFormat format, String formula)
      implements Measure {
  }

  /** Another cube's measure, joined on the dimensions both cubes share (drill-across). */
  record Across(String name, Caption caption, MeasureFormat format, String cube, String measure)
      implements Measure {
  }
}
