package org.telecube.server.schedule;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.telecube.server.security.ScopedServices;
import org.telecube.server.security.UserAccount;
import org.telecube.server.security.UserService;
import org.telecube.server.security.Viewer;

/** Creating, changing and removing schedules together with their triggers, in one transaction each. */
@Service
public class ScheduleService {
  private final ScheduleRepository repository;
  private final ScheduleValidator validator;
  private final ScheduleTriggers triggers;
  private final DeliveryHistory history;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ScopedServices services;
  private final UserService users;

  public ScheduleService(ScheduleRepository repository, ScheduleValidator validator, ScheduleTriggers triggers,
                         DeliveryHistory history, TransactionTemplate transaction, Clock clock,
                         ScopedServices services, UserService users) {
    this.services = services;
    this.users = users;
    this.repository = repository;
    this.validator = validator;
    this.triggers = triggers;
    this.history = history;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * A schedule created by {@code viewer}, who owns it; an admin may name another user as its
   * owner. Its report scope is checked as the owner sees the reports.
   */
  public Schedule create(ScheduleRequest request, Viewer viewer) {
    ScheduleRequest owned = owned(request, viewer);
    Schedule checked = validator.check(owned, clock.instant(), reportsOf(owned));
    return transaction.execute(status -> {
      Schedule saved = repository.insert(checked);
      triggers.scheduled(saved);
      return saved;
    });
  }

  /** Replaces {@code viewer}'s own schedule (an admin's: anyone's). */
  public Schedule replace(long id, ScheduleRequest request, Viewer viewer) {
    Schedule existing = get(id, viewer);
    boolean keepsOwner = request != null && (request.owner() == null || request.owner().isBlank());
    ScheduleRequest owned = keepsOwner ? withOwner(request, existing.owner()) : owned(request, viewer);
    return replaceChecked(id, validator.check(owned, clock.instant(), reportsOf(owned)));
  }

  /** Reports as the request's owner sees them (no request: the validator refuses it first). */
  private org.telecube.reports.ReportService reportsOf(ScheduleRequest owned) {
    return services.reportsOf(owned == null || owned.owner() == null ? "" : owned.owner());
  }

  public void delete(long id, Viewer viewer) {
    get(id, viewer);
    delete(id);
  }

  /** Schedule {@code id} if {@code viewer} may see it: their own, or any for an admin; else 403. */
  public Schedule get(long id, Viewer viewer) {
    Schedule s = get(id);
    if (!viewer.isAdmin() && !s.owner().equals(viewer.username())) {
      throw ScheduleException.forbidden("id", "not_your_schedule", "schedule " + id + " is another user's",
          List.of(String.valueOf(id)));
    }
    return s;
  }

  public ScheduleView view(long id, Viewer viewer) {
    return view(get(id, viewer), history.lastRuns());
  }

  /** The schedules {@code viewer} owns (an admin: all). */
  public List<ScheduleView> views(Viewer viewer) {
    Map<Long, LastRun> last = history.lastRuns();
    return repository.all().stream().filter(s -> viewer.isAdmin() || s.owner().equals(viewer.username()))
        .map(s -> view(s, last)).toList();
  }

  public String sendNow(long id, Viewer viewer) {
    get(id, viewer);
    return sendNow(id);
  }

  /** The request as stored: owned by the caller, or by the user an admin names. */
  private ScheduleRequest owned(ScheduleRequest request, Viewer viewer) {
    if (request == null) {
      return null;
    }
    String asked = request.owner() == null || request.owner().isBlank() ? null : request.owner().strip();
    if (asked != null && (asked.length() > 100 || asked.chars().anyMatch(Character::isISOControl))) {
      return request; // the validator says what is wrong with it
    }
    if (asked == null || asked.equalsIgnoreCase(viewer.username())) {
      return withOwner(request, viewer.username());
    }
    if (!viewer.isAdmin()) {
      throw ScheduleException.forbidden("owner", "owner_not_settable", "only admins give a schedule to another user",
          List.of());
    }
    UserAccount owner = users.find(asked).orElseThrow(() -> ScheduleException.invalid("owner", "unknown_user",
        "no user " + asked, UserService.printableName(asked)));
    return withOwner(request, owner.username());
  }

  private static ScheduleRequest withOwner(ScheduleRequest r, String owner) {
    return new ScheduleRequest(r.name(), r.reportId(), r.monthOffset(), r.month(), r.scope(), r.format(), r.locale(),
        r.cron(), r.timeZone(), r.to(), r.cc(), r.subject(), r.enabled(), owner, r.audience());
  }

  /** Creates a schedule as HQ, with the owner the request names (the command line, tests). */
  public Schedule create(ScheduleRequest request) {
    Schedule checked = validator.check(request, clock.instant());
    return transaction.execute(status -> {
      Schedule saved = repository.insert(checked);
      triggers.scheduled(saved);
      return saved;
    });
  }

  public Schedule replace(long id, ScheduleRequest request) {
    return replaceChecked(id, validator.check(request, clock.instant()));
  }

  private Schedule replaceChecked(long id, Schedule checked) {
    return transaction.execute(status -> {
      boolean wasEnabled = repository.find(id).map(Schedule::enabled).orElse(false);
      Schedule saved = repository.update(id, checked).orElseThrow(() -> ScheduleException.notFound(id));
      triggers.scheduled(saved);
      if (wasEnabled && !saved.enabled()) {
        triggers.disabled(id);
      }
      return saved;
    });
  }

  public void delete(long id) {
    transaction.executeWithoutResult(status -> {
      triggers.removed(id); // first: it cancels the pending deliveries by schedule id
      if (!repository.delete(id)) {
        throw ScheduleException.notFound(id);
      }
    });
  }

  public Schedule get(long id) {
    return repository.find(id).orElseThrow(() -> ScheduleException.notFound(id));
  }

  public ScheduleView view(long id) {
    return view(get(id), history.lastRuns());
  }

  public List<ScheduleView> views() {
    Map<Long, LastRun> last = history.lastRuns();
    return repository.all().stream().map(s -> view(s, last)).toList();
  }

  /** Queues a delivery of schedule {@code id} now; returns its idempotency key. */
  public String sendNow(long id) {
    Schedule schedule = get(id);
    return transaction.execute(status -> triggers.sendNow(schedule));
  }

  /** The next {@code count} fire times of {@code cron} in {@code timeZone}, without saving anything. */
  public List<OffsetDateTime> preview(String cron, String timeZone, int count) {
    ZoneId zone = ScheduleValidator.zone(timeZone);
    if (cron == null || cron.isBlank()) {
      throw ScheduleException.invalid("cron", "missing_cron", "cron is required", "cron");
    }
    return CronTimes.of(cron.trim(), zone).next(clock.instant(), count).stream()
        .map(t -> t.atZone(zone).toOffsetDateTime()).toList();
  }

  private ScheduleView view(Schedule s, Map<Long, LastRun> last) {
    OffsetDateTime next = triggers.nextFireTime(s.id()).map(t -> t.atZone(s.zone()).toOffsetDateTime()).orElse(null);
    return new ScheduleView(s, next, last.get(s.id()));
  }
}
