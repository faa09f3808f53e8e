package org.telecube.server.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.telecube.reports.ReportException;
import org.telecube.reports.ReportFormat;
import org.telecube.reports.ReportService;
import org.telecube.server.security.ScopedServices;
import org.telecube.server.security.UserAccount;
import org.telecube.reports.data.ReportData;
import org.telecube.server.schedule.Schedule;
import org.telecube.server.schedule.ScheduleRepository;
import org.telecube.warehouse.model.Language;

/**
 * Makes one delivery happen: claims its row by idempotency key (a row already SENT is never sent
 * again), renders the report, checks the document is whole, sends it, and records each step. A
 * failed attempt is retried with backoff through a persistent Quartz trigger until
 * {@code telecube.delivery.max-attempts}, then the delivery is FAILED with the last error.
 */
@Component
public class Deliverer {
  private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

  private final DeliveryRepository deliveries;
  private final ScheduleRepository schedules;
  private final ScopedServices services;
  private final DeliveryMail mail;
  private final JavaMailSender sender;
  private final QuartzScheduleTriggers triggers;
  private final TransactionTemplate transaction;
  private final DeliverySettings settings;
  private final Clock clock;

  Deliverer(DeliveryRepository deliveries, ScheduleRepository schedules, ScopedServices services, DeliveryMail mail,
            JavaMailSender sender, QuartzScheduleTriggers triggers, TransactionTemplate transaction,
            DeliverySettings settings, Clock clock) {
    this.deliveries = deliveries;
    this.schedules = schedules;
    this.services = services;
    this.mail = mail;
    this.sender = sender;
    this.triggers = triggers;
    this.transaction = transaction;
    this.settings = settings;
    this.clock = clock;
  }

  /** Delivers the report of {@code schedule} for {@code fireTime} unless the delivery for {@code key} exists. */
  void deliver(Schedule schedule, String key, Instant fireTime, TriggerKind kind) {
    if (schedule.burst()) {
      burst(schedule, key, fireTime, kind);
      return;
    }
    Delivery d = deliveries.claim(schedule.id(), schedule.name(), key, fireTime, kind, schedule.reportId(),
        schedule.reportMonth(fireTime).toString(), recipients(schedule));
    if (d.status().isFinal() || d.status() == DeliveryStatus.RETRYING) {
      LOG.info("delivery {} ({}) is already {}; not starting it again", d.id(), key, d.status());
      return;
    }
    attempt(d);
  }

  /**
   * A burst schedule's firing: one delivery per recipient — every enabled user of the audience's
   * role and level, with an email, inside the owner's region — keyed by the firing's key and the
   * user, so a recovered or repeated firing finds each one and sends none twice.
   */
  private void burst(Schedule schedule, String key, Instant fireTime, TriggerKind kind) {
    List<UserAccount> recipients;
    try {
      recipients = services.audience(schedule.owner(), schedule.audienceRole(), schedule.audienceLevel());
    } catch (ScopedServices.OwnerDisabledException e) {
      deliveries.finished(deliveries.claim(schedule.id(), schedule.name(), key, fireTime, kind, schedule.reportId(),
          schedule.reportMonth(fireTime).toString(), List.of()).id(), DeliveryStatus.FAILED, e.getMessage());
      return;
    }
    if (recipients.isEmpty()) {
      LOG.warn("schedule {} fired for {} {}s: none has an email inside its owner's region", schedule.id(),
          schedule.audienceLevel(), schedule.audienceRole());
    }
    for (UserAccount user : recipients) {
      Delivery d = deliveries.claim(schedule.id(), schedule.name(), key + "#user:" + user.username(), fireTime, kind,
          schedule.reportId(), schedule.reportMonth(fireTime).toString(), List.of(user.email()), user.username());
      if (d.status().isFinal() || d.status() == DeliveryStatus.RETRYING) {
        continue;
      }
      attempt(d);
    }
  }

  void skip(Schedule schedule, String key, Instant fireTime, String reason) {
    deliveries.skipped(schedule.id(), schedule.name(), key, fireTime, schedule.reportId(),
        schedule.reportMonth(fireTime).toString(), recipients(schedule), reason);
  }

