package org.telecube.etl.derive;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.telecube.etl.WarehouseRows;
import org.telecube.warehouse.Warehouse;

/**
 * Compares the star of two warehouses row by row, as multisets: every dimension, every fact with
 * its analysis columns, and the fitted warning weights.
 */
final class StarComparison {
  /** Every derived table; staging keeps batch ids, which differ by design. */
  static final List<String> TABLES = List.of("dim_region", "dim_org", "dim_product", "dim_charge_item", "dim_month",
      "dim_date", "dim_time_bridge", "dim_subscriber", "fact_billing", "fact_subscriber_month", "fact_usage",
      "fact_service_event", "churn_signal_weight");

  private StarComparison() {
  }

  /** Fails naming each table whose rows differ, with a few rows only one side has. */
  static void assertSameStar(Warehouse expected, Warehouse actual) {
    List<String> problems = new ArrayList<>();
    for (String table : TABLES) {
      List<List<String>> want = WarehouseRows.rows(expected, "SELECT * FROM " + table);
      List<List<String>> got = WarehouseRows.rows(actual, "SELECT * FROM " + table);
      List<List<String>> missing = minus(want, got);
      List<List<String>> extra = minus(got, want);
      if (!missing.isEmpty() || !extra.isEmpty()) {
        problems.add(table + ": " + want.size() + " rows expected, " + got.size() + " found; "
            + missing.size() + " missing, e.g. " + missing.subList(0, Math.min(3, missing.size()))
            + "; " + extra.size() + " unexpected, e.g. " + extra.subList(0, Math.min(3, extra.size())));
      }
    }
    if (!problems.isEmpty()) {
      fail("the incrementally loaded star differs from the one loaded from scratch:\n" + String.join("\n", problems));
    }
  }

  private static List<List<String>> minus(List<List<String>> a, List<List<String>> b) {
    Map<List<String>, Integer> counts = new HashMap<>();
    b.forEach(r -> counts.merge(r, 1, Integer::sum));
    List<List<String>> out = new ArrayList<>();
    for (List<String> r : a) {
      Integer n = counts.get(r);
      if (n == null || n == 0) {
        out.add(r);
      } else {
        counts.put(r, n - 1);
      }
    }
    return out;
  }
}
