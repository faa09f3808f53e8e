package org.telecube.server.schedule;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.telecube.server.security.AuditLog;
import org.telecube.server.security.Viewer;

/** {@code /api/schedules}: report schedules, their next fire times, and sending one now. */
@RestController
@RequestMapping("/api/schedules")
class ScheduleController {
  private static final int PREVIEW_COUNT = 5;

  private final ScheduleService schedules;
  private final AuditLog audit;

  ScheduleController(ScheduleService schedules, AuditLog audit) {
    this.schedules = schedules;
    this.audit = audit;
  }

  @Operation(summary = "All schedules with their next run (in the schedule's zone) and last delivery")
  @GetMapping
  List<ScheduleView> list(@AuthenticationPrincipal Viewer viewer) {
    return schedules.views(viewer);
  }

  @Operation(summary = "One schedule with its next run and last delivery")
  @GetMapping("/{id}")
  ScheduleView get(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
    return schedules.view(id, viewer);
  }

  @Operation(summary = "Create a schedule; 400 names the field that is wrong")
  @PostMapping
  ResponseEntity<ScheduleView> create(@AuthenticationPrincipal Viewer viewer,
                                      @RequestBody(required = false) ScheduleRequest request,
                                      HttpServletRequest http) {
    Schedule saved = schedules.create(request, viewer);
    audit.record(viewer, "schedule_created", "schedule/" + saved.id(), "ok", http.getRemoteAddr(), about(saved));
    return ResponseEntity.created(URI.create("/api/schedules/" + saved.id())).body(schedules.view(saved.id(), viewer));
  }

  @Operation(summary = "Replace a schedule (its trigger is rescheduled in the same transaction)")
  @PutMapping("/{id}")
  ScheduleView replace(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                       @RequestBody(required = false) ScheduleRequest request, HttpServletRequest http) {
    Schedule saved = schedules.replace(id, request, viewer);
    audit.record(viewer, "schedule_replaced", "schedule/" + id, "ok", http.getRemoteAddr(), about(saved));
    return schedules.view(id, viewer);
  }

  @Operation(summary = "Delete a schedule and its trigger; its delivery history is kept")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                              HttpServletRequest http) {
    schedules.delete(id, viewer);
    audit.record(viewer, "schedule_deleted", "schedule/" + id, "ok", http.getRemoteAddr(), null);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Deliver the schedule's report now, outside its cron; the delivery shows up in /api/deliveries")
  @PostMapping("/{id}/send-now")
  ResponseEntity<Map<String, Object>> sendNow(@AuthenticationPrincipal Viewer viewer, @PathVariable long id,
                                              HttpServletRequest http) {
    String key = schedules.sendNow(id, viewer);
    audit.record(viewer, "schedule_sent_now", "schedule/" + id, "ok", http.getRemoteAddr(), key);
    return ResponseEntity.accepted().body(Map.of("scheduleId", id, "idempotencyKey", key,
        "deliveries", "/api/deliveries?scheduleId=" + id));
  }

  /** What the audit log keeps of a schedule: its name, report, owner and recipients' count. */
  private static String about(Schedule s) {
    return s == null ? null : "name=" + s.name() + " report=" + s.reportId() + " owner=" + s.owner() + " to="
        + s.to().size();
  }

  @Operation(summary = "Dry run: the next 5 fire times of a cron expression in a time zone (default Asia/Shanghai)")
  @GetMapping("/preview")
  Map<String, Object> preview(@RequestParam(required = false) String cron,
                              @RequestParam(required = false) String timeZone) {
    List<OffsetDateTime> times = schedules.preview(cron, timeZone, PREVIEW_COUNT);
    return Map.of("cron", cron, "timeZone", ScheduleValidator.zone(timeZone).getId(), "fireTimes", times);
  }

  @Operation(summary = "The next 5 fire times of a stored schedule")
  @GetMapping("/{id}/preview")
  Map<String, Object> preview(@AuthenticationPrincipal Viewer viewer, @PathVariable long id) {
    Schedule s = schedules.get(id, viewer);
    return Map.of("cron", s.cron(), "timeZone", s.timeZone(), "enabled", s.enabled(),
        "fireTimes", schedules.preview(s.cron(), s.timeZone(), PREVIEW_COUNT));
  }
}
