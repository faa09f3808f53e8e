package org.telecube.etl.derive;

import static org.telecube.etl.derive.Bands.ATTRIBUTE_COLUMNS;
import static org.telecube.etl.derive.Bands.attributes;
import static org.telecube.etl.derive.Bands.versionJoin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The fact tables, each rebuilt from stg_* and dim_subscriber either fully or for a set of
 * months (DELETE then INSERT ... SELECT). Every fact row carries the subscriber's attributes as
 * of the fact's date, from the dim_subscriber version valid on that date.
 */
public final class FactTables {
  private FactTables() {
  }

  /** Month key of a date expression. */
  private static String monthKey(String date) {
    return "CAST(year(" + date + ") * 100 + month(" + date + ") AS INTEGER)";
  }

  private static FactRows rows(Set<Integer> months) {
    return months == null ? FactRows.all() : FactRows.months(months);
  }

  /**
   * Rewrites the rows of {@code table} that {@code rows} selects with {@code insert}'s (null: none), and returns
   * the months whose rows were deleted or inserted when the rows are selected by subscriber
   * (empty otherwise: the caller knows the months).
   */
  private static SortedSet<Integer> rewrite(Statement st, String table, FactRows rows, String insert)
      throws SQLException {
    return rewrite(st, table, rows, insert == null ? List.of() : List.of(insert));
  }

  /** As {@link #rewrite(Statement, String, FactRows, String)} with the new rows inserted in parts. */
  private static SortedSet<Integer> rewrite(Statement st, String table, FactRows rows, List<String> inserts)
      throws SQLException {
    String where = table.equals("fact_usage") || table.equals("fact_service_event")
        ? rows.on(table + ".month_key", table + ".subscriber_id", table + ".date_key")
        : rows.on(table + ".month_key", table + ".subscriber_id");
    SortedSet<Integer> months = new TreeSet<>();
    if (rows.bySubscriber()) {
      months.addAll(months(st, table, where));
    }
    st.execute("DELETE FROM " + table + " WHERE " + where);
    for (String insert : inserts) {
      st.execute(insert);
    }
    if (rows.bySubscriber()) {
      months.addAll(months(st, table, where));
    }
    return months;
  }

  private static SortedSet<Integer> months(Statement st, String table, String where) throws SQLException {
    SortedSet<Integer> months = new TreeSet<>();
    try (ResultSet rs = st.executeQuery("SELECT DISTINCT month_key FROM " + table + " WHERE " + where)) {
      while (rs.next()) {
        months.add(rs.getInt(1));
      }
    }
    return months;
  }

  /**
   * Derives again, for the subscribers of {@link SubscriberHistory#SCOPE} from each one's first
   * changed month on, the rows of {@code table} outside {@code exceptMonths} (months derived in
   * full by the same batch); returns the months whose rows changed.
   */
  public static SortedSet<Integer> forSubscribers(Connection connection, String table, Set<Integer> exceptMonths)
      throws SQLException {
    return forSubscribers(connection, table, exceptMonths, Set.of());
  }

  /** As {@link #forSubscribers(Connection, String, Set)}, leaving out also days of fact_usage derived by day. */
  public static SortedSet<Integer> forSubscribers(Connection connection, String table, Set<Integer> exceptMonths,
                                                  Set<String> exceptDays) throws SQLException {
    FactRows rows = FactRows.subscribers(exceptMonths, exceptDays);
    return switch (table) {
      case "fact_billing" -> billing(connection, rows);
      case "fact_usage" -> usage(connection, rows);
      case "fact_service_event" -> serviceEvents(connection, rows);
      case "fact_subscriber_month" -> subscriberMonth(connection, rows, exceptMonths);
      default -> throw new IllegalArgumentException("not a fact table: " + table);
    };
  }

