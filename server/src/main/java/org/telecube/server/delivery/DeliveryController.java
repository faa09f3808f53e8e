package org.telecube.server.delivery;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
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

  DeliveryController(DeliveryRepository deliveries) {
    this.deliveries = deliveries;
  }

  @Operation(summary = "Deliveries, newest fire time first; filter by schedule and status "
      + "(queued, rendering, sending, retrying, sent, failed, skipped)")
  @GetMapping
  List<Delivery> list(@RequestParam(required = false) Long scheduleId,
                      @RequestParam(required = false) String status,
                      @RequestParam(required = false, defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ScheduleException.invalid("limit", "bad_limit", "limit must be between 1 and " + MAX_LIMIT, MAX_LIMIT);
    }
    return deliveries.recent(scheduleId, status(status), limit);
  }

  @Operation(summary = "One delivery")
  @GetMapping("/{id}")
  Delivery get(@PathVariable long id) {
    return deliveries.find(id).orElseThrow(() -> ScheduleException.notFound("id", "unknown_delivery",
        "no delivery " + id, id));
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
