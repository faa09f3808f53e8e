package org.telecube.etl.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * How the contract compares a backend's number with the oracle's. Exact against exact (a sum of
 * money, a count) must be equal, to the cent; a ratio (a double) within 1e-9 relative. Money a
 * backend returns as a double is held to the cent, unless the backend declares exact decimals, in
 * which case a double is itself a breach.
 */
final class Expect {
  static final double RELATIVE = 1e-9;
  private static final BigDecimal CENT = new BigDecimal("0.005");

  private final boolean exactDecimal;

  Expect(boolean exactDecimal) {
    this.exactDecimal = exactDecimal;
  }

  void same(String what, Object actual, Object expected) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
      return;
    }
    assertThat(actual).as(what + " (expected " + expected + ")").isNotNull();
    if (exact(expected) && exact(actual)) {
      assertThat(decimal(actual)).as(what).isEqualByComparingTo(decimal(expected));
    } else if (exact(expected)) {
      if (exactDecimal && decimal(expected).scale() > 0) {
        fail("%s: the backend declares exact decimals but returned a double %s for %s", what, actual, expected);
      }
      BigDecimal diff = decimal(expected).subtract(new BigDecimal(((Number) actual).doubleValue())).abs();
      assertThat(diff).as("%s: %s against %s, to the cent", what, actual, expected).isLessThanOrEqualTo(CENT);
    } else {
      double e = ((Number) expected).doubleValue();
      double a = ((Number) actual).doubleValue();
      assertThat(Math.abs(a - e)).as("%s: %s against %s, within 1e-9 relative", what, a, e)
          .isLessThanOrEqualTo(RELATIVE * Math.max(Math.abs(e), 1e-300));
    }
  }

  /** Same keys, and the same number under each. */
  void sameCells(String what, Map<String, Object> actual, Map<String, Object> expected) {
    assertThat(expected).as(what + ": the oracle found rows").isNotEmpty();
    assertThat(actual.keySet()).as(what + ": row keys").containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((k, v) -> same(what + " [" + k + "]", actual.get(k), v));
  }

  static boolean exact(Object v) {
    return v instanceof BigDecimal || v instanceof BigInteger || v instanceof Long || v instanceof Integer
        || v instanceof Short;
  }

  static BigDecimal decimal(Object v) {
    return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
  }
}
