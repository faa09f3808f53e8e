package org.telecube.etl.derive;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a batch changed, hence what must be derived again.
 *
 * @param referenceChanged ref_* rows were loaded: conformed dimensions rebuilt, facts rebuilt fully
 * @param subscribersChanged stg_subscriber rows were added or changed (the subscribers are in
 *     {@link SubscriberHistory#CHANGED}): their history is rebuilt, and their facts from the
 *     first month that can differ
 * @param billingMonths month keys (yyyymm) of billing rows loaded
 * @param usageMonths month keys of usage rows loaded
 * @param eventMonths month keys of service event rows loaded
 * @param dueMonths month keys of the due dates of billing rows loaded or replaced (arrears
 *     signals of those months on can change)
 * @param usageDays the days (yyyy-mm-dd) of the usage rows loaded, within {@code usageMonths}:
 *     fact_usage is derived by day
 */
public record DerivationScope(boolean referenceChanged, boolean subscribersChanged,
                              SortedSet<Integer> billingMonths, SortedSet<Integer> usageMonths,
                              SortedSet<Integer> eventMonths, SortedSet<Integer> dueMonths,
                              SortedSet<String> usageDays) {
  public DerivationScope {
    billingMonths = new TreeSet<>(billingMonths);
    usageMonths = new TreeSet<>(usageMonths);
    eventMonths = new TreeSet<>(eventMonths);
    dueMonths = new TreeSet<>(dueMonths);
    usageDays = new TreeSet<>(usageDays);
  }

  public DerivationScope(boolean referenceChanged, boolean subscribersChanged, SortedSet<Integer> billingMonths,
                         SortedSet<Integer> usageMonths, SortedSet<Integer> eventMonths) {
    this(referenceChanged, subscribersChanged, billingMonths, usageMonths, eventMonths, new TreeSet<>(),
        new TreeSet<>());
  }

  /** Everything: what a fresh rebuild does. */
  public static DerivationScope everything() {
    return new DerivationScope(true, true, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
  }

  public static DerivationScope nothing() {
    return new DerivationScope(false, false, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
  }

  /** Facts are rebuilt fully (every month): reference data changed. */
  public boolean fullRebuild() {
    return referenceChanged;
  }

  public boolean isEmpty() {
    return !referenceChanged && !subscribersChanged && billingMonths.isEmpty() && usageMonths.isEmpty()
        && eventMonths.isEmpty();
  }

  static String inList(Set<Integer> months) {
    StringBuilder sb = new StringBuilder();
    for (Integer m : months) {
      sb.append(sb.length() == 0 ? "" : ", ").append(m.intValue());
    }
    return sb.toString();
  }
}