  /**
   * fact_billing for {@code months} (null = all): bill lines with attributes as of the month's last
   * day, and first_line = 1 on one line per subscriber-month (its smallest charge item): the lines
   * of a subscriber-month differ only in charge item and plan, so counting the marked lines counts
   * billed subscribers by any other dimension (the customer analysis later stamps segment and stage
   * per subscriber-month too, which keeps that true).
   */
  public static void billing(Connection connection, Set<Integer> months) throws SQLException {
    if (months != null && months.isEmpty()) {
      return;
    }
    billing(connection, rows(months));
  }

  private static SortedSet<Integer> billing(Connection connection, FactRows rows) throws SQLException {
    try (Statement st = connection.createStatement()) {
      return rewrite(st, "fact_billing", rows, """
          INSERT INTO fact_billing (month_key, subscriber_id, charge_item, plan_code, amount,
            paid_amount, outstanding, first_line, %s)
          SELECT b.month_key, b.subscriber_id, b.charge_item, b.plan_code, b.amount, b.paid_amount,
                 b.amount - b.paid_amount,
                 CASE WHEN row_number() OVER (PARTITION BY b.month_key, b.subscriber_id ORDER BY b.charge_item) = 1
                      THEN 1 ELSE 0 END, %s
          FROM (SELECT *, last_day(make_date(month_key // 100, month_key %% 100, 1)) AS month_end
                FROM stg_billing s WHERE %s) b
          %s
          """.formatted(ATTRIBUTE_COLUMNS, attributes("v", "b.month_end"),
          rows.on("s.month_key", "s.subscriber_id"), versionJoin("v", "b", "b.month_end")));
    }
  }

  /** fact_usage for {@code months} (null = all): daily usage with attributes as of the usage date. */
  public static void usage(Connection connection, Set<Integer> months) throws SQLException {
    if (months != null && months.isEmpty()) {
      return;
    }
    usage(connection, rows(months));
  }

  /**
   * fact_usage for some days (yyyy-mm-dd): a day's usage rows depend only on that day's staged
   * rows and the history, so a batch of one day derives that day.
   */
  public static void usageDays(Connection connection, Set<String> days) throws SQLException {
    if (!days.isEmpty()) {
      usage(connection, FactRows.days(days));
    }
  }

  private static SortedSet<Integer> usage(Connection connection, FactRows rows) throws SQLException {
    try (Statement st = connection.createStatement()) {
      return rewrite(st, "fact_usage", rows, """
          INSERT INTO fact_usage (date_key, month_key, subscriber_id, service, call_type, peer_network,
            events, duration_sec, volume_kb, plan_code, %s)
          SELECT u.usage_date, %s, u.subscriber_id, u.service, u.call_type, u.peer_network,
                 u.events, u.duration_sec, u.volume_kb, v.plan_code, %s
          FROM stg_usage u
          %s
          WHERE %s
          """.formatted(ATTRIBUTE_COLUMNS, monthKey("u.usage_date"), attributes("v", "u.usage_date"),
          versionJoin("v", "u", "u.usage_date"), rows.on(monthKey("u.usage_date"), "u.subscriber_id", "u.usage_date")));
    }
  }

  /**
   * fact_service_event for {@code months} (null = all): the feed's channel becomes
   * event_channel; channel is the subscriber's acquisition channel as of the event date.
   */
  public static void serviceEvents(Connection connection, Set<Integer> months) throws SQLException {
    if (months != null && months.isEmpty()) {
      return;
    }
    serviceEvents(connection, rows(months));
  }

  private static SortedSet<Integer> serviceEvents(Connection connection, FactRows rows) throws SQLException {
    try (Statement st = connection.createStatement()) {
      return rewrite(st, "fact_service_event", rows, """
          INSERT INTO fact_service_event (event_time, date_key, month_key, subscriber_id, event_type,
            severity, event_channel, duration_sec, plan_code, %s)
          SELECT e.event_time, e.event_date, %s, e.subscriber_id, e.event_type, e.severity,
                 e.channel, e.duration_sec, v.plan_code, %s
          FROM (SELECT *, CAST(event_time AS DATE) AS event_date FROM stg_service_event) e
          %s
          WHERE %s
          """.formatted(ATTRIBUTE_COLUMNS, monthKey("e.event_date"), attributes("v", "e.event_date"),
          versionJoin("v", "e", "e.event_date"), rows.on(monthKey("e.event_date"), "e.subscriber_id", "e.event_date")));
    }
  }

