package org.telecube.etl.feed;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates and converts one field's text (never empty: emptiness is handled by {@link Column}).
 * Implementations are stateless and hand-written parsers rather than regexes or
 * {@code DateTimeFormatter}s: they run for every field of every row.
 */
public interface FieldType {

  /** Parses {@code text} of column {@code column}, or throws with a human reason. */
  Object parse(String text, String column, ValidationContext context) throws InvalidValueException;

  ValueKind kind();

  /** Free text (names, ids). */
  static FieldType text() {
    return Text.INSTANCE;
  }

  /** One of a fixed, lower-case member list. */
  static FieldType oneOf(String... codes) {
    return new OneOf(List.of(codes));
  }

  /** A value that must be in a {@link CodeSet} held by the warehouse. */
  static FieldType known(CodeSet set) {
    return new Known(set);
  }

  /** Exactly {@code n} ASCII digits, e.g. 6-digit region codes, 11-digit MSISDNs. */
  static FieldType digits(int n, String what) {
    return new Digits(n, what);
  }

  /** {@code YYYY-MM-DD}. */
  static FieldType date() {
    return DateType.INSTANCE;
  }

  /** {@code YYYY-MM}, staged as the month key yyyymm. */
  static FieldType month() {
    return MonthType.INSTANCE;
  }

  /** {@code YYYY-MM-DD HH:MM:SS}, operator-local. */
  static FieldType timestamp() {
    return TimestampType.INSTANCE;
  }

  /** Yuan with 0-2 decimals, staged as fen; negative only when {@code negativeAllowed}. */
  static FieldType amount(boolean negativeAllowed) {
    return new Amount(negativeAllowed, 12);
  }

  /**
   * Yuan with 0-2 decimals and at most {@code maxIntegerDigits} before the point (the table
   * column's DECIMAL(p,2) holds p-2), staged as fen.
   */
  static FieldType amount(boolean negativeAllowed, int maxIntegerDigits) {
    return new Amount(negativeAllowed, maxIntegerDigits);
  }

  /** A whole number {@code >= 0}. */
  static FieldType count() {
    return Count.INSTANCE;
  }

  /** A year from {@code min} to the current year. */
  static FieldType yearFrom(int min) {
    return new YearType(min);
  }

  // ---------------------------------------------------------------------------------------------

  final class Text implements FieldType {
    static final Text INSTANCE = new Text();

    @Override
    public Object parse(String text, String column, ValidationContext context) {
      return text;
    }

    @Override
    public ValueKind kind() {
      return ValueKind.TEXT;
    }
  }

  final class OneOf implements FieldType {
    private final Map<String, String> canonical = new LinkedHashMap<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final String listing;

    OneOf(List<String> codes) {
      for (String c : codes) {
        canonical.put(c, c);
        index.put(c, index.size());
      }
      listing = String.join(", ", codes);
    }

    /** The members, in contract order. */
    public List<String> codes() {
      return List.copyOf(canonical.keySet());
    }

    /** The 0-based position of a member in {@link #codes()} (lets a loader stage it compactly). */
    public int indexOf(String code) {
      Integer i = index.get(code);
      if (i == null) {
        throw new IllegalArgumentException("not a member: " + code);
      }
      return i;
    }

    @Override
    public Object parse(String text, String column, ValidationContext context) throws InvalidValueException {
      String c = canonical.get(text);
      if (c == null) {
        throw new InvalidValueException("unknown " + column + " \"" + text + "\" (one of " + listing + ")");
      }
      return c; // the shared instance: a million rows hold a handful of strings
    }

    @Override
    public ValueKind kind() {
      return ValueKind.TEXT;
    }
  }

  record Known(CodeSet set) implements FieldType {
    @Override
    public Object parse(String text, String column, ValidationContext context) throws InvalidValueException {
      if (!context.contains(set, text)) {
        throw new InvalidValueException("unknown " + column + " " + text);
      }
      return text;
    }

    @Override
    public ValueKind kind() {
      return ValueKind.TEXT;
    }
  }

  record Digits(int n, String what) implements FieldType {
    @Override
    public Object parse(String text, String column, ValidationContext context) throws InvalidValueException {
      if (text.length() != n || !allDigits(text, 0, n)) {
        throw new InvalidValueException("bad " + column + " \"" + text + "\" (expected " + what + ")");
      }
      return text;
    }

    @Override
    public ValueKind kind() {
      return ValueKind.TEXT;
    }
  }

  final class DateType implements FieldType {
    static final DateType INSTANCE = new DateType();

    @Override
    public Object parse(String text, String column, ValidationContext context) throws InvalidValueException {
      LocalDate d = parseDate(text, 0);
      if (d == null || text.length() != 10) {
        throw new InvalidValueException("bad date \"" + text + "\" (expected YYYY-MM-DD)");
      }
      return d;
    }

    @Override
    public ValueKind kind() {
      return ValueKind.DATE;
    }
  }

  final class MonthType implements FieldType {
    static final MonthType INSTANCE = new MonthType();

