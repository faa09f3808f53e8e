package org.telecube.server.schedule;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A report schedule as stored.
 *
 * @param monthOffset the report month relative to the month of the fire time in {@code timeZone}:
 *     -1 is the previous month (the usual monthly report), 0 the current month; null when
 *     {@code month} is set
 * @param month a fixed report month, YYYY-MM, whenever the schedule fires; null when
 *     {@code monthOffset} is set
 * @param scope a region key of the report, or null for the whole country
 * @param cron a Quartz cron expression (seconds first), evaluated in {@code timeZone}
 * @param subject the mail subject with placeholders {report}, {scope}, {month}
 * @param owner the user who owns it; its deliveries run as them
 * @param audienceRole for a burst schedule, the role whose users receive it (manager, analyst); else null
 * @param audienceLevel for a burst schedule, the org level of its recipients (province, city); else null
 */
public record Schedule(long id, String name, String reportId, Integer monthOffset, String month, String scope, String format,
                       String locale, String cron, String timeZone, List<String> to, List<String> cc,
                       String subject, boolean enabled, String owner, Instant createdAt, Instant updatedAt,
                       String audienceRole, String audienceLevel) {
  public Schedule {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
  }

  /** Whether each recipient gets the report of their own region (see {@link #audienceRole}). */
  public boolean burst() {
    return audienceRole != null;
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /** The month the report covers when the schedule fires at {@code fireTime}. */
  public YearMonth reportMonth(Instant fireTime) {
    if (month != null) {
      return YearMonth.parse(month);
    }
    return YearMonth.from(ZonedDateTime.ofInstant(fireTime, zone())).plusMonths(monthOffset);
  }
}
