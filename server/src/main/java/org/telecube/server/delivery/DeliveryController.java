package org.telecube.server.delivery;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.telecube.server.schedule.ScheduleService;
import org.telecube.server.security.Viewer;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telecube.server.schedule.ScheduleException;

/** {@code /api/deliveries}: the delivery history, newest first, with status, attempts and errors. */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {
  private static final int MAX_LIMIT = 1000;

  private final DeliveryRepository deliveries;

  private final ScheduleService schedules;

  DeliveryController(DeliveryRepository deliveries, ScheduleService schedules) {
    this.deliveries = deliveries;
    this.schedules = schedules;
  }

  @Operation(summary = "Deliveries, newest fire time first; filter by schedule and status "
      + "(queued, rendering, sending, retrying, sent, failed, skipped)")
  @GetMapping
  List<Delivery> list(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) Long scheduleId,
                      @RequestParam(required = false) String status,
                      @RequestParam(required = false, defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ScheduleException.invalid("limit", "bad_limit", "limit must be between 1 and " + MAX_LIMIT, MAX_LIMIT);
    }
    if (viewer.isAdmin()) {
      return deliveries.recent(scheduleId, status(status), limit);
    }
    if (scheduleId != null) {
      schedules.get(scheduleId, viewer); // another user's: 403
      return deliveries.recent(scheduleId, status(status), limit);
    }
    Set<Long> own = schedules.views(viewer).stream().map(v -> v.schedule().id()).collect(Collectors.toSet());
    return deliveries.recent(null, status(status), MAX_LIMIT).stream()
        .filter(d -> d.scheduleId() != null && own.contains(d.scheduleId())).limit(limit).toList();
  }

  @Operation(summary = "One delivery")
  @GetMapping("/{id}")
  Delivery get(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
    Delivery d = deliveries.find(id).orElseThrow(() -> ScheduleException.notFound("id", "unknown_delivery",
        "no delivery " + id, id));
    if (!viewer.isAdmin()) {
      if (d.scheduleId() == null) {
        throw ScheduleException.forbidden("id", "not_your_schedule", "the delivery's schedule is gone",
            List.of(String.valueOf(id)));
      }
      schedules.get(d.scheduleId(), viewer);
    }
    return d;
  }

  private static DeliveryStatus status(String status) {
    if (status == null || status.isBlank()) {
      return null;
    }
    try {
      return DeliveryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ScheduleException.invalid("status", "unknown_status", "unknown status \"" + status
          + "\": queued, rendering, sending, retrying, sent, failed or skipped", status);
    }
  }
}
