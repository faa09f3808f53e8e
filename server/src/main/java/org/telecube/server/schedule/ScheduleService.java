package org.telecube.server.schedule;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating, changing and removing schedules together with their triggers, in one transaction each. */
@Service
public class ScheduleService {
  private final ScheduleRepository repository;
  private final ScheduleValidator validator;
  private final ScheduleTriggers triggers;
  private final DeliveryHistory history;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public ScheduleService(ScheduleRepository repository, ScheduleValidator validator, ScheduleTriggers triggers,
                         DeliveryHistory history, TransactionTemplate transaction, Clock clock) {
    this.repository = repository;
    this.validator = validator;
    this.triggers = triggers;
    this.history = history;
    this.transaction = transaction;
    this.clock = clock;
  }

  public Schedule create(ScheduleRequest request) {
    Schedule checked = validator.check(request, clock.instant());
    return transaction.execute(status -> {
      Schedule saved = repository.insert(checked);
      triggers.scheduled(saved);
      return saved;
    });
  }

  public Schedule replace(long id, ScheduleRequest request) {
    Schedule checked = validator.check(request, clock.instant());
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