  /** Another attempt at delivery {@code id} (a retry trigger fired). */
  void attempt(long id) {
    deliveries.find(id).ifPresentOrElse(this::attempt, () -> LOG.warn("delivery {} no longer exists", id));
  }

  private void attempt(Delivery d) {
    if (d.status().isFinal()) {
      return;
    }
    if (!deliveries.startAttempt(d)) {
      LOG.info("delivery {} was taken by another worker", d.id());
      return;
    }
    int attempt = d.attempts() + 1;
    Schedule schedule = d.scheduleId() == null ? null : schedules.find(d.scheduleId()).orElse(null);
    if (schedule == null) {
      deliveries.finished(d.id(), DeliveryStatus.FAILED, "the schedule was deleted before the report was sent");
      return;
    }
    if (!schedule.enabled() && d.triggerKind() != TriggerKind.MANUAL) {
      deliveries.finished(d.id(), DeliveryStatus.SKIPPED, "the schedule was disabled before the report was sent");
      return;
    }
    ReportService reports;
    try {
      // runs as its owner, as they are now; a burst delivery as its recipient, inside the owner's region
      reports = d.recipientUsername() == null ? services.reportsOf(schedule.owner())
          : services.reportsOfRecipient(schedule.owner(), d.recipientUsername());
    } catch (ScopedServices.OwnerDisabledException e) {
      deliveries.finished(d.id(), DeliveryStatus.FAILED, e.getMessage());
      return;
    }
    try {
      YearMonth month = YearMonth.parse(d.reportMonth());
      ReportFormat format = ReportFormat.parse(schedule.format()).orElse(ReportFormat.PDF);
      ReportData data = reports.data(schedule.reportId(), month, d.recipientUsername() == null ? schedule.scope() : null,
          Language.parse(schedule.locale()).orElse(Language.ZH_CN));
      byte[] document = reports.render(data, format);
      DocumentCheck.whole(document, format);
      DeliveryMail.Composed message = mail.compose(schedule, d, data.summary(), document, format, month,
          d.recipientUsername() == null ? schedule.scope() : ScopedServices.regionKey(reports.scope()));
      deliveries.sending(d.id(), message.subject(), message.recipients(), message.messageId(), document.length);
      sender.send(message.message());
      deliveries.sent(d.id());
      LOG.info("delivery {}: sent \"{}\" to {} (attempt {})", d.id(), message.subject(), message.recipients(), attempt);
    } catch (ReportException e) {
      if (e.kind() == ReportException.Kind.BAD_PARAMETER || e.kind() == ReportException.Kind.FORBIDDEN) {
        deliveries.finished(d.id(), DeliveryStatus.FAILED, describe(e));
      } else {
        failed(d, schedule, attempt, e); // a month without data yet may be loaded before the next attempt
      }
    } catch (RuntimeException e) {
      failed(d, schedule, attempt, e);
    }
  }

  private void failed(Delivery d, Schedule schedule, int attempt, RuntimeException e) {
    String error = describe(e);
    if (attempt >= settings.maxAttempts()) {
      LOG.warn("delivery {} failed after {} attempts: {}", d.id(), attempt, error);
      deliveries.finished(d.id(), DeliveryStatus.FAILED, error + " (gave up after " + attempt + " attempts)");
      return;
    }
    Instant at = clock.instant().plus(settings.backoffAfter(attempt));
    LOG.warn("delivery {} attempt {} failed, retrying at {}: {}", d.id(), attempt, at, error);
    try {
      transaction.executeWithoutResult(status -> {
        deliveries.retrying(d.id(), at, error);
        triggers.retry(schedule.id(), d.id(), attempt, at);
      });
    } catch (RuntimeException retryFailed) {
      deliveries.finished(d.id(), DeliveryStatus.FAILED, error + "; could not schedule a retry: "
          + describe(retryFailed));
    }
  }

  private static List<String> recipients(Schedule s) {
    List<String> all = new ArrayList<>(s.to());
    all.addAll(s.cc());
    return all;
  }

  /** The error and its innermost cause, which is where SMTP says what went wrong. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    return root == e ? message : message + " [" + root.getClass().getSimpleName() + ": " + root.getMessage() + "]";
  }
}
