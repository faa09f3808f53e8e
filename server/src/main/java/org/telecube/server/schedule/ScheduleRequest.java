package org.telecube.server.schedule;

import java.util.List;

/**
 * A schedule as a client sends it (create or replace); everything is checked by
 * {@link ScheduleValidator} and defaults are filled in there.
 *
 * @param monthOffset the report month relative to the fire time (default -1)
 * @param month or a fixed report month, YYYY-MM; at most one of the two
 * @param audience instead of {@code to}/{@code cc} and {@code scope}: every user of a role at an org
 *     level receives the report of their own region ("every province manager")
 */
public record ScheduleRequest(String name, String reportId, Integer monthOffset, String month, String scope,
                              String format, String locale, String cron, String timeZone, List<String> to,
                              List<String> cc, String subject, Boolean enabled, String owner, Audience audience) {

  /**
   * Who a burst schedule goes to.
   *
   * @param role manager or analyst
   * @param level province or city: the org level of the recipients' units
   */
  public record Audience(String role, String level) {
  }

  /** A request addressed to its recipients (no audience). */
  public ScheduleRequest(String name, String reportId, Integer monthOffset, String month, String scope,
                         String format, String locale, String cron, String timeZone, List<String> to,
                         List<String> cc, String subject, Boolean enabled, String owner) {
    this(name, reportId, monthOffset, month, scope, format, locale, cron, timeZone, to, cc, subject, enabled, owner,
        null);
  }

  /** A request with a month relative to the fire time (no fixed month). */
  public ScheduleRequest(String name, String reportId, Integer monthOffset, String scope, String format,
                         String locale, String cron, String timeZone, List<String> to, List<String> cc,
                         String subject, Boolean enabled, String owner) {
    this(name, reportId, monthOffset, null, scope, format, locale, cron, timeZone, to, cc, subject, enabled, owner);
  }
}