    @Override
    public Object parse(String text, String column, ValidationContext context) throws InvalidValueException {
      if (text.length() != 7 || text.charAt(4) != '-' || !allDigits(text, 0, 4) || !allDigits(text, 5, 7)) {
        throw new InvalidValueException("bad month \"" + text + "\" (expected YYYY-MM)");
      }
      int year = number(text, 0, 4);
      int month = number(text, 5, 7);
      if (month < 1 || month > 12 || year < 1) {
        throw new InvalidValueException("bad month \"" + text + "\" (expected YYYY-MM)");
      }
      return year * 100 + month;
    }

    @Override
    public ValueKind kind() {
      return ValueKind.MONTH_KEY;
    }
  }

  final class TimestampType implements FieldType {
    static final TimestampType INSTANCE = new TimestampType();

    @Override
    public Object parse(String text, String column, ValidationContext context) throws InvalidValueException {
      LocalDate d = text.length() == 19 && text.charAt(10) == ' ' && text.charAt(13) == ':'
          && text.charAt(16) == ':' && allDigits(text, 11, 13) && allDigits(text, 14, 16)
          && allDigits(text, 17, 19) ? parseDate(text, 0) : null;
      int h = d == null ? -1 : number(text, 11, 13);
      int m = d == null ? -1 : number(text, 14, 16);
      int s = d == null ? -1 : number(text, 17, 19);
      if (d == null || h > 23 || m > 59 || s > 59) {
        throw new InvalidValueException("bad timestamp \"" + text + "\" (expected YYYY-MM-DD HH:MM:SS)");
      }
      return LocalDateTime.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), h, m, s);
    }

    @Override
    public ValueKind kind() {
      return ValueKind.TIMESTAMP;
    }
  }

  record Amount(boolean negativeAllowed, int maxIntegerDigits) implements FieldType {

    @Override
    public Object parse(String text, String column, ValidationContext context) throws InvalidValueException {
      int n = text.length();
      int i = 0;
      boolean negative = false;
      if (n > 0 && text.charAt(0) == '-') {
        negative = true;
        i = 1;
      }
      int intStart = i;
      long units = 0;
      while (i < n && isDigit(text.charAt(i))) {
        units = units * 10 + (text.charAt(i) - '0');
        i++;
      }
      int intDigits = i - intStart;
      long fen = 0;
      int decimals = 0;
      if (i < n && text.charAt(i) == '.') {
        i++;
        while (i < n && isDigit(text.charAt(i)) && decimals < 3) {
          fen = fen * 10 + (text.charAt(i) - '0');
          decimals++;
          i++;
        }
      }
      if (intDigits == 0 || intDigits > maxIntegerDigits || i != n || decimals > 2) {
        throw new InvalidValueException("bad amount \"" + text + "\" (expected yuan with up to 2 decimals, e.g. 58.00)");
      }
      if (decimals == 1) {
        fen *= 10;
      }
      long value = units * 100 + fen;
      if (negative && value != 0 && !negativeAllowed) {
        throw new InvalidValueException("negative " + column + " " + text);
      }
      return negative ? -value : value;
    }

    @Override
    public ValueKind kind() {
      return ValueKind.AMOUNT;
    }
  }

  final class Count implements FieldType {
    static final Count INSTANCE = new Count();

    @Override
    public Object parse(String text, String column, ValidationContext context) throws InvalidValueException {
      int n = text.length();
      boolean negative = n > 1 && text.charAt(0) == '-';
      int start = negative ? 1 : 0;
      if (n == 0 || n - start > 18 || !allDigits(text, start, n)) {
        throw new InvalidValueException("bad " + column + " \"" + text + "\" (expected a whole number >= 0)");
      }
      long v = 0;
      for (int i = start; i < n; i++) {
        v = v * 10 + (text.charAt(i) - '0');
      }
      if (negative && v != 0) {
        throw new InvalidValueException("negative " + column + " " + text);
      }
      return v;
    }

    @Override
    public ValueKind kind() {
      return ValueKind.BIGINT;
    }
  }

  record YearType(int min) implements FieldType {
    @Override
    public Object parse(String text, String column, ValidationContext context) throws InvalidValueException {
      if (text.length() != 4 || !allDigits(text, 0, 4)) {
        throw new InvalidValueException("bad " + column + " \"" + text + "\" (expected a year YYYY)");
      }
      int y = number(text, 0, 4);
      int max = context.currentYear();
      if (y < min || y > max) {
        throw new InvalidValueException(column + " " + text + " out of range " + min + ".." + max);
      }
      return y;
    }

    @Override
    public ValueKind kind() {
      return ValueKind.INTEGER;
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      v = v * 10 + (s.charAt(i) - '0');
    }
    return v;
  }

  /** {@code YYYY-MM-DD} at {@code at}, or null when malformed or not a calendar date. */
  private static LocalDate parseDate(String s, int at) {
    if (s.length() < at + 10 || s.charAt(at + 4) != '-' || s.charAt(at + 7) != '-'
        || !allDigits(s, at, at + 4) || !allDigits(s, at + 5, at + 7) || !allDigits(s, at + 8, at + 10)) {
      return null;
    }
    try {
      return LocalDate.of(number(s, at, at + 4), number(s, at + 5, at + 7), number(s, at + 8, at + 10));
    } catch (DateTimeException e) {
      return null;
    }
  }
}
