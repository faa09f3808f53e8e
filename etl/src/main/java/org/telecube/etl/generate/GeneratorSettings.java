package org.telecube.etl.generate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * What to generate.
 *
 * @param outDir directory the feed files are written to (created when missing; files of the same
 *     name are overwritten)
 * @param subscribers size of the subscriber base at the start of the first month
 * @param months number of monthly file sets, ending with {@code lastMonth}
 * @param lastMonth the last month generated
 * @param seed the random seed; the same settings always produce byte-identical files
 * @param gzip write {@code .csv.gz} instead of {@code .csv}
 */
public record GeneratorSettings(Path outDir, int subscribers, int months, YearMonth lastMonth,
                                long seed, boolean gzip) {
  public static final int DEFAULT_SUBSCRIBERS = 100_000;
  public static final int DEFAULT_MONTHS = 13;
  /** The operator's zone: "last month" is the month before today there. */
  public static final ZoneId OPERATOR_ZONE = ZoneId.of("Asia/Shanghai");
  public static final long DEFAULT_SEED = 42L;
  public static final boolean DEFAULT_GZIP = false;

  /** Subscriber ids and msisdn suffixes have 8 digits; this cap keeps every id ever issued (base plus joins over 120 months) inside them. */
  public static final int MAX_SUBSCRIBERS = 10_000_000;
  public static final int MAX_MONTHS = 120;
  private static final YearMonth EARLIEST_LAST_MONTH = YearMonth.of(2000, 1);
  private static final YearMonth LATEST_LAST_MONTH = YearMonth.of(2999, 12);

  public GeneratorSettings {
    if (outDir == null) {
      throw new IllegalArgumentException("outDir must be set");
    }
    if (subscribers < 1 || subscribers > MAX_SUBSCRIBERS) {
      throw new IllegalArgumentException(
          "subscribers must be between 1 and " + MAX_SUBSCRIBERS + ", was " + subscribers);
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new IllegalArgumentException(
          "months must be between 1 and " + MAX_MONTHS + ", was " + months);
    }
    if (lastMonth == null) {
      throw new IllegalArgumentException("lastMonth must be set");
    }
    if (lastMonth.isBefore(EARLIEST_LAST_MONTH) || lastMonth.isAfter(LATEST_LAST_MONTH)) {
      throw new IllegalArgumentException("lastMonth must be between " + EARLIEST_LAST_MONTH
          + " and " + LATEST_LAST_MONTH + ", was " + lastMonth);
    }
  }

  /**
   * The defaults: 100,000 subscribers, 13 months up to last month (see {@link #defaultLastMonth}),
   * seed 42, plain CSV.
   */
  public static GeneratorSettings defaults(Path outDir) {
    return defaults(outDir, Clock.systemUTC());
  }

  /** The defaults, with "last month" read from {@code clock}. */
  public static GeneratorSettings defaults(Path outDir, Clock clock) {
    return new GeneratorSettings(outDir, DEFAULT_SUBSCRIBERS, DEFAULT_MONTHS, defaultLastMonth(clock),
        DEFAULT_SEED, DEFAULT_GZIP);
  }

  /**
   * The month before the current one in {@link #OPERATOR_ZONE}: a sample then ends with the month
   * a monthly report (the month before the fire time) asks for.
   */
  public static YearMonth defaultLastMonth(Clock clock) {
    return YearMonth.now(clock.withZone(OPERATOR_ZONE)).minusMonths(1);
  }

  public GeneratorSettings withSubscribers(int value) {
    return new GeneratorSettings(outDir, value, months, lastMonth, seed, gzip);
  }

  public GeneratorSettings withMonths(int value) {
    return new GeneratorSettings(outDir, subscribers, value, lastMonth, seed, gzip);
  }

  public GeneratorSettings withLastMonth(YearMonth value) {
    return new GeneratorSettings(outDir, subscribers, months, value, seed, gzip);
  }

  public GeneratorSettings withSeed(long value) {
    return new GeneratorSettings(outDir, subscribers, months, lastMonth, value, gzip);
  }

  public GeneratorSettings withGzip(boolean value) {
    return new GeneratorSettings(outDir, subscribers, months, lastMonth, seed, value);
  }

  /** The first month generated. */
  public YearMonth firstMonth() {
    return lastMonth.minusMonths(months - 1L);
  }
}
