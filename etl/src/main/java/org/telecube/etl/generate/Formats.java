package org.telecube.etl.generate;

import java.time.LocalDate;

/**
 * Text forms of the feed contract, built by hand: no formatter here consults the default locale
 * or time zone, and the hot paths (dates, amounts, ids) avoid per-row formatter objects.
 */
final class Formats {
  private final int cacheFrom;
  private final String[] dates;

  /**
   * Caches the text of every day in [fromDay, toDay] (epoch days), the range rows mostly use.
   * Filled up front so that worker threads only ever read it.
   */
  Formats(int fromDay, int toDay) {
    this.cacheFrom = fromDay;
    this.dates = new String[Math.max(0, toDay - fromDay + 1)];
    for (int i = 0; i < dates.length; i++) {
      dates[i] = LocalDate.ofEpochDay(fromDay + i).toString();
    }
  }

  /** {@code YYYY-MM-DD}; ISO-8601 by definition, whatever the locale. */
  String date(int epochDay) {
    int i = epochDay - cacheFrom;
    if (i < 0 || i >= dates.length) {
      return LocalDate.ofEpochDay(epochDay).toString();
    }
    return dates[i];
  }

  /** {@code YYYY-MM-DD HH:MM:SS}, operator local time. */
  String timestamp(int epochDay, int secondOfDay) {
    StringBuilder b = new StringBuilder(19).append(date(epochDay)).append(' ');
    two(b, secondOfDay / 3600).append(':');
    two(b, secondOfDay / 60 % 60).append(':');
    return two(b, secondOfDay % 60).toString();
  }

  /** Yuan with exactly two decimals, e.g. {@code 128.00}, {@code -20.50}. */
  static String amount(long cents) {
    StringBuilder b = new StringBuilder(12);
    if (cents < 0) {
      b.append('-');
      cents = -cents;
    }
    b.append(cents / 100).append('.');
    return two(b, (int) (cents % 100)).toString();
  }

  /** A prefix and the number zero-padded to 8 digits, e.g. {@code S00000001}. */
  static String id(String prefix, int number) {
    String digits = Integer.toString(number);
    StringBuilder b = new StringBuilder(prefix.length() + 8).append(prefix);
    for (int i = digits.length(); i < 8; i++) {
      b.append('0');
    }
    return b.append(digits).toString();
  }

  private static StringBuilder two(StringBuilder b, int v) {
    return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
