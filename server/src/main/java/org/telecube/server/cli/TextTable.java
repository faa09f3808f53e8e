package org.telecube.server.cli;

import java.util.List;

/** A plain text table whose columns line up with Chinese text (East Asian wide characters take two cells). */
final class TextTable {
  private TextTable() {
  }

  static String render(List<String> header, List<List<String>> rows, List<Boolean> rightAligned) {
    int[] widths = new int[header.size()];
    for (int i = 0; i < header.size(); i++) {
      widths[i] = width(header.get(i));
    }
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    StringBuilder out = new StringBuilder();
    line(out, header, widths, rightAligned);
    for (int i = 0; i < widths.length; i++) {
      out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
    }
    out.append('\n');
    for (List<String> row : rows) {
      line(out, row, widths, rightAligned);
    }
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells, int[] widths, List<Boolean> right) {
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      String pad = " ".repeat(widths[i] - width(cell));
      out.append(i == 0 ? "" : " | ").append(right.get(i) ? pad + cell : cell + pad);
    }
    out.append('\n');
  }

  static int width(String s) {
    return s.codePoints().map(TextTable::cellWidth).sum();
  }

  private static int cellWidth(int cp) {
    boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
  }
}
