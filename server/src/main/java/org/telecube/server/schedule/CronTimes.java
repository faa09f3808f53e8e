package org.telecube.server.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * A Quartz cron expression read in a time zone: its next fire times, and which of its times a
 * late firing stands for. Always the schedule's zone, never the JVM's default.
 */
public final class CronTimes {
  private static final int MAX_STEPS = 100_000;

  private final CronExpression expression;

  private CronTimes(CronExpression expression) {
    this.expression = expression;
  }

  /**
   * @throws ScheduleException naming {@code cron} with Quartz's reason when the expression is malformed
   */
  public static CronTimes of(String cron, ZoneId zone) {
    try {
      CronExpression e = new CronExpression(cron);
      e.setTimeZone(TimeZone.getTimeZone(zone));
      return new CronTimes(e);
    } catch (ParseException e) {
      throw ScheduleException.invalid("cron", "bad_cron", "bad cron expression \"" + cron + "\": " + e.getMessage()
          + " (Quartz syntax with seconds first, e.g. \"0 0 8 1 * ?\" = 08:00 on the 1st of every month)", cron);
    }
  }

  /** Up to {@code count} fire times strictly after {@code after}, earliest first. */
  public List<Instant> next(Instant after, int count) {
    List<Instant> times = new ArrayList<>(count);
    Date t = Date.from(after);
    while (times.size() < count && (t = expression.getNextValidTimeAfter(t)) != null) {
      times.add(t.toInstant());
    }
    return times;
  }

  public boolean isFireTime(Instant time) {
    return expression.isSatisfiedBy(Date.from(time));
  }

  /**
   * The fire time a firing at {@code firedAt} stands for: itself when it is one of the
   * expression's times, otherwise (a misfire handled late) the latest time after {@code since}
   * that is not after {@code firedAt}; {@code firedAt} itself when there is none.
   */
  public Instant nominal(Instant firedAt, Instant since) {
    if (isFireTime(firedAt)) {
      return firedAt;
    }
    Instant latest = firedAt;
    Date t = Date.from(since);
    for (int i = 0; i < MAX_STEPS; i++) {
      t = expression.getNextValidTimeAfter(t);
      if (t == null || t.toInstant().isAfter(firedAt)) {
        break;
      }
      latest = t.toInstant();
    }
    return latest;
  }
}
