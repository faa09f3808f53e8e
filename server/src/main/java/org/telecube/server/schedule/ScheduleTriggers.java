package org.telecube.server.schedule;

import java.time.Instant;
import java.util.Optional;

/**
 * What firing a schedule means, implemented by the delivery side (Quartz): the schedule package
 * says when, the delivery package does it. Calls are made inside the transaction that saves the
 * schedule, so a schedule and its trigger are stored together or not at all.
 */
public interface ScheduleTriggers {
  /** Creates or replaces the schedule's trigger; a disabled schedule gets none. */
  void scheduled(Schedule schedule);

  /** Drops the schedule's trigger and any pending retry, whose delivery is recorded as cancelled. */
  void removed(long scheduleId);

  /**
   * The schedule was just disabled: drops its pending retries and records their deliveries (and
   * any still queued) as cancelled.
   */
  void disabled(long scheduleId);

  /** When the schedule fires next, if it is enabled and fires again. */
  Optional<Instant> nextFireTime(long scheduleId);

  /** Queues one delivery now, outside the schedule's cron; returns that delivery's idempotency key. */
  String sendNow(Schedule schedule);
}
