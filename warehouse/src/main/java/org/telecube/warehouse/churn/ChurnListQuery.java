package org.telecube.warehouse.churn;

/**
 * Which subscribers to list.
 *
 * @param month yyyymm
 * @param region a city, province or macro-region key, or null for all
 * @param limit at most this many
 */
public record ChurnListQuery(int month, String region, int limit) {
}
