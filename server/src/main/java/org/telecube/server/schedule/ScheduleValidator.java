package org.telecube.server.schedule;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.telecube.reports.ReportException;
import org.telecube.reports.ReportFormat;
import org.telecube.reports.ReportService;
import org.telecube.server.metadata.StringLists;
import org.telecube.warehouse.model.Language;

/**
 * Checks a {@link ScheduleRequest} field by field and fills in defaults, so a schedule that is
 * saved can render and send: the report and scope exist, the cron parses and fires, the zone is a
 * real region zone, every address is an address.
 */
@Component
public final class ScheduleValidator {
  /** Where the operator is; the default zone of a schedule. */
  public static final String DEFAULT_ZONE = "Asia/Shanghai";
  public static final String DEFAULT_SUBJECT = "{report} · {scope} · {month}";
  static final Set<String> PLACEHOLDERS = Set.of("report", "scope", "month");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern FIXED_MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final int MAX_RECIPIENTS = 100;
  /** RFC 5321: no address is longer. */
  private static final int MAX_ADDRESS = 254;
  /** The width of report_schedule.recipients_to/_cc and report_delivery.recipients. */
  private static final int RECIPIENTS_COLUMN = 4000;
  private static final Duration MIN_INTERVAL = Duration.ofMinutes(1);

  private final ReportService reports;

  public ScheduleValidator(ReportService reports) {
    this.reports = reports;
  }

  /** The schedule to store for {@code request} (id and timestamps are the store's), seen by HQ. */
  public Schedule check(ScheduleRequest request, Instant now) {
    return check(request, now, reports);
  }

  /**
   * The same, with its report scope checked as its owner sees the reports ({@code ownerReports}):
   * a region outside the owner's is refused (403), a blank one is the owner's own.
   */
  public Schedule check(ScheduleRequest request, Instant now, ReportService ownerReports) {
    if (request == null) {
      throw ScheduleException.invalid("body", "missing_body", "a schedule is required");
    }
    String name = required(request.name(), "name", "missing_name", 200);
    String reportId = required(request.reportId(), "reportId", "missing_report_id", 64);
    YearMonth month = fixedMonth(request.month());
    if (month != null && request.monthOffset() != null) {
      throw ScheduleException.invalid("month", "month_and_offset",
          "give either month (a fixed YYYY-MM) or monthOffset (relative to the fire time), not both");
    }
    Integer monthOffset = month != null ? null : request.monthOffset() == null ? -1 : request.monthOffset();
    if (monthOffset != null && (monthOffset < -120 || monthOffset > 0)) {
      throw ScheduleException.invalid("monthOffset", "bad_month_offset",
          "monthOffset must be between -120 and 0 (-1 = the month before the fire time), not " + monthOffset,
          monthOffset);
    }
    Language language = Language.parse(request.locale()).orElseThrow(() -> ScheduleException.invalid("locale",
        "unknown_locale", "unknown locale \"" + request.locale() + "\": zh-CN or en", request.locale()));
    ReportFormat format = ReportFormat.parse(request.format()).orElseThrow(() -> ScheduleException.invalid(
        "format", "unknown_format", "unknown format \"" + request.format() + "\": pdf, html or xlsx", request.format(),
        "pdf, html, xlsx"));
    ScheduleRequest.Audience audience = audience(request);
    String scope = blankToNull(request.scope());
    if (scope != null && scope.length() > 64) {
      throw ScheduleException.invalid("scope", "too_long", "scope is longer than 64 characters", "scope", 64);
    }
    try {
      ownerReports.checkScope(reportId, scope, language);
    } catch (ReportException e) {
      String field = "id".equals(e.field()) ? "reportId" : e.field();
      if (e.kind() == ReportException.Kind.FORBIDDEN) {
        throw ScheduleException.forbidden(field, e.code(), e.getMessage(), e.args());
      }
      throw ScheduleException.invalid(field, e.code(), e.getMessage(), e.args());
    }
    ZoneId zone = zone(request.timeZone());
    String cron = required(request.cron(), "cron", "missing_cron", 120);
    checkCron(cron, zone, now);
    List<String> to = addresses(request.to(), "to", audience == null);
    List<String> cc = addresses(request.cc(), "cc", false);
    if (to.size() + cc.size() > MAX_RECIPIENTS) {
      throw ScheduleException.invalid("to", "too_many_recipients", "at most " + MAX_RECIPIENTS + " recipients",
          MAX_RECIPIENTS);
    }
    // the store keeps each list, and a delivery both, as JSON in a column of RECIPIENTS_COLUMN characters
    fits("to", StringLists.write(to));
    fits("cc", StringLists.write(cc));
    List<String> all = new ArrayList<>(to);
    all.addAll(cc);
    fits("cc", StringLists.write(all));
    String subject = blankToNull(request.subject()) == null ? DEFAULT_SUBJECT : request.subject().trim();
    checkSubject(subject);
    String owner = request.owner() == null ? "" : request.owner().trim();
    if (owner.length() > 100) {
      throw ScheduleException.invalid("owner", "too_long", "owner is longer than 100 characters", "owner", 100);
    }
    printable("name", name);
    printable("subject", subject);
    printable("owner", owner);
    return new Schedule(0, name, reportId, monthOffset, month == null ? null : month.toString(), scope, format.code(), language.tag(), cron, zone.getId(),
        to, cc, subject, request.enabled() == null || request.enabled(), owner, now, now,
        audience == null ? null : audience.role(), audience == null ? null : audience.level());
  }

