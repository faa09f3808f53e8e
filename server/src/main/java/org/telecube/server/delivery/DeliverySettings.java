package org.telecube.server.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code telecube.delivery.*}: how deliveries are sent and retried.
 *
 * @param from the sender address (the SMTP server itself is {@code spring.mail.*})
 * @param maxAttempts attempts before a delivery is marked failed
 * @param backoff the wait before the first retry; each further retry waits twice as long
 * @param maxBackoff the longest wait between attempts
 * @param missed what to do with a fire time missed while no server was running: send it once when
 *     a server is back (SEND_ONCE), or record it as skipped (SKIP)
 * @param missedAfter how late a firing must be to count as missed (Quartz's misfire threshold)
 */
@ConfigurationProperties("telecube.delivery")
public record DeliverySettings(@DefaultValue("TeleCube <telecube@localhost>") String from,
                               @DefaultValue("5") int maxAttempts,
                               @DefaultValue("1m") Duration backoff,
                               @DefaultValue("30m") Duration maxBackoff,
                               @DefaultValue("SEND_ONCE") MissedRuns missed,
                               @DefaultValue("1m") Duration missedAfter) {
  public enum MissedRuns { SEND_ONCE, SKIP }

  /** The wait after attempt {@code attempt} (1-based) failed. */
  public Duration backoffAfter(int attempt) {
    Duration wait = backoff;
    for (int i = 1; i < attempt && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
