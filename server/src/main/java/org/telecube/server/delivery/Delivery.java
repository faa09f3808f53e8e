package org.telecube.server.delivery;

import java.time.Instant;
import java.util.List;

/**
 * One delivery of a schedule's report, as recorded in the metadata store.
 *
 * @param scheduleId null once the schedule has been deleted (the history stays)
 * @param idempotencyKey schedule and fire time: a second firing for the same time finds this row
 * @param fireTime the cron time the delivery stands for (not when it ran)
 * @param reportMonth the month the report covers, YYYY-MM
 * @param attempts rendering and sending attempts so far
 * @param nextAttemptAt when a RETRYING delivery tries again
 * @param error the last attempt's error, if it failed
 */
// recipientUsername: for a burst schedule, the user this delivery is for (their email, their region); else null
public record Delivery(long id, Long scheduleId, String scheduleName, String idempotencyKey, Instant fireTime,
                       TriggerKind triggerKind, String reportId, String reportMonth, DeliveryStatus status,
                       int attempts, Instant nextAttemptAt, String error, List<String> recipients, String subject,
                       String messageId, Integer attachmentSize, Instant createdAt, Instant updatedAt,
                       Instant sentAt, String recipientUsername) {
  public Delivery {
    recipients = List.copyOf(recipients);
  }
}
