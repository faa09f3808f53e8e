package org.telecube.server.cli;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Formats measure values for terminals: thousands separators, yuan with two decimals, percent with one. */
final class NumberFormats {
  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

  private NumberFormats() {
  }

  static String format(Object value, String format) {
    if (!(value instanceof Number n)) {
      return value == null ? "" : value.toString();
    }
    String pattern = switch (format == null ? "number" : format) {
      case "currency", "number" -> "#,##0.00";
      case "integer" -> "#,##0";
      case "percent" -> "0.0%";
      default -> "#,##0.##";
    };
    DecimalFormat df = new DecimalFormat(pattern, SYMBOLS);
    return n instanceof BigDecimal d ? df.format(d) : df.format(n.doubleValue());
  }
}