  /**
   * The months fact_subscriber_month covers: from the earliest to the latest month found in
   * stg_subscriber (as_of) and stg_billing. Empty when both are empty.
   */
  public static SortedSet<Integer> subscriberMonthRange(Connection connection) throws SQLException {
    SortedSet<Integer> months = new TreeSet<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("""
             SELECT min(m), max(m) FROM (
               SELECT min(%1$s) AS m FROM stg_subscriber UNION ALL SELECT max(%1$s) FROM stg_subscriber
               UNION ALL SELECT min(month_key) FROM stg_billing UNION ALL SELECT max(month_key) FROM stg_billing)
             """.formatted(monthKey("as_of")))) {
      rs.next();
      int lo = rs.getInt(1);
      if (rs.wasNull()) {
        return months;
      }
      int hi = rs.getInt(2);
      for (int m = lo; m <= hi; m = m % 100 == 12 ? (m / 100 + 1) * 100 + 1 : m + 1) {
        months.add(m);
      }
    }
    return months;
  }

  /**
   * fact_subscriber_month for {@code months} (null = the whole range): a row per month for each
   * subscriber active on some day of it or billed in it. Join and churn dates come from the
   * subscriber's latest snapshot; the other attributes from the version as of the month's end.
   */
  public static void subscriberMonth(Connection connection, Set<Integer> months) throws SQLException {
    subscriberMonth(connection, months, ROWS_PER_STATEMENT);
  }

  /** As {@link #subscriberMonth(Connection, Set)}, about {@code rowsPerStatement} rows per statement. */
  static void subscriberMonth(Connection connection, Set<Integer> months, long rowsPerStatement) throws SQLException {
    SortedSet<Integer> range = subscriberMonthRange(connection);
    if (months != null) {
      range.retainAll(months);
    }
    subscriberMonth(connection, rows(months), range, "", rowsPerStatement);
  }

  private static SortedSet<Integer> subscriberMonth(Connection connection, FactRows rows, Set<Integer> exceptMonths)
      throws SQLException {
    SortedSet<Integer> range = subscriberMonthRange(connection);
    range.removeAll(exceptMonths);
    return subscriberMonth(connection, rows, range,
        " AND subscriber_id IN (SELECT subscriber_id FROM " + SubscriberHistory.SCOPE + ")", ROWS_PER_STATEMENT);
  }

  /**
   * @param range the months rows may be derived for
   * @param onlySubscribers a predicate narrowing the snapshots and bills read ("" for all)
   * @param rowsPerStatement about how many rows one INSERT derives (whole months of them)
   */
  private static SortedSet<Integer> subscriberMonth(Connection connection, FactRows rows, SortedSet<Integer> range,
                                                    String onlySubscribers, long rowsPerStatement)
      throws SQLException {
    try (Statement st = connection.createStatement()) {
      // nothing to insert when no month of the range is selected: the rewrite only deletes
      List<String> inserts = new ArrayList<>();
      for (SortedSet<Integer> part : parts(range, monthsPerStatement(st, rowsPerStatement))) {
        inserts.add(subscriberMonthInsert(part, rows, onlySubscribers));
      }
      return rewrite(st, "fact_subscriber_month", rows, inserts);
    }
  }

  /**
   * How many months one statement of fact_subscriber_month derives: DuckDB holds a statement's rows
   * in memory while it joins them and does not spill that, so whole months of about
   * {@code rowsPerStatement} rows go per statement. Twelve months of 1,000,000 subscribers in one
   * statement failed at a 6 GB limit and peaked at 9.2 GB resident with 10 GB; in two-month parts
   * they peak at 2.7 GB in the same 40 s.
   */
  private static int monthsPerStatement(Statement st, long rowsPerStatement) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM dim_subscriber WHERE is_current")) {
      rs.next();
      return (int) Math.max(1, Math.min(Integer.MAX_VALUE, rowsPerStatement / Math.max(1, rs.getLong(1))));
    }
  }

  /** Subscriber-months per statement of fact_subscriber_month. */
  static final long ROWS_PER_STATEMENT = 3_000_000;

  /** {@code months} in consecutive parts of at most {@code size}. */
  static List<SortedSet<Integer>> parts(SortedSet<Integer> months, int size) {
    List<SortedSet<Integer>> parts = new ArrayList<>();
    for (Integer m : months) {
      if (parts.isEmpty() || parts.get(parts.size() - 1).size() == size) {
        parts.add(new TreeSet<>());
      }
      parts.get(parts.size() - 1).add(m);
    }
    return parts;
  }

  private static String subscriberMonthInsert(SortedSet<Integer> range, FactRows rows, String onlySubscribers) {
    return """
          INSERT INTO fact_subscriber_month (month_key, subscriber_id, active_start, active_end, is_new,
            is_churned, tenure_months, revenue, billed, churn_reason, status, plan_code, %1$s)
          WITH latest AS (
            SELECT subscriber_id, join_date,
                   CASE WHEN status = 'churned' THEN status_date END AS churn_date, churn_reason
            FROM stg_subscriber
            WHERE TRUE%5$s
            QUALIFY row_number() OVER (PARTITION BY subscriber_id ORDER BY as_of DESC) = 1
          ), months AS (
            SELECT month_key, month_start, last_day(month_start) AS month_end
            FROM (SELECT month_key, make_date(month_key // 100, month_key %% 100, 1) AS month_start
                  FROM (SELECT unnest([%2$s]) AS month_key))
          ), revenue AS (
            SELECT month_key, subscriber_id, sum(amount) AS revenue
            FROM stg_billing WHERE month_key IN (%2$s)%5$s
            GROUP BY month_key, subscriber_id
          ), base AS (
            SELECT m.month_key, l.subscriber_id
            FROM months m JOIN latest l
              ON l.join_date <= m.month_end AND (l.churn_date IS NULL OR l.churn_date >= m.month_start)
            UNION
            SELECT month_key, subscriber_id FROM revenue
          )
          SELECT b.month_key, b.subscriber_id,
                 CASE WHEN l.join_date <= m.month_start
                       AND (l.churn_date IS NULL OR l.churn_date > m.month_start) THEN 1 ELSE 0 END,
                 CASE WHEN l.join_date <= m.month_end
                       AND (l.churn_date IS NULL OR l.churn_date > m.month_end) THEN 1 ELSE 0 END,
                 CASE WHEN l.join_date BETWEEN m.month_start AND m.month_end THEN 1 ELSE 0 END,
                 CASE WHEN l.churn_date BETWEEN m.month_start AND m.month_end THEN 1 ELSE 0 END,
                 coalesce(greatest(0, date_diff('month', l.join_date, m.month_end)), 0),
                 coalesce(r.revenue, 0),
                 CASE WHEN r.subscriber_id IS NULL THEN 0 ELSE 1 END,
                 CASE WHEN l.churn_date BETWEEN m.month_start AND m.month_end THEN l.churn_reason ELSE 'none' END,
                 v.status, v.plan_code, %3$s
          FROM base b
          JOIN months m ON m.month_key = b.month_key
          LEFT JOIN latest l ON l.subscriber_id = b.subscriber_id
          LEFT JOIN revenue r ON r.month_key = b.month_key AND r.subscriber_id = b.subscriber_id
          %4$s
          WHERE %6$s
          """.formatted(ATTRIBUTE_COLUMNS, DerivationScope.inList(range), attributes("v", "m.month_end"),
          versionJoin("v", "b", "m.month_end"), onlySubscribers, rows.on("b.month_key", "b.subscriber_id"));
  }
}
