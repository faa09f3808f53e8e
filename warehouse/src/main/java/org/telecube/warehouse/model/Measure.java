package org.telecube.warehouse.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** A measure of a cube; one of {@link Stored}, {@link Derived} or {@link Across}. */
public sealed interface Measure permits Measure.Stored, Measure.Derived, Measure.Across {
  String name();

  Caption caption();

  MeasureFormat format();

  /** How the measure is read: whether more is good, and how a change over time is shown. */
  Reading reading();

  /** True when a rise is good news (revenue), false when it is bad (churn, arrears, complaints). */
  default boolean higherIsBetter() {
    return reading().higherIsBetter();
  }

  /** How a change against another period is computed and shown. */
  default Change change() {
    return reading().change();
  }

  /**
   * A change as a ratio to the other value ({@code (v - b) / |b|}: +12.5%) or as a difference
   * ({@code v - b}, for rates: percentage points).
   */
  enum Change { RELATIVE, DIFFERENCE }

  /**
   * @param higherIsBetter colours a rise green (true) or red (false)
   * @param change relative by default; difference for rates and shares, where a relative change
   *     of a percentage (+71% churn rate) misleads
   */
  record Reading(boolean higherIsBetter, Change change) {
    /** The default: higher is better; rates (percent format) change by difference, the rest relatively. */
    public static Reading defaultFor(MeasureFormat format) {
      return new Reading(true, format == MeasureFormat.PERCENT ? Change.DIFFERENCE : Change.RELATIVE);
    }
  }

  /**
   * Aggregated from a fact column.
   *
   * @param column fact column (null for COUNT and MONTHS)
   * @param filter only fact rows whose columns hold one of the listed values count
   * @param divideBy unit conversion applied after aggregation (1 for none)
   */
  record Stored(String name, Caption caption, MeasureFormat format, String column,
                Aggregate aggregate, OverTime overTime, Map<String, List<String>> filter,
                BigDecimal divideBy, Reading reading) implements Measure {
    public Stored {
      filter = Map.copyOf(filter);
    }
  }

  /** A formula over other measures of the same cube, evaluated after aggregation. */
  record Derived(String name, Caption caption, MeasureFormat format, String formula, Reading reading)
      implements Measure {
  }

  /** Another cube's measure, joined on the dimensions both cubes share (drill-across). */
  record Across(String name, Caption caption, MeasureFormat format, String cube, String measure,
                Reading reading)
      implements Measure {
  }
}
