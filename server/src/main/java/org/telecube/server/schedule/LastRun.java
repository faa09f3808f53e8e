package org.telecube.server.schedule;

import java.time.Instant;

/** The most recent delivery of a schedule, as the schedule list shows it. */
public record LastRun(long deliveryId, Instant fireTime, String reportMonth, String status, int attempts,
                      Instant sentAt, String error) {
}
