package org.telecube.reports.xlsx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.telecube.reports.data.ChangeReading;
import org.telecube.reports.data.ReportMessages;
import org.telecube.warehouse.model.Measure;

/**
 * One sheet of the workbook: a header row and data rows.
 *
 * @param name the sheet's name in the report's language (shortened to Excel's 31 characters when written)
 * @param headers the column headers
 * @param rows cells: a {@link String}, a {@link Amount} or null (an empty cell)
 */
public record SheetTable(String name, List<String> headers, List<List<Object>> rows) {
  public SheetTable {
    headers = List.copyOf(headers);
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row))); // nulls allowed: empty cells
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** How a number is shown. */
  public enum Format {
    /**
     * Yuan with fen: ¥1,234.50. Excel's own code for the yuan symbol: the writer does not escape a
     * quoted "¥" in styles.xml, and this form needs no quotes.
     */
    CURRENCY("[$¥-804]#,##0.00"),
    /** A ratio shown as a percentage: 0.034 → 3.4%. */
    PERCENT("0.0%"),
    /** A count: 1,234. */
    INTEGER("#,##0"),
    /** A score: 0.85. */
    DECIMAL("0.00"),
    /**
     * A difference of rates in percentage points: 1.2 → +1.2 pp. The unit comes from the report's
     * language ({@link Amount#excelCode()}); every literal character is backslash-escaped, since
     * the writer does not escape quotes.
     */
    POINTS("+0.0;-0.0;0.0");

    private final String excel;

    Format(String excel) {
      this.excel = excel;
    }

    /** Excel's number format code. */
    public String excel() {
      return excel;
    }
  }

  /**
   * A numeric cell; a null value is an empty cell.
   *
   * @param excelCode Excel's number format code when it is not the format's own (a unit in the report's language)
   * @param fontColor the number's colour (RRGGBB: a change that is good or bad news), null for the default
   */
  public record Amount(Number value, Format format, String excelCode, String fontColor) {
    public Amount(Number value, Format format) {
      this(value, format, null, null);
    }

    /** The number format code the cell is written with. */
    public String excel() {
      return excelCode != null ? excelCode : format.excel();
    }
  }

  static Amount currency(Number value) {
    return value == null ? null : new Amount(value, Format.CURRENCY);
  }

  static Amount percent(Number value) {
    return value == null ? null : new Amount(value, Format.PERCENT);
  }

  /**
   * A change as the model declares its measure ({@link ChangeReading}): a relative change as a
   * percentage, a rate's difference in percentage points with the unit of the report's language
   * ({@code +1.2 个百分点} / {@code +1.2 pp}), another difference in its measure's format; coloured
   * green when good news and red when bad, by the measure's {@code higher_is_better}.
   */
  static Amount change(ChangeReading change, ReportMessages messages) {
    Double value = change.cellValue();
    if (value == null) {
      return null;
    }
    String color = change.tone().rgb();
    if (change.change() == Measure.Change.RELATIVE) {
      return new Amount(value, Format.PERCENT, null, color);
    }
    if (change.inPoints()) {
      String[] around = messages.get("change.points").split("\\{0\\}", -1);
      String before = excelLiteral(around[0]);
      String after = excelLiteral(around.length > 1 ? around[1] : "");
      return new Amount(value, Format.POINTS, before + "+0.0" + after + ";" + before + "-0.0" + after + ";" + before
          + "0.0" + after, color);
    }
    Format format = switch (change.format()) {
      case CURRENCY -> Format.CURRENCY;
      case INTEGER -> Format.INTEGER;
      default -> Format.DECIMAL;
    };
    return new Amount(value, format, null, color);
  }

  /** Every character as an escaped literal of a number format code: " pp" is written backslash-space, backslash-p, backslash-p. */
  private static String excelLiteral(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().forEach(cp -> out.append('\\').appendCodePoint(cp));
    return out.toString();
  }

  static Amount integer(Number value) {
    return value == null ? null : new Amount(value, Format.INTEGER);
  }
}
