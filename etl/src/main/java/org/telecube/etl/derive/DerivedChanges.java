package org.telecube.etl.derive;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a derivation changed: per star table, the months whose rows it rewrote (or that the
 * whole table was rebuilt), and the steps it took, for the batch's note and summary. Consumers
 * (publication, aggregate refresh) replace exactly these months.
 *
 * @param steps one short phrase per step, e.g. {@code fact_billing 202506}
 * @param months per fact table, the month keys whose rows changed (tables absent: unchanged)
 * @param whole tables rebuilt or rewritten in full (dimensions, and facts after reference data
 *     changed or when every month's warning scores were rewritten)
 */
public record DerivedChanges(List<String> steps, Map<String, SortedSet<Integer>> months, Set<String> whole) {
  /** The fact tables, each with a month_key column. */
  public static final List<String> FACTS = List.of("fact_billing", "fact_subscriber_month", "fact_usage",
      "fact_service_event");

  public DerivedChanges {
    steps = List.copyOf(steps);
    Map<String, SortedSet<Integer>> copy = new LinkedHashMap<>();
    months.forEach((t, m) -> {
      if (!m.isEmpty()) {
        copy.put(t, Collections.unmodifiableSortedSet(new TreeSet<>(m)));
      }
    });
    months = Collections.unmodifiableMap(copy);
    whole = Set.copyOf(whole);
  }

  public static DerivedChanges none() {
    return new DerivedChanges(List.of(), Map.of(), Set.of());
  }

  /** True when the derivation changed nothing (named so that JSON does not take it for a property). */
  public boolean changedNothing() {
    return steps.isEmpty() && months.isEmpty() && whole.isEmpty();
  }

  /** True when {@code table} was rebuilt or rewritten in full. */
  public boolean isWhole(String table) {
    return whole.contains(table);
  }

  /**
   * The months of fact {@code table} whose rows changed, in the form the aggregate refresh hook
   * takes: null when the whole table changed, empty when nothing did.
   */
  public SortedSet<Integer> monthsOrNull(String table) {
    if (whole.contains(table)) {
      return null;
    }
    return months.getOrDefault(table, Collections.emptySortedSet());
  }

  /** Collects changes step by step. */
  static final class Builder {
    private final List<String> steps = new ArrayList<>();
    private final Map<String, SortedSet<Integer>> months = new LinkedHashMap<>();
    private final Set<String> whole = new java.util.LinkedHashSet<>();

    Builder step(String step) {
      steps.add(step);
      return this;
    }

    Builder months(String table, Set<Integer> changed) {
      months.computeIfAbsent(table, t -> new TreeSet<>()).addAll(changed);
      return this;
    }

    Builder whole(String table) {
      whole.add(table);
      return this;
    }

    SortedSet<Integer> monthsOf(String table) {
      return new TreeSet<>(months.getOrDefault(table, new TreeSet<>()));
    }

    DerivedChanges build() {
      return new DerivedChanges(steps, months, whole);
    }
  }
}
