package org.telecube.etl.derive;

import java.util.Set;

/**
 * Which rows of a fact a derivation rewrites, as a SQL predicate on a row's month key and
 * subscriber: every row (a full rebuild), the rows of some months, or the rows of the subscribers
 * in {@link SubscriberHistory#SCOPE} from each one's first changed month on (leaving out months
 * derived in full anyway).
 */
abstract sealed class FactRows {
  /** The predicate for a row whose month key and subscriber id are these SQL expressions. */
  abstract String on(String monthKey, String subscriberId);

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

  static FactRows subscribers(Set<Integer> exceptMonths) {
    return new Subscribers(Set.copyOf(exceptMonths));
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

  private static final class Subscribers extends FactRows {
    private final Set<Integer> except;

    Subscribers(Set<Integer> except) {
      this.except = except;
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
