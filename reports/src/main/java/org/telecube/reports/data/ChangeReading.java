package org.telecube.reports.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.Measure;
import org.telecube.warehouse.model.MeasureFormat;

/**
 * A measure's change against another period (MoM, YoY, vs last month), read as the cube model
 * declares the measure: its form (a relative change, {@code +3.4%}, or a difference; a rate's
 * difference is in percentage points, {@code +1.2 个百分点} / {@code +1.2 pp}) and whether it is
 * good news ({@code higher_is_better}), never by the sign alone. Every report builds its changes
 * through {@link #of}, so the explorer, the exports and the reports read a change the same way.
 *
 * @param value the engine's change: {@code (v - b) / |b|} when relative, {@code v - b} when a
 *     difference; null without a base
 * @param change relative or difference, from the measure
 * @param format the measure's format (a difference keeps it: a percent difference is in points)
 * @param higherIsBetter from the measure: a rise is good news (revenue) or bad (churn)
 */
public record ChangeReading(Double value, Measure.Change change, MeasureFormat format, boolean higherIsBetter) {
  /** Printed in green (good news), red (bad news) or the text colour (no change, or no base). */
  public enum Tone {
    GOOD("#1E7B3A", "1E7B3A"), BAD("#B42318", "B42318"), FLAT(null, null);

    private final String color;
    private final String rgb;

    Tone(String color, String rgb) {
      this.color = color;
      this.rgb = rgb;
    }

    /** The colour in templates ({@code #B42318}); null for the text's own colour. */
    public String color() {
      return color;
    }

    /** The colour in spreadsheets ({@code B42318}); null for the default. */
    public String rgb() {
      return rgb;
    }

    /** The name templates compare with: good, bad or flat. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The change of {@code measure} in the cell value {@code value} (a time-intelligence change column). */
  public static ChangeReading of(Measure measure, Object value) {
    return new ChangeReading(value instanceof Number n ? n.doubleValue() : null, measure.change(), measure.format(),
        measure.higherIsBetter());
  }

  /**
   * The change of the measure {@code measure} of {@code cube} as the model declares it.
   *
   * @throws IllegalStateException when the model has no such measure (a report asks for a measure the model lost)
   */
  public static ChangeReading of(CubeModel model, String cube, String measure, Object value) {
    Measure m = model.cube(cube).flatMap(c -> c.measure(measure)).orElseThrow(() -> new IllegalStateException(
        "the model has no measure " + cube + "." + measure));
    return of(m, value);
  }

  /** True for a difference of a rate, shown in percentage points. */
  public boolean inPoints() {
    return change == Measure.Change.DIFFERENCE && format == MeasureFormat.PERCENT;
  }

  /**
   * The change as printed, rounded to one decimal: {@code +3.4%}, {@code +1.2 个百分点} /
   * {@code +1.2 pp}, a signed count or amount for other differences; an em dash without a base.
   */
  public String text(ReportMessages messages) {
    if (value == null) {
      return ReportNumbers.MISSING;
    }
    if (change == Measure.Change.RELATIVE) {
      return ReportNumbers.change(value);
    }
    if (format == MeasureFormat.PERCENT) {
      return messages.format("change.points", signed(shown()));
    }
    String text = switch (format) {
      case CURRENCY -> ReportNumbers.yuan(Math.abs(value));
      case INTEGER -> ReportNumbers.count(Math.abs(value));
      default -> shown().abs().toPlainString();
    };
    return (shown().signum() > 0 ? "+" : shown().signum() < 0 ? "-" : "") + text;
  }

  /**
   * The number a spreadsheet cell holds: the ratio for a relative change (shown as {@code 0.0%}),
   * percentage points for a rate's difference, the difference itself otherwise.
   */
  public Double cellValue() {
    if (value == null) {
      return null;
    }
    return inPoints() ? ReportNumbers.decimal(value).movePointRight(2).doubleValue() : value;
  }

  /** Good or bad news by the measure's declaration; flat when the printed change is zero or missing. */
  public Tone tone() {
    if (value == null || shown().signum() == 0) {
      return Tone.FLAT;
    }
    return (shown().signum() > 0) == higherIsBetter ? Tone.GOOD : Tone.BAD;
  }

  public boolean bad() {
    return tone() == Tone.BAD;
  }

  public boolean good() {
    return tone() == Tone.GOOD;
  }

  /** The change as printed (one decimal of a percentage or of points; whole counts and yuan). */
  private BigDecimal shown() {
    BigDecimal v = ReportNumbers.decimal(value);
    if (change == Measure.Change.RELATIVE || format == MeasureFormat.PERCENT) {
      return v.movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }
    return format == MeasureFormat.CURRENCY || format == MeasureFormat.INTEGER
        ? v.setScale(0, RoundingMode.HALF_UP) : v.setScale(2, RoundingMode.HALF_UP);
  }

  private static String signed(BigDecimal points) {
    String text = points.toPlainString();
    return points.signum() > 0 ? "+" + text : text;
  }
}
