package org.telecube.warehouse.churn;

import java.util.List;

/**
 * Which subscribers to list.
 *
 * @param month yyyymm
 * @param region a city, province or macro-region key, or null for all
 * @param limit at most this many
 * @param valueTiers only subscribers of these value tiers (codes of the value_tier enumeration,
 *     e.g. top5, next15) in the month; empty for every tier
 */
public record ChurnListQuery(int month, String region, int limit, List<String> valueTiers) {
  public ChurnListQuery {
    valueTiers = valueTiers == null ? List.of() : List.copyOf(valueTiers);
  }

  /** Every value tier. */
  public ChurnListQuery(int month, String region, int limit) {
    this(month, region, limit, List.of());
  }
}
