package org.telecube.etl.derive;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which rows of a fact a derivation rewrites, as a SQL predicate on a row's month key and
 * subscriber (and day, for daily facts): every row (a full rebuild), the rows of some months or
 * days, or the rows of the subscribers
 * in {@link SubscriberHistory#SCOPE} from each one's first changed month on (leaving out months
 * derived in full anyway).
 */
abstract sealed class FactRows {
  /** The predicate for a row whose month key and subscriber id are these SQL expressions. */
  abstract String on(String monthKey, String subscriberId);

  /** As {@link #on(String, String)}, for a daily fact whose date is {@code date}. */
  String on(String monthKey, String subscriberId, String date) {
    return on(monthKey, subscriberId);
  }

  /** True when the predicate selects rows by subscriber (so the changed months must be looked up). */
  boolean bySubscriber() {
    return false;
  }

  static FactRows all() {
    return new All();
  }

  static FactRows months(Set<Integer> months) {
    return new Months(Set.copyOf(months));
  }

  /** The rows of some days (yyyy-mm-dd) of a daily fact. */
  static FactRows days(Set<String> days) {
    return new Days(Set.copyOf(days));
  }

  static FactRows subscribers(Set<Integer> exceptMonths) {
    return new Subscribers(Set.copyOf(exceptMonths), Set.of());
  }

  /** As {@link #subscribers(Set)}, leaving out also the days of a daily fact derived anyway. */
  static FactRows subscribers(Set<Integer> exceptMonths, Set<String> exceptDays) {
    return new Subscribers(Set.copyOf(exceptMonths), Set.copyOf(exceptDays));
  }

  private static String dayList(Set<String> days) {
    return new TreeSet<>(days).stream().map(d -> "DATE '" + d + "'").collect(Collectors.joining(", "));
  }

  private static final class All extends FactRows {
    @Override
    String on(String monthKey, String subscriberId) {
      return "TRUE";
    }
  }

  private static final class Months extends FactRows {
    private final Set<Integer> months;

    Months(Set<Integer> months) {
      this.months = months;
    }

    @Override
    String on(String monthKey, String subscriberId) {
      return months.isEmpty() ? "FALSE" : monthKey + " IN (" + DerivationScope.inList(months) + ")";
    }
  }

  private static final class Days extends FactRows {
    private final Set<String> days;

    Days(Set<String> days) {
      this.days = new TreeSet<>(days);
    }

    @Override
    String on(String monthKey, String subscriberId) {
      throw new IllegalStateException("rows by day need the fact's date");
    }

    @Override
    String on(String monthKey, String subscriberId, String date) {
      return days.isEmpty() ? "FALSE" : date + " IN (" + dayList(days) + ")";
    }
  }

  private static final class Subscribers extends FactRows {
    private final Set<Integer> except;
    private final Set<String> exceptDays;

    Subscribers(Set<Integer> except, Set<String> exceptDays) {
      this.except = except;
      this.exceptDays = exceptDays;
    }

    @Override
    String on(String monthKey, String subscriberId, String date) {
      return on(monthKey, subscriberId) + (exceptDays.isEmpty() ? "" : " AND " + date + " NOT IN ("
          + dayList(exceptDays) + ")");
    }

    @Override
    String on(String monthKey, String subscriberId) {
      return "EXISTS (SELECT 1 FROM " + SubscriberHistory.SCOPE + " d WHERE d.subscriber_id = " + subscriberId
          + " AND " + monthKey + " >= d.from_month)"
          + (except.isEmpty() ? "" : " AND " + monthKey + " NOT IN (" + DerivationScope.inList(except) + ")");
    }

    @Override
    boolean bySubscriber() {
      return true;
    }
  }
}