  /**
   * A burst schedule's audience, checked: a role that reads reports and is bound to a region, an
   * org level, and neither addresses nor a scope beside it (each recipient's region is the scope).
   */
  private static ScheduleRequest.Audience audience(ScheduleRequest request) {
    ScheduleRequest.Audience a = request.audience();
    if (a == null) {
      return null;
    }
    String role = a.role() == null ? "" : a.role().strip().toLowerCase(java.util.Locale.ROOT);
    if (!role.equals("manager") && !role.equals("analyst")) {
      throw ScheduleException.invalid("audience.role", "bad_audience_role",
          "audience.role must be manager or analyst", String.valueOf(a.role()));
    }
    String level = a.level() == null ? "" : a.level().strip().toLowerCase(java.util.Locale.ROOT);
    if (!level.equals("province") && !level.equals("city")) {
      throw ScheduleException.invalid("audience.level", "bad_audience_level",
          "audience.level must be province or city", String.valueOf(a.level()));
    }
    if ((request.to() != null && !request.to().isEmpty()) || (request.cc() != null && !request.cc().isEmpty())) {
      throw ScheduleException.invalid("to", "burst_with_recipients",
          "a schedule sent to an audience takes no addresses: each recipient is the user's own email");
    }
    if (blankToNull(request.scope()) != null) {
      throw ScheduleException.invalid("scope", "burst_with_scope",
          "a schedule sent to an audience takes no scope: each recipient gets the report of their own region");
    }
    return new ScheduleRequest.Audience(role, level);
  }

  /** A fixed report month, YYYY-MM; null when none is given (a blank one is a mistake, not "none"). */
  private static YearMonth fixedMonth(String month) {
    if (month == null) {
      return null;
    }
    if (month.isBlank()) {
      throw ScheduleException.invalid("month", "missing_month", "month is required (YYYY-MM)");
    }
    YearMonth m;
    try {
      m = FIXED_MONTH.matcher(month.trim()).matches() ? YearMonth.parse(month.trim()) : null;
    } catch (DateTimeException e) {
      m = null;
    }
    if (m == null || m.getYear() < 2000 || m.getYear() > 2999) {
      throw ScheduleException.invalid("month", "bad_date",
          "month must be a month YYYY-MM between 2000-01 and 2999-12, e.g. 2025-11, not \"" + month + "\"",
          month, "YYYY-MM");
    }
    return m;
  }

  /** The zone of a schedule: an IANA region id (Asia/Shanghai, Asia/Kolkata); blank is the default. */
  public static ZoneId zone(String timeZone) {
    String id = blankToNull(timeZone) == null ? DEFAULT_ZONE : timeZone.trim();
    try {
      // TimeZone.getTimeZone would silently turn an unknown id into GMT: ZoneId refuses it instead
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw ScheduleException.invalid("timeZone", "unknown_time_zone",
          "unknown time zone \"" + id + "\": an IANA zone id such as Asia/Shanghai", id);
    }
  }

