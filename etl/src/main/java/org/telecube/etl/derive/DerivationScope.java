package org.telecube.etl.derive;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a batch changed, hence what must be derived again.
 *
 * @param referenceChanged ref_* rows were loaded: conformed dimensions rebuilt, facts rebuilt fully
 * @param subscribersChanged stg_subscriber rows were loaded: dim_subscriber and every fact rebuilt fully
 * @param billingMonths month keys (yyyymm) of billing rows loaded
 * @param usageMonths month keys of usage rows loaded
 * @param eventMonths month keys of service event rows loaded
 */
public record DerivationScope(boolean referenceChanged, boolean subscribersChanged,
                              SortedSet<Integer> billingMonths, SortedSet<Integer> usageMonths,
                              SortedSet<Integer> eventMonths) {
  public DerivationScope {
    billingMonths = new TreeSet<>(billingMonths);
    usageMonths = new TreeSet<>(usageMonths);
    eventMonths = new TreeSet<>(eventMonths);
  }

  /** Everything: what a fresh rebuild does. */
  public static DerivationScope everything() {
    return new DerivationScope(true, true, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
  }

  public static DerivationScope nothing() {
    return new DerivationScope(false, false, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
  }

  /** Facts are rebuilt fully (every month) rather than by month. */
  public boolean fullRebuild() {
    return referenceChanged || subscribersChanged;
  }

  public boolean isEmpty() {
    return !fullRebuild() && billingMonths.isEmpty() && usageMonths.isEmpty() && eventMonths.isEmpty();
  }

  static String inList(Set<Integer> months) {
    StringBuilder sb = new StringBuilder();
    for (Integer m : months) {
      sb.append(sb.length() == 0 ? "" : ", ").append(m.intValue());
    }
    return sb.toString();
  }
}
