package org.telecube.etl.load;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Knobs of a load.
 *
 * @param zone the operator's time zone: batch timestamps and the current year (upper bound of
 *     birth_year) are taken in it, never in the machine's zone
 * @param clock the time source
 * @param rejectsKept how many rejects the returned {@link RejectReport} holds (all are stored)
 */
public record LoadOptions(ZoneId zone, Clock clock, int rejectsKept) {
  public static final ZoneId OPERATOR_ZONE = ZoneId.of("Asia/Shanghai");

  public static LoadOptions defaults() {
    return new LoadOptions(OPERATOR_ZONE, Clock.systemUTC(), 20);
  }
}
