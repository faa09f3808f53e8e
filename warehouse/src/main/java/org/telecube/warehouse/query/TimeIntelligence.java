package org.telecube.warehouse.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Extra values per measure, relative to each time member of the query. The value columns come
 * from the same plan run over the time bridge; the change columns are computed from them.
 */
public enum TimeIntelligence {
  PREVIOUS_PERIOD("previous_period", "previous_period", false),
  PREVIOUS_PERIOD_CHANGE("previous_period_change", "previous_period", true),
  SAME_PERIOD_LAST_YEAR("same_period_last_year", "same_period_last_year", false),
  SAME_PERIOD_LAST_YEAR_CHANGE("same_period_last_year_change", "same_period_last_year", true),
  YEAR_TO_DATE("year_to_date", "year_to_date", false);

  private final String code;
  private final String bridgeKind;
  private final boolean change;

  TimeIntelligence(String code, String bridgeKind, boolean change) {
    this.code = code;
    this.bridgeKind = bridgeKind;
    this.change = change;
  }

  /** Name in queries and the suffix of the result column: {@code revenue:previous_period}. */
  public String code() {
    return code;
  }

  /** The dim_time_bridge kind whose values this column needs. */
  public String bridgeKind() {
    return bridgeKind;
  }

  /** True for ratios (value - other) / other rather than values. */
  public boolean isChange() {
    return change;
  }

  public static Optional<TimeIntelligence> parse(String code) {
    String c = code == null ? "" : code.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.code.equals(c)).findFirst();
  }
}
