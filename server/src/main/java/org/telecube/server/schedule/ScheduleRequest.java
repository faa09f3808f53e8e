package org.telecube.server.schedule;

import java.util.List;

/**
 * A schedule as a client sends it (create or replace); everything is checked by
 * {@link ScheduleValidator} and defaults are filled in there.
 */
public record ScheduleRequest(String name, String reportId, Integer monthOffset, String scope, String format,
                              String locale, String cron, String timeZone, List<String> to, List<String> cc,
                              String subject, Boolean enabled, String owner) {
}
