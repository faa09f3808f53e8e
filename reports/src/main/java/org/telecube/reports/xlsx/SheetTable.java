package org.telecube.reports.xlsx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
    DECIMAL("0.00");

    private final String excel;

    Format(String excel) {
      this.excel = excel;
    }

    /** Excel's number format code. */
    public String excel() {
      return excel;
    }
  }

  /** A numeric cell; a null value is an empty cell. */
  public record Amount(Number value, Format format) {
  }

  static Amount currency(Number value) {
    return value == null ? null : new Amount(value, Format.CURRENCY);
  }

  static Amount percent(Number value) {
    return value == null ? null : new Amount(value, Format.PERCENT);
  }

  static Amount integer(Number value) {
    return value == null ? null : new Amount(value, Format.INTEGER);
  }
}
