package org.telecube.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telecube.server.metadata.UtcTimestamps;

/**
 * Who did what, in the metadata store ({@code audit_event}): logins and failed logins, token use,
 * user and token changes; queryable by admins. Written in the request's own thread, so an event
 * is never lost to a queue; a failing write is logged and does not fail the request.
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

  public AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
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
    sql.append(" order by id desc");
    return jdbc.sql(sql.toString()).params(params).query(AuditLog::event).stream().limit(limit).toList();
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
