package org.telecube.server.schedule;

import java.util.Map;

/** The delivery side's record of what schedules sent, as far as the schedule list needs it. */
public interface DeliveryHistory {
  /** The latest delivery of each schedule that has one, by schedule id. */
  Map<Long, LastRun> lastRuns();
}
