package org.telecube.server.schedule;

import java.time.OffsetDateTime;

/**
 * A schedule as the API returns it: the stored schedule with when it fires next (in its own zone)
 * and how its last delivery went.
 */
public record ScheduleView(Schedule schedule, OffsetDateTime nextRun, LastRun lastRun) {
}
