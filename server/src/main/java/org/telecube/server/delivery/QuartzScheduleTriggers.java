package org.telecube.server.delivery;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;
import org.telecube.server.schedule.Schedule;
import org.telecube.server.schedule.ScheduleTriggers;

/**
 * Schedules as Quartz jobs: one durable job per schedule (it survives its triggers and carries the
 * schedule id), a cron trigger in the schedule's zone while it is enabled, and one-shot triggers
 * for "send now" and retries (dropped, and their deliveries CANCELLED, when the schedule is deleted
 * or disabled). Jobs ask for recovery, so a delivery running when its instance died
 * is run again by a surviving or restarted one.
 */
@Component
class QuartzScheduleTriggers implements ScheduleTriggers {
  private static final String GROUP = "telecube-schedules";

  private static final String RETRY = "retry-";

  private final Scheduler scheduler;
  private final DeliveryRepository deliveries;

  QuartzScheduleTriggers(Scheduler scheduler, DeliveryRepository deliveries) {
    this.scheduler = scheduler;
    this.deliveries = deliveries;
  }

  @Override
  public void scheduled(Schedule schedule) {
    try {
      JobDetail job = JobBuilder.newJob(DeliveryJob.class).withIdentity(jobKey(schedule.id()))
          .usingJobData(DeliveryJob.SCHEDULE_ID, schedule.id())
          .withDescription(schedule.name())
          .storeDurably().requestRecovery().build();
      scheduler.addJob(job, true);
      TriggerKey key = cronKey(schedule.id());
      if (!schedule.enabled()) {
        scheduler.unscheduleJob(key);
        return;
      }
      // Missed runs always fire (once); the job applies the SEND_ONCE / SKIP policy and records it
      Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(job)
          .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
              .inTimeZone(TimeZone.getTimeZone(schedule.zone()))
              .withMisfireHandlingInstructionFireAndProceed())
          .build();
      if (scheduler.checkExists(key)) {
        scheduler.rescheduleJob(key, trigger);
      } else {
        scheduler.scheduleJob(trigger);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not schedule \"" + schedule.name() + "\": " + e.getMessage(), e);
    }
  }

  @Override
  public void disabled(long scheduleId) {
    try {
      for (Trigger t : scheduler.getTriggersOfJob(jobKey(scheduleId))) {
        if (t.getKey().getName().startsWith(RETRY)) {
          scheduler.unscheduleJob(t.getKey());
        }
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not cancel the retries of schedule " + scheduleId + ": " + e.getMessage(), e);
    }
    deliveries.cancelPending(scheduleId);
  }

  @Override
  public void removed(long scheduleId) {
    try {
      // before the row goes: its deliveries keep their history but lose the schedule id
      deliveries.cancelPending(scheduleId);
      scheduler.deleteJob(jobKey(scheduleId));
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not remove the trigger of schedule " + scheduleId, e);
    }
  }

  @Override
  public Optional<Instant> nextFireTime(long scheduleId) {
    try {
      Trigger t = scheduler.getTrigger(cronKey(scheduleId));
      return Optional.ofNullable(t).map(Trigger::getNextFireTime).map(Date::toInstant);
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not read the trigger of schedule " + scheduleId, e);
    }
  }

  @Override
  public String sendNow(Schedule schedule) {
    String key = "manual:" + schedule.id() + ":" + UUID.randomUUID();
    Trigger trigger = oneShot(TriggerKey.triggerKey("manual-" + UUID.randomUUID(), GROUP), schedule.id(), new Date())
        .usingJobData(DeliveryJob.MANUAL_KEY, key).build();
    schedule(trigger, schedule.id());
    return key;
  }

  /** Tries delivery {@code deliveryId} again at {@code at}. */
  void retry(long scheduleId, long deliveryId, int attempt, Instant at) {
    Trigger trigger = oneShot(TriggerKey.triggerKey(RETRY + deliveryId + "-" + attempt, GROUP), scheduleId,
        Date.from(at)).usingJobData(DeliveryJob.DELIVERY_ID, deliveryId).build();
    schedule(trigger, scheduleId);
  }

  private static TriggerBuilder<?> oneShot(TriggerKey key, long scheduleId, Date at) {
    return TriggerBuilder.newTrigger().withIdentity(key).forJob(jobKey(scheduleId)).startAt(at)
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow());
  }

  private void schedule(Trigger trigger, long scheduleId) {
    try {
      scheduler.scheduleJob(trigger);
    } catch (SchedulerException e) {
      throw new IllegalStateException("could not queue a delivery of schedule " + scheduleId + ": " + e.getMessage(), e);
    }
  }

  static JobKey jobKey(long scheduleId) {
    return JobKey.jobKey("schedule-" + scheduleId, GROUP);
  }

  private static TriggerKey cronKey(long scheduleId) {
    return TriggerKey.triggerKey("cron-" + scheduleId, GROUP);
  }
}
