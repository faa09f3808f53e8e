package org.telecube.warehouse.model;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
   * @param additive for a distinct count, its additive form (null when it has none)
   */
  record Stored(String name, Caption caption, MeasureFormat format, String column,
                Aggregate aggregate, OverTime overTime, Map<String, List<String>> filter,
                BigDecimal divideBy, Reading reading, Additive additive) implements Measure {
    public Stored {
      filter = Map.copyOf(filter);
    }

    /** The same measure as the plain sum of its additive column: what the planner asks when {@link Additive#holdsFor} does. */
    public Stored asAdditiveSum() {
      return new Stored(name, caption, format, additive.column(), Aggregate.SUM, overTime, filter, divideBy, reading,
          null);
    }
  }

  /**
   * The additive form of a distinct count: a 0/1 fact column that is 1 on exactly one fact row
   * per counted thing and month (billed subscribers: one bill line per subscriber-month), so its
   * sum equals the distinct count for any grouping, filter or scope that touches none of the
   * dimensions in {@code except} (those that vary among the rows of one counted thing and month,
   * where the one row marked would land in just one of their members).
   *
   * @param column the 0/1 fact column
   * @param except names of the cube's dimensions the sum does not add up over
   */
  record Additive(String column, Set<String> except) {
    public Additive {
      except = Set.copyOf(except);
    }

    /** True when a plan that uses the dimensions named {@code used} may sum {@link #column()}. */
    public boolean holdsFor(Collection<String> used) {
      return used.stream().noneMatch(except::contains);
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
