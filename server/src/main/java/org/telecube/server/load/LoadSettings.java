package org.telecube.server.load;

import java.time.Duration;

/**
 * How much work the server takes on at once, with the machine's processors as the default:
 * {@code telecube.query.*} (cube queries and exports), {@code telecube.report.*} (rendered
 * reports) and the wait for a warehouse connection. A value of 0 threads means "derive it".
 *
 * @param queryThreads queries computed at once (default: one per processor)
 * @param queryQueue queries waiting for a thread before new ones get 503
 * @param queryTimeout longest a query request may take, waiting included; then its SQL is cancelled and 504 answers
 * @param reportThreads reports rendered at once (default: one per two processors, at least one)
 * @param reportQueue reports waiting before new ones get 503
 * @param reportTimeout longest a report request may take, waiting included
 * @param poolTimeout longest wait for a warehouse connection before a 503
 */
public record LoadSettings(int queryThreads, int queryQueue, Duration queryTimeout, int reportThreads,
                           int reportQueue, Duration reportTimeout, Duration poolTimeout) {
  public LoadSettings {
    int processors = Runtime.getRuntime().availableProcessors();
    queryThreads = queryThreads > 0 ? queryThreads : processors;
    reportThreads = reportThreads > 0 ? reportThreads : Math.max(1, processors / 2);
    if (queryQueue < 0 || reportQueue < 0) {
      throw new IllegalArgumentException("telecube.query.queue and telecube.report.queue must be 0 or more");
    }
    for (Duration d : new Duration[] {queryTimeout, reportTimeout, poolTimeout}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("telecube.query.timeout, telecube.report.timeout and"
            + " telecube.warehouse.pool-timeout must be positive durations (e.g. 60s)");
      }
    }
  }

  /**
   * Connections the warehouse pool needs so that bounded work never waits for one: every query
   * and report thread, every delivery thread, and two for the light requests (members, explain, loads).
   */
  public int poolSize(int deliveryThreads) {
    return queryThreads + reportThreads + deliveryThreads + 2;
  }
}
