package org.telecube.warehouse.query;

import java.util.List;

/**
 * A list of subscribers (detail rows, not aggregates) for one month: the at-risk list or the
 * churned-customer base.
 *
 * @param month yyyymm
 * @param region a city, province or macro-region key, or null for every region
 * @param valueTiers codes of the value_tier enumeration to keep; empty for every tier
 * @param limit at most this many rows
 */
public record SubscriberList(Kind kind, int month, String region, List<String> valueTiers, int limit) {
  public SubscriberList {
    valueTiers = valueTiers == null ? List.of() : List.copyOf(valueTiers);
  }

  /** Which list. */
  public enum Kind {
    /** Active at month end with churn warnings, by warning score × value score. */
    AT_RISK,
    /** Churned in the month, by the revenue of the months before. */
    CHURNED
  }

  /** The columns of {@link Kind#AT_RISK} rows. */
  public static final List<String> AT_RISK_COLUMNS = List.of("subscriber_id", "msisdn", "city_code",
      "city_name_zh", "city_name_en", "value_segment", "value_tier", "value_score", "revenue", "tenure_months",
      "warning_score", "signals", "warning_type");

  /** The columns of {@link Kind#CHURNED} rows. */
  public static final List<String> CHURNED_COLUMNS = List.of("subscriber_id", "msisdn", "city_code",
      "city_name_zh", "city_name_en", "status_date", "churn_reason", "tenure_months", "arpu_before",
      "segment_before", "signals_before", "signals");
}