  /** Refuses an expression that never fires again or fires more than once a minute. */
  static void checkCron(String cron, ZoneId zone, Instant now) {
    List<Instant> next = CronTimes.of(cron, zone).next(now, 3);
    if (next.isEmpty()) {
      throw ScheduleException.invalid("cron", "never_fires", "cron expression \"" + cron + "\" never fires after "
          + now, cron);
    }
    for (int i = 1; i < next.size(); i++) {
      if (Duration.between(next.get(i - 1), next.get(i)).compareTo(MIN_INTERVAL) < 0) {
        throw ScheduleException.invalid("cron", "too_frequent",
            "cron expression \"" + cron + "\" fires more than once a minute", cron);
      }
    }
  }

  private static void checkSubject(String subject) {
    if (subject.length() > 500) {
      throw ScheduleException.invalid("subject", "too_long", "subject is longer than 500 characters", "subject", 500);
    }
    Matcher m = PLACEHOLDER.matcher(subject);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        throw ScheduleException.invalid("subject", "unknown_placeholder", "unknown placeholder {" + m.group(1)
            + "} in the subject: {report}, {scope} or {month}", m.group(1));
      }
    }
  }

  private static List<String> addresses(List<String> given, String field, boolean required) {
    List<String> out = new ArrayList<>();
    if (given != null) {
      for (int i = 0; i < given.size(); i++) {
        String a = given.get(i);
        String at = field + "[" + i + "]";
        if (a == null || a.isBlank()) {
          continue;
        }
        if (a.trim().length() > MAX_ADDRESS) {
          throw ScheduleException.invalid(at, "too_long", at + " is longer than " + MAX_ADDRESS + " characters", at,
              MAX_ADDRESS);
        }
        // a CR or LF would otherwise pass in a quoted name ("x\r\nBcc: y" <a@b.c>) or be silently
        // cut off after the address: a header injection into the mail either way
        if (a.trim().chars().anyMatch(Character::isISOControl)) {
          String shown = a.trim().replaceAll("[\\p{Cntrl}\u0080-\u009f]", "?");
          throw ScheduleException.invalid(at, "bad_address", "bad email address \"" + shown + "\" in " + at
              + ": control character", shown, at);
        }
        try {
          InternetAddress address = new InternetAddress(a.trim(), true);
          address.validate();
          if (address.isGroup() || !address.getAddress().contains("@")) {
            throw new AddressException("not a single mailbox");
          }
          out.add(address.toUnicodeString());
        } catch (AddressException e) {
          throw ScheduleException.invalid(at, "bad_address", "bad email address \"" + a + "\" in " + at
              + ": " + e.getMessage(), a.trim(), at);
        }
      }
    }
    if (required && out.isEmpty()) {
      throw ScheduleException.invalid(field, "missing_recipient", "at least one recipient is required in " + field,
          field);
    }
    return out;
  }

  private static String required(String value, String field, String code, int maxLength) {
    if (value == null || value.isBlank()) {
      throw ScheduleException.invalid(field, code, field + " is required", field);
    }
    String v = value.trim();
    if (v.length() > maxLength) {
      throw ScheduleException.invalid(field, "too_long", field + " is longer than " + maxLength + " characters",
          field, maxLength);
    }
    return v;
  }

  private static void fits(String field, String json) {
    if (json.length() > RECIPIENTS_COLUMN) {
      throw ScheduleException.invalid(field, "too_long", "the recipients are longer than " + RECIPIENTS_COLUMN
          + " characters together", field, RECIPIENTS_COLUMN);
    }
  }

  /** Control characters (NUL above all: PostgreSQL refuses it) have no place in a name or a subject. */
  private static void printable(String field, String value) {
    if (value.chars().anyMatch(c -> Character.isISOControl(c))) {
      throw ScheduleException.invalid(field, "control_character", field + " contains a control character", field);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
