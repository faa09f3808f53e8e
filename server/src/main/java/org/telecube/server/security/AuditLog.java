package org.telecube.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.telecube.server.metadata.UtcTimestamps;
import org.telecube.server.system.RequestDenied;
import org.telecube.warehouse.query.Scope;

/**
 * Who did what, in the metadata store ({@code audit_event}): logins and failed logins, token use,
 * user and token changes, report downloads and exports, list views, loads, schedule changes and
 * refusals (403); queryable by admins. Written in the request's own thread, so an event is never
 * lost to a queue; a failing write is logged and does not fail the request. Events older than
 * {@code telecube.audit.retention} are deleted daily.
 */
@Component
public class AuditLog {
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  /**
   * One event.
   *
   * @param outcome ok, denied or failed
   * @param client the client's address
   */
  public record Event(long id, Instant at, String username, Long tokenId, String kind, String target,
                      String outcome, String client, String detail) {
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration retention;

  /** For the command line: no purging there. */
  public AuditLog(JdbcClient jdbc, Clock clock) {
    this(jdbc, clock, Duration.ZERO);
  }

  @Autowired
  public AuditLog(JdbcClient jdbc, Clock clock, @Value("${telecube.audit.retention:400d}") Duration retention) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.retention = retention;
  }

  public void record(Viewer who, String kind, String target, String outcome, String client, String detail) {
    record(who == null ? null : who.username(), who == null ? null : who.tokenId(), kind, target, outcome, client,
        detail);
  }

  public void record(String username, Long tokenId, String kind, String target, String outcome, String client,
                     String detail) {
    try {
      jdbc.sql("insert into audit_event (at, username, token_id, kind, target, outcome, client, detail) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(UtcTimestamps.of(clock.instant()), cut(username, 64), tokenId, cut(kind, 32), cut(target, 500),
              cut(outcome, 16), cut(client, 64), cut(detail, 2000))
          .update();
    } catch (RuntimeException e) {
      LOG.warn("audit event {} {} of {} not recorded: {}", kind, target, username, e.toString());
    }
  }

  /** The region a request asked for, or else the one the viewer sees: its key, or {@code all}. */
  public static String region(Viewer viewer, String requested) {
    if (requested != null && !requested.isBlank()) {
      return requested.strip();
    }
    Scope scope = viewer.scope();
    return scope.isAll() ? "all" : String.join(",", scope.keys());
  }

  /**
   * A refused request (403, {@code code} says why: forbidden, out_of_scope, csrf ...) of whoever
   * made it: the viewer found by {@link ViewerFilter}, else the session's (a CSRF refusal comes
   * before that filter), else anonymous.
   */
  public void denied(HttpServletRequest request, String code) {
    Viewer who = ViewerFilter.viewer(request);
    if (who == null && SecurityContextHolder.getContext().getAuthentication() instanceof ViewerAuthentication a) {
      who = a.getPrincipal();
    }
    record(who, "access_denied", request.getMethod() + " " + request.getRequestURI(), "denied",
        request.getRemoteAddr(), code);
  }

  /** A 403 the API's exception handler answered (another region's member, another's schedule ...). */
  @EventListener
  void denied(RequestDenied e) {
    denied(e.request(), e.code());
  }

  /** Deletes the events older than the retention (none when it is zero or negative); daily, and once at start. */
  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "P1D")
  public int purge() {
    if (retention.isZero() || retention.isNegative()) {
      return 0;
    }
    try {
      int deleted = jdbc.sql("delete from audit_event where at < ?")
          .params(UtcTimestamps.of(clock.instant().minus(retention))).update();
      if (deleted > 0) {
        LOG.info("deleted {} audit events older than {}", deleted, retention);
      }
      return deleted;
    } catch (RuntimeException e) {
      LOG.warn("old audit events not deleted: {}", e.toString());
      return 0;
    }
  }

  /** The newest events first, at most {@code limit}, filtered by whatever is not null. */
  public List<Event> find(String username, String kind, Instant from, Instant to, int limit) {
    StringBuilder sql = new StringBuilder("select id, at, username, token_id, kind, target, outcome, client, detail "
        + "from audit_event where 1 = 1");
    List<Object> params = new ArrayList<>();
    if (username != null) {
      sql.append(" and username = ?");
      params.add(username);
    }
    if (kind != null) {
      sql.append(" and kind = ?");
      params.add(kind);
    }
    if (from != null) {
      sql.append(" and at >= ?");
      params.add(UtcTimestamps.of(from));
    }
    if (to != null) {
      sql.append(" and at < ?");
      params.add(UtcTimestamps.of(to));
    }
    // in the SQL, not after reading every row: the table holds months of events
    sql.append(" order by id desc fetch first ").append(Math.max(1, limit)).append(" rows only");
    return jdbc.sql(sql.toString()).params(params).query(AuditLog::event).list();
  }

  private static Event event(ResultSet rs, int row) throws SQLException {
    long token = rs.getLong("token_id");
    Long tokenId = rs.wasNull() ? null : token;
    return new Event(rs.getLong("id"), UtcTimestamps.read(rs, "at"), rs.getString("username"), tokenId, rs.getString("kind"), rs.getString("target"), rs.getString("outcome"),
        rs.getString("client"), rs.getString("detail"));
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
