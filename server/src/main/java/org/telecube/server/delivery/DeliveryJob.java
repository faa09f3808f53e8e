package org.telecube.server.delivery;

import java.time.Duration;
import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telecube.server.schedule.CronTimes;
import org.telecube.server.schedule.Schedule;
import org.telecube.server.schedule.ScheduleRepository;

/**
 * What a Quartz firing does: works out which delivery it stands for — the schedule's cron time
 * (even when it fires late or is a recovery after a crash), a "send now", or a retry — and hands
 * it to the {@link Deliverer}. The idempotency key is the schedule and that cron time, so every
 * way of firing for the same time lands on the same delivery row.
 */
public class DeliveryJob implements Job {
  static final String SCHEDULE_ID = "scheduleId";
  static final String MANUAL_KEY = "manualKey";
  static final String DELIVERY_ID = "deliveryId";
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryJob.class);
  /** How far back a late firing looks for the cron time it stands for. */
  private static final Duration LOOK_BACK = Duration.ofDays(35);

  private final ScheduleRepository schedules;
  private final Deliverer deliverer;
  private final DeliverySettings settings;

  public DeliveryJob(ScheduleRepository schedules, Deliverer deliverer, DeliverySettings settings) {
    this.schedules = schedules;
    this.deliverer = deliverer;
    this.settings = settings;
  }

  @Override
  public void execute(JobExecutionContext context) {
    JobDataMap data = context.getMergedJobDataMap();
    long scheduleId = data.getLong(SCHEDULE_ID);
    if (data.containsKey(DELIVERY_ID)) {
      deliverer.attempt(data.getLong(DELIVERY_ID));
      return;
    }
    Schedule schedule = schedules.find(scheduleId).orElse(null);
    if (schedule == null) {
      LOG.warn("schedule {} no longer exists; nothing to send", scheduleId);
      return;
    }
    Instant fired = context.getScheduledFireTime().toInstant();
    if (context.isRecovering() && data.containsKey(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)) {
      fired = Instant.ofEpochMilli(Long.parseLong(
          data.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS)));
      LOG.info("recovering the delivery of schedule {} for {} after an instance stopped mid-way", scheduleId, fired);
    }
    if (data.containsKey(MANUAL_KEY)) {
      deliverer.deliver(schedule, data.getString(MANUAL_KEY), fired, TriggerKind.MANUAL);
      return;
    }
    if (!schedule.enabled()) {
      LOG.info("schedule {} is disabled; not sending", scheduleId);
      return;
    }
    Instant nominal = CronTimes.of(schedule.cron(), schedule.zone()).nominal(fired, fired.minus(LOOK_BACK));
    String key = "schedule:" + scheduleId + "@" + nominal;
    boolean late = Duration.between(nominal, fired).compareTo(settings.missedAfter()) > 0;
    if (!late) {
      deliverer.deliver(schedule, key, nominal, TriggerKind.SCHEDULED);
    } else if (settings.missed() == DeliverySettings.MissedRuns.SEND_ONCE) {
      LOG.info("schedule {} missed {} while no server ran; sending it once now", scheduleId, nominal);
      deliverer.deliver(schedule, key, nominal, TriggerKind.CATCH_UP);
    } else {
      LOG.info("schedule {} missed {} while no server ran; skipped (telecube.delivery.missed=SKIP)", scheduleId, nominal);
      deliverer.skip(schedule, key, nominal, "missed at " + nominal + " while no server was running; skipped by policy");
    }
  }
}
