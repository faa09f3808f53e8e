package org.telecube.server.cube.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.telecube.server.cube.export.PivotTable.Amount;
import org.telecube.server.cube.export.PivotTable.Cell;
import org.telecube.server.cube.export.PivotTable.Kind;
import org.telecube.server.cube.export.PivotTable.Label;

/**
 * A pivot table as one XLSX sheet named after the cube: numbers are numeric cells with the
 * measure's number format (so Excel sums and charts them), headers and totals bold, header rows
 * and row-label columns frozen so they stay in view while scrolling.
 */
public final class XlsxExport {
  /** Excel refuses longer sheet names. */
  static final int MAX_SHEET_NAME = 31;
  private static final int MIN_WIDTH = 8;
  private static final int MAX_WIDTH = 60;

  private XlsxExport() {
  }

  public static byte[] write(PivotTable table, String sheetName) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(bytes, "TeleCube", "1.0")) {
      Worksheet sheet = workbook.newWorksheet(sheetName(sheetName));
      double[] widths = new double[table.width()];
      List<PivotTable.Row> rows = table.rows();
      for (int r = 0; r < rows.size(); r++) {
        PivotTable.Row row = rows.get(r);
        for (int c = 0; c < row.cells().size(); c++) {
          Cell cell = row.cells().get(c);
          if (cell instanceof Label l) {
            widths[c] = Math.max(widths[c], label(sheet, table, r, c, l, row.kind()));
          } else if (cell instanceof Amount a) {
            sheet.value(r, c, a.value());
            String format = numberFormat(a.format());
            StyleSetter style = style(sheet, r, c, row.kind());
            (format == null ? style : style.format(format)).set();
            widths[c] = Math.max(widths[c], shownLength(a.value(), a.format()));
          }
        }
      }
      for (int c = 0; c < widths.length; c++) {
        sheet.width(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)));
      }
      sheet.freezePane(table.labelColumns(), table.headerRows());
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    return bytes.toByteArray();
  }

  /** Writes a text cell; answers the width its column needs for it. */
  private static double label(Worksheet sheet, PivotTable table, int r, int c, Label label, Kind kind) {
    sheet.value(r, c, label.text());
    if (label.span() > 1) { // a column member over its measures
      sheet.range(r, c, r, c + label.span() - 1).merge();
      style(sheet, r, c, kind).horizontalAlignment("center").set();
      return 0;
    }
    if (r == table.headerRows() - 1 && c >= table.labelColumns()) { // a measure caption over numbers
      style(sheet, r, c, kind).horizontalAlignment("right").set();
      return displayWidth(label.text());
    }
    style(sheet, r, c, kind).set();
    // the note is one long line meant to overflow into the empty cells beside it
    return kind == Kind.NOTE ? 0 : displayWidth(label.text());
  }

  /** Excel's format for a measure format; null for general. */
  static String numberFormat(String measureFormat) {
    if (measureFormat == null) {
      return null;
    }
    return switch (measureFormat) {
      case "currency" -> "#,##0.00";
      case "percent" -> "0.0%";
      case "points" -> "+0.0;-0.0;0.0";
      case "integer", "count" -> "#,##0";
      default -> null;
    };
  }

  /** Without the characters Excel forbids ([]:*?/\), not quoted, at most 31 characters. */
  static String sheetName(String caption) {
    String name = caption == null ? "" : caption.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
    while (name.startsWith("'")) {
      name = name.substring(1);
    }
    while (name.endsWith("'")) {
      name = name.substring(0, name.length() - 1);
    }
    name = name.strip();
    if (name.length() > MAX_SHEET_NAME) { // Excel counts UTF-16 units; never split a surrogate pair
      int end = Character.isHighSurrogate(name.charAt(MAX_SHEET_NAME - 1)) ? MAX_SHEET_NAME - 1 : MAX_SHEET_NAME;
      name = name.substring(0, end).strip();
    }
    return name.isEmpty() ? "Sheet1" : name;
  }

  private static StyleSetter style(Worksheet sheet, int r, int c, Kind kind) {
    StyleSetter style = sheet.style(r, c);
    return switch (kind) {
      case HEADER, TOTAL -> style.bold();
      case NOTE -> style.italic();
      case BODY -> style;
    };
  }

  /** About how many characters Excel shows for a number in its format (general: at most 11). */
  private static int shownLength(Number value, String measureFormat) {
    String plain = CsvExport.plain(value);
    if (plain.isEmpty()) {
      return 0;
    }
    BigDecimal n = new BigDecimal(plain);
    boolean percent = "percent".equals(measureFormat);
    String whole = (percent ? n.movePointRight(2) : n).setScale(0, RoundingMode.DOWN).abs().toPlainString();
    int grouped = whole.length() + (whole.length() - 1) / 3 + (n.signum() < 0 ? 1 : 0);
    return switch (String.valueOf(numberFormat(measureFormat))) {
      case "#,##0.00" -> grouped + 3;
      case "#,##0" -> grouped;
      case "0.0%" -> whole.length() + 3 + (n.signum() < 0 ? 1 : 0);
      case "+0.0;-0.0;0.0" -> whole.length() + 3;
      default -> Math.min(plain.length(), 11);
    };
  }

  /** Roughly how many character widths Excel needs: CJK characters take two. */
  private static double displayWidth(String text) {
    double width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      width += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp >= 0xFF00 ? 2 : 1.1;
      i += Character.charCount(cp);
    }
    return width;
  }
}
