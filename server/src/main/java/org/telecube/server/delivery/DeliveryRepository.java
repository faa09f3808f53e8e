package org.telecube.server.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.telecube.server.metadata.StringLists;
import org.telecube.server.metadata.UtcTimestamps;
import org.telecube.server.schedule.DeliveryHistory;
import org.telecube.server.schedule.LastRun;

/**
 * Deliveries in the metadata store ({@code report_delivery}). State changes are conditional
 * updates on the state they expect, so two workers that somehow hold the same delivery cannot
 * both move it forward: the loser's update matches no row.
 */
@Repository
public class DeliveryRepository implements DeliveryHistory {
  private static final int MAX_ERROR = 4000;

  private final JdbcClient jdbc;
  private final Clock clock;

  public DeliveryRepository(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The delivery for {@code key}: a new QUEUED one, or the one already recorded for that key
   * (another firing, a recovery, or another instance got there first).
   */
  public Delivery claim(long scheduleId, String scheduleName, String key, Instant fireTime, TriggerKind kind,
                        String reportId, String reportMonth, List<String> recipients) {
    return claim(scheduleId, scheduleName, key, fireTime, kind, reportId, reportMonth, recipients, null);
  }

  /** The same, for one recipient user of a burst schedule. */
  public Delivery claim(long scheduleId, String scheduleName, String key, Instant fireTime, TriggerKind kind,
                        String reportId, String reportMonth, List<String> recipients, String recipientUsername) {
    Optional<Delivery> existing = findByKey(key);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = clock.instant();
    try {
      jdbc.sql("insert into report_delivery (schedule_id, schedule_name, idempotency_key, fire_time, trigger_kind, "
              + "report_id, report_month, status, attempts, recipients, created_at, updated_at, recipient_username) "
              + "values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)")
          .params(scheduleId, scheduleName, key, UtcTimestamps.of(fireTime), kind.name(), reportId, reportMonth,
              DeliveryStatus.QUEUED.name(), StringLists.write(recipients), UtcTimestamps.of(now), UtcTimestamps.of(now),
              recipientUsername)
          .update();
    } catch (DuplicateKeyException e) {
      // another instance inserted the same key between our look and our insert: theirs stands
    }
    return findByKey(key).orElseThrow();
  }

  /** Records a delivery that will not be sent (a missed run under the SKIP policy). */
  public Delivery skipped(long scheduleId, String scheduleName, String key, Instant fireTime, String reportId,
                          String reportMonth, List<String> recipients, String reason) {
    Delivery d = claim(scheduleId, scheduleName, key, fireTime, TriggerKind.CATCH_UP, reportId, reportMonth,
        recipients);
    jdbc.sql("update report_delivery set status = ?, error = ?, updated_at = ? where id = ? and status = ?")
        .params(DeliveryStatus.SKIPPED.name(), reason, UtcTimestamps.of(clock.instant()), d.id(),
            DeliveryStatus.QUEUED.name())
        .update();
    return find(d.id()).orElseThrow();
  }

  /**
   * Starts attempt {@code attempts + 1}: RENDERING, if the delivery is still where the caller saw
   * it. False when another worker moved it first.
   */
  public boolean startAttempt(Delivery seen) {
    return jdbc.sql("update report_delivery set status = ?, attempts = ?, next_attempt_at = null, updated_at = ? "
            + "where id = ? and attempts = ? and status = ?")
        .params(DeliveryStatus.RENDERING.name(), seen.attempts() + 1, UtcTimestamps.of(clock.instant()), seen.id(),
            seen.attempts(), seen.status().name())
        .update() == 1;
  }

  public void sending(long id, String subject, List<String> recipients, String messageId, int attachmentSize) {
    jdbc.sql("update report_delivery set status = ?, subject = ?, recipients = ?, message_id = ?, attachment_size = ?, "
            + "updated_at = ? where id = ?")
        .params(DeliveryStatus.SENDING.name(), subject, StringLists.write(recipients), messageId, attachmentSize,
            UtcTimestamps.of(clock.instant()), id)
        .update();
  }

  public void sent(long id) {
    Instant now = clock.instant();
    jdbc.sql("update report_delivery set status = ?, error = null, sent_at = ?, updated_at = ? where id = ?")
        .params(DeliveryStatus.SENT.name(), UtcTimestamps.of(now), UtcTimestamps.of(now), id)
        .update();
  }

  public void retrying(long id, Instant nextAttemptAt, String error) {
    jdbc.sql("update report_delivery set status = ?, next_attempt_at = ?, error = ?, updated_at = ? where id = ?")
        .params(DeliveryStatus.RETRYING.name(), UtcTimestamps.of(nextAttemptAt), clip(error),
            UtcTimestamps.of(clock.instant()), id)
        .update();
  }

  public void finished(long id, DeliveryStatus status, String error) {
    jdbc.sql("update report_delivery set status = ?, next_attempt_at = null, error = ?, updated_at = ? where id = ?")
        .params(status.name(), clip(error), UtcTimestamps.of(clock.instant()), id)
        .update();
  }

  /**
   * Cancels the schedule's deliveries that have not started an attempt (QUEUED) or wait for their
   * next one (RETRYING); one that is rendering or sending now finishes as it will. The last error
   * stays: it tells why the delivery was still retrying.
   */
  public int cancelPending(long scheduleId) {
    return jdbc.sql("update report_delivery set status = ?, next_attempt_at = null, updated_at = ? "
            + "where schedule_id = ? and status in (?, ?)")
        .params(DeliveryStatus.CANCELLED.name(), UtcTimestamps.of(clock.instant()), scheduleId,
            DeliveryStatus.QUEUED.name(), DeliveryStatus.RETRYING.name())
        .update();
  }

  public Optional<Delivery> find(long id) {
    return jdbc.sql("select * from report_delivery where id = ?").param(id).query(DeliveryRepository::row).optional();
  }

  public Optional<Delivery> findByKey(String key) {
    return jdbc.sql("select * from report_delivery where idempotency_key = ?").param(key)
        .query(DeliveryRepository::row).optional();
  }

  /** The newest deliveries first, of one schedule or of all ({@code scheduleId} null). */
  public List<Delivery> recent(Long scheduleId, DeliveryStatus status, int limit) {
    StringBuilder sql = new StringBuilder("select * from report_delivery where 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (scheduleId != null) {
      sql.append(" and schedule_id = :schedule");
      params.put("schedule", scheduleId);
    }
    if (status != null) {
      sql.append(" and status = :status");
      params.put("status", status.name());
    }
    sql.append(" order by fire_time desc, id desc limit ").append(limit);
    return jdbc.sql(sql.toString()).params(params).query(DeliveryRepository::row).list();
  }

  @Override
  public Map<Long, LastRun> lastRuns() {
    Map<Long, LastRun> last = new HashMap<>();
    jdbc.sql("select d.* from report_delivery d join (select schedule_id, max(id) as id from report_delivery "
            + "where schedule_id is not null group by schedule_id) m on d.id = m.id")
        .query(DeliveryRepository::row).list()
        .forEach(d -> last.put(d.scheduleId(), new LastRun(d.id(), d.fireTime(), d.reportMonth(), d.status().name(),
            d.attempts(), d.sentAt(), d.error())));
    return last;
  }

  private static Delivery row(ResultSet rs, int i) throws SQLException {
    long scheduleId = rs.getLong("schedule_id");
    Long schedule = rs.wasNull() ? null : scheduleId;
    int size = rs.getInt("attachment_size");
    Integer attachment = rs.wasNull() ? null : size;
    return new Delivery(rs.getLong("id"), schedule, rs.getString("schedule_name"), rs.getString("idempotency_key"),
        UtcTimestamps.read(rs, "fire_time"), TriggerKind.valueOf(rs.getString("trigger_kind")),
        rs.getString("report_id"), rs.getString("report_month"), DeliveryStatus.valueOf(rs.getString("status")),
        rs.getInt("attempts"), UtcTimestamps.read(rs, "next_attempt_at"), rs.getString("error"),
        StringLists.read(rs.getString("recipients")), rs.getString("subject"), rs.getString("message_id"), attachment,
        UtcTimestamps.read(rs, "created_at"), UtcTimestamps.read(rs, "updated_at"), UtcTimestamps.read(rs, "sent_at"),
        rs.getString("recipient_username"));
  }

  private static String clip(String error) {
    return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
  }
}
