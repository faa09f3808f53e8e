package org.telecube.reports.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How reports print numbers, the same in every language and whatever the machine's locale:
 * yuan with thousands separators ({@code ¥1,234,568}; ARPU with fen, {@code ¥95.83}), counts
 * ({@code 12,345}), changes with a sign and one decimal ({@code +3.4%}, {@code -2.1%}), shares
 * with one decimal ({@code 12.3%}); a missing value is an em dash.
 */
public final class ReportNumbers {
  public static final String MISSING = "—";

  private ReportNumbers() {
  }

  /** Whole yuan: {@code ¥1,234,568}. */
  public static String yuan(Object amount) {
    return amount instanceof Number n ? format("¥#,##0;-¥#,##0", n) : MISSING;
  }

  /** Yuan and fen: {@code ¥95.83}. */
  public static String yuanCents(Object amount) {
    return amount instanceof Number n ? format("¥#,##0.00;-¥#,##0.00", n) : MISSING;
  }

  /** A count: {@code 12,345}. */
  public static String count(Object value) {
    return value instanceof Number n ? format("#,##0", n) : MISSING;
  }

  /** A change as a signed percentage with one decimal: {@code +3.4%}, {@code -2.1%}, {@code 0.0%}. */
  public static String change(Object ratio) {
    if (!(ratio instanceof Number n)) {
      return MISSING;
    }
    BigDecimal pct = decimal(n).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    String text = format("0.0", pct) + "%";
    return pct.signum() > 0 ? "+" + text : text;
  }

  /** A share as a percentage with one decimal: {@code 12.3%}. */
  public static String share(Object ratio) {
    return ratio instanceof Number n ? format("0.0", decimal(n).movePointRight(2)) + "%" : MISSING;
  }

  static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
  }

  private static String format(String pattern, Number n) {
    DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(decimal(n));
  }
}
