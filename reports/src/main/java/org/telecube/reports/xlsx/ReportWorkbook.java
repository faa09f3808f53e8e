package org.telecube.reports.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.telecube.reports.data.ReportData;
import org.telecube.reports.data.ReportSummary;
import org.telecube.reports.xlsx.SheetTable.Amount;

/**
 * Writes a report's tables as an XLSX workbook (fastexcel, as the cube export): one sheet per
 * table, a bold header row frozen in view with an auto-filter, numbers as numeric cells with
 * their number format, columns wide enough for their contents. Title, scope and month go in the
 * document properties, not into the cells.
 */
public final class ReportWorkbook {
  /** Excel refuses longer sheet names. */
  static final int MAX_SHEET_NAME = 31;
  private static final int MIN_WIDTH = 8;
  private static final int MAX_WIDTH = 60;

  private ReportWorkbook() {
  }

  public static byte[] write(ReportData data) {
    ReportSummary summary = data.summary();
    return write(ReportTables.of(data), summary.title() + " · " + summary.scope() + " · " + summary.month());
  }

  static byte[] write(List<SheetTable> tables, String title) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Workbook workbook = new Workbook(bytes, "TeleCube", "1.0")) {
      workbook.properties().setTitle(title);
      Set<String> used = new HashSet<>();
      for (SheetTable table : tables) {
        sheet(workbook.newWorksheet(uniqueName(sheetName(table.name()), used)), table);
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen in memory
    }
    return bytes.toByteArray();
  }

  private static void sheet(Worksheet sheet, SheetTable table) {
    int columns = table.headers().size();
    double[] widths = new double[columns];
    for (int c = 0; c < columns; c++) {
      String header = table.headers().get(c);
      sheet.value(0, c, header);
      sheet.style(0, c).bold().fillColor("E8EEF5").set();
      widths[c] = displayWidth(header);
    }
    for (int r = 0; r < table.rows().size(); r++) {
      List<Object> row = table.rows().get(r);
      for (int c = 0; c < Math.min(columns, row.size()); c++) {
        Object cell = row.get(c);
        if (cell instanceof Amount a && a.value() != null) {
          sheet.value(r + 1, c, a.value());
          if (a.fontColor() != null) {
            sheet.style(r + 1, c).format(a.excel()).fontColor(a.fontColor()).set();
          } else {
            sheet.style(r + 1, c).format(a.excel()).set();
          }
          widths[c] = Math.max(widths[c], shownLength(a));
        } else if (cell instanceof String s) {
          sheet.value(r + 1, c, s);
          widths[c] = Math.max(widths[c], displayWidth(s));
        }
      }
    }
    for (int c = 0; c < columns; c++) {
      sheet.width(c, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[c] + 2)));
    }
    sheet.freezePane(0, 1);
    if (!table.rows().isEmpty()) {
      sheet.setAutoFilter(0, 0, columns - 1);
    }
  }

  /** Without the characters Excel forbids ([]:*?/\), not quoted, at most 31 characters. */
  static String sheetName(String caption) {
    String name = caption == null ? "" : caption.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
    name = name.replaceAll("^'+|'+$", "").strip();
    if (name.length() > MAX_SHEET_NAME) { // Excel counts UTF-16 units; never split a surrogate pair
      int end = Character.isHighSurrogate(name.charAt(MAX_SHEET_NAME - 1)) ? MAX_SHEET_NAME - 1 : MAX_SHEET_NAME;
      name = name.substring(0, end).strip();
    }
    return name.isEmpty() ? "Sheet" : name;
  }

  /** Excel compares sheet names without case: a second "Summary" becomes "Summary (2)". */
  private static String uniqueName(String name, Set<String> used) {
    String candidate = name;
    for (int n = 2; !used.add(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
      String suffix = " (" + n + ")";
      candidate = name.substring(0, Math.min(name.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
    }
    return candidate;
  }

  /** About how many characters Excel shows for the number in its format. */
  private static int shownLength(Amount a) {
    BigDecimal n = new BigDecimal(a.value().toString());
    boolean percent = a.format() == SheetTable.Format.PERCENT;
    String whole = (percent ? n.movePointRight(2) : n).setScale(0, RoundingMode.DOWN).abs().toPlainString();
    int grouped = whole.length() + (whole.length() - 1) / 3 + (n.signum() < 0 ? 1 : 0);
    return switch (a.format()) {
      case CURRENCY -> grouped + 4;
      case INTEGER -> grouped;
      case PERCENT -> whole.length() + 3 + (n.signum() < 0 ? 1 : 0);
      case DECIMAL -> whole.length() + 3;
      case POINTS -> whole.length() + 3 + (int) Math.ceil(displayWidth(a.excel().replace("\\", "")) / 3);
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
