package org.telecube.server.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.telecube.server.metadata.StringLists;
import org.telecube.server.metadata.UtcTimestamps;

/** Schedules in the metadata store ({@code report_schedule}); recipients are kept as JSON arrays. */
@Repository
public class ScheduleRepository {
  private static final String COLUMNS = "id, name, report_id, month_offset, report_month, scope, format, locale, cron, time_zone, "
      + "recipients_to, recipients_cc, subject, enabled, owner, created_at, updated_at, audience_role, audience_level";

  private final JdbcClient jdbc;

  public ScheduleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Schedule insert(Schedule s) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql("insert into report_schedule (name, report_id, month_offset, report_month, scope, format, locale, cron, "
            + "time_zone, recipients_to, recipients_cc, subject, enabled, owner, created_at, updated_at, audience_role, "
            + "audience_level) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(s.name(), s.reportId(), s.monthOffset(), s.month(), s.scope(), s.format(), s.locale(), s.cron(), s.timeZone(),
            StringLists.write(s.to()), StringLists.write(s.cc()), s.subject(), s.enabled(), s.owner(), UtcTimestamps.of(s.createdAt()), UtcTimestamps.of(s.updatedAt()),
            s.audienceRole(), s.audienceLevel())
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    return find(id).orElseThrow();
  }

  /** Replaces everything but the id and creation time; empty when there is no such schedule. */
  public Optional<Schedule> update(long id, Schedule s) {
    int n = jdbc.sql("update report_schedule set name = ?, report_id = ?, month_offset = ?, report_month = ?, "
            + "scope = ?, format = ?, locale = ?, cron = ?, time_zone = ?, recipients_to = ?, recipients_cc = ?, subject = ?, enabled = ?, "
            + "owner = ?, updated_at = ?, audience_role = ?, audience_level = ? where id = ?")
        .params(s.name(), s.reportId(), s.monthOffset(), s.month(), s.scope(), s.format(), s.locale(), s.cron(),
            s.timeZone(), StringLists.write(s.to()), StringLists.write(s.cc()), s.subject(), s.enabled(), s.owner(),
            UtcTimestamps.of(s.updatedAt()), s.audienceRole(), s.audienceLevel(), id)
        .update();
    return n == 0 ? Optional.empty() : find(id);
  }

  public boolean delete(long id) {
    return jdbc.sql("delete from report_schedule where id = ?").param(id).update() > 0;
  }

  public Optional<Schedule> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from report_schedule where id = ?").param(id)
        .query(ScheduleRepository::row).optional();
  }

  public List<Schedule> all() {
    return jdbc.sql("select " + COLUMNS + " from report_schedule order by id").query(ScheduleRepository::row).list();
  }

  private static Schedule row(ResultSet rs, int i) throws SQLException {
    return new Schedule(rs.getLong("id"), rs.getString("name"), rs.getString("report_id"),
        rs.getObject("month_offset", Integer.class), rs.getString("report_month"), rs.getString("scope"), rs.getString("format"), rs.getString("locale"), rs.getString("cron"),
        rs.getString("time_zone"), StringLists.read(rs.getString("recipients_to")), StringLists.read(rs.getString("recipients_cc")),
        rs.getString("subject"), rs.getBoolean("enabled"), rs.getString("owner"), UtcTimestamps.read(rs, "created_at"),
        UtcTimestamps.read(rs, "updated_at"), rs.getString("audience_role"), rs.getString("audience_level"));
  }
}
