package org.telecube.etl.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.telecube.etl.derive.SubscriberHistory;
import org.telecube.etl.feed.Column;
import org.telecube.etl.feed.FeedKind;
import org.telecube.etl.feed.FieldType;
import org.telecube.etl.feed.ValueKind;

/**
 * Where a feed lands: its target table and natural key, and the per-batch temp table its rows
 * are appended to first. {@link #merge} replaces target rows having the same key as a staged
 * row, keeping the last staged row per key.
 */
final class StagingTable {
  private final FeedKind kind;
  private final String target;
  private final List<String> key;
  /** SQL month key of a staged row (facts), null for feeds that are not by month. */
  private final String monthKey;

  private StagingTable(FeedKind kind, String target, List<String> key, String monthKey) {
    this.kind = kind;
    this.target = target;
    this.key = key;
    this.monthKey = monthKey;
  }

  static StagingTable of(FeedKind kind) {
    return switch (kind) {
      case REGIONS -> new StagingTable(kind, "ref_region", List.of("code"), null);
      case ORG_UNITS -> new StagingTable(kind, "ref_org_unit", List.of("org_code"), null);
      case PRODUCTS -> new StagingTable(kind, "ref_product", List.of("plan_code"), null);
      case SUBSCRIBERS -> new StagingTable(kind, "stg_subscriber", List.of("as_of", "subscriber_id"), null);
      case BILLING -> new StagingTable(kind, "stg_billing", List.of("month_key", "subscriber_id", "charge_item"),
          "month_key");
      case USAGE -> new StagingTable(kind, "stg_usage",
          List.of("usage_date", "subscriber_id", "service", "call_type", "peer_network"),
          "CAST(year(usage_date) * 100 + month(usage_date) AS INTEGER)");
      case SERVICE_EVENTS -> new StagingTable(kind, "stg_service_event",
          List.of("event_time", "subscriber_id", "event_type", "channel"),
          "CAST(year(event_time) * 100 + month(event_time) AS INTEGER)");
    };
  }

  FeedKind kind() {
    return kind;
  }

  /** The table the appender writes: enumeration columns hold the member's index (UTINYINT). */
  String tempTable() {
    return "load_" + kind.code() + "_raw";
  }

  /** The staged rows with enumeration columns decoded back to their codes. */
  String stagedView() {
    return "load_" + kind.code();
  }

  private boolean isReference() {
    return kind.group() == FeedKind.Group.REFERENCE;
  }

  /**
   * Creates the temp table and its decoding view. Enumeration members are appended as their
   * index: appending a small integer costs far less than appending a string.
   */
  void createTemp(Connection connection) throws SQLException {
    String columns = kind.columns().stream()
        .map(c -> c.stagedAs() + " " + (c.type() instanceof FieldType.OneOf ? "UTINYINT" : c.type().kind().sqlType()))
        .collect(Collectors.joining(", "));
    String decoded = kind.columns().stream()
        .map(c -> c.type() instanceof FieldType.OneOf o ? decode(o, c.stagedAs()) + " AS " + c.stagedAs() : c.stagedAs())
        .collect(Collectors.joining(", "));
    try (Statement st = connection.createStatement()) {
      st.execute("CREATE OR REPLACE TEMP TABLE " + tempTable() + " (seq BIGINT NOT NULL, " + columns + ")");
      st.execute("CREATE OR REPLACE TEMP VIEW " + stagedView() + " AS SELECT seq, " + decoded + " FROM " + tempTable());
    }
  }

  private static String decode(FieldType.OneOf type, String column) {
    return "[" + type.codes().stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ")) + "]["
        + column + " + 1]";
  }

  void dropTemp(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DROP VIEW IF EXISTS temp.main." + stagedView());
      st.execute("DROP TABLE IF EXISTS temp.main." + tempTable());
    }
  }

  /**
   * Moves the staged rows into the target: deletes target rows whose key a staged row has, then
   * inserts the last staged row of each key. Before that, for subscribers, notes in
   * {@link SubscriberHistory#CHANGED} the subscribers whose rows are new or differ from the held
   * ones (a snapshot repeating unchanged rows changes nothing), and for billing the months of the
   * due dates of the rows staged and replaced (arrears signals look at them).
   */
  MergeResult merge(Connection connection, long batchId) throws SQLException {
    String keyMatch = key.stream().map(k -> target + "." + k + " = s." + k).collect(Collectors.joining(" AND "));
    String keyList = String.join(", ", key);
    String targetColumns = kind.columns().stream().map(Column::stagedAs).collect(Collectors.joining(", "));
    String values = kind.columns().stream().map(this::selectExpression).collect(Collectors.joining(", "));
    String lastPerKey = " QUALIFY row_number() OVER (PARTITION BY " + keyList + " ORDER BY seq DESC) = 1";
    try (Statement st = connection.createStatement()) {
      long staged = single(st, "SELECT count(*) FROM " + tempTable());
      // a batch of new snapshot dates or months (the first load, each month's load) meets no held
      // row: the comparisons with held rows and the delete are skipped, which at 12 M snapshot rows
      // is most of the merge
      boolean overlaps = holdsAnyOf(st);
      Long changed = null;
      if (kind == FeedKind.SUBSCRIBERS && !overlaps) {
        st.execute("CREATE TEMP TABLE IF NOT EXISTS " + SubscriberHistory.CHANGED + " (subscriber_id VARCHAR)");
        st.execute("INSERT INTO " + SubscriberHistory.CHANGED + " SELECT DISTINCT subscriber_id FROM "
            + stagedView() + " EXCEPT SELECT subscriber_id FROM " + SubscriberHistory.CHANGED);
      } else if (kind == FeedKind.SUBSCRIBERS) {
        st.execute("CREATE TEMP TABLE IF NOT EXISTS " + SubscriberHistory.CHANGED + " (subscriber_id VARCHAR)");
        st.execute("CREATE OR REPLACE TEMP TABLE load_subscriber_changed_rows AS SELECT " + targetColumns
            + " FROM " + stagedView() + lastPerKey + " EXCEPT SELECT " + targetColumns + " FROM " + target
            + " WHERE as_of IN (SELECT DISTINCT as_of FROM " + stagedView() + ")");
        changed = single(st, "SELECT count(*) FROM load_subscriber_changed_rows");
        st.execute("INSERT INTO " + SubscriberHistory.CHANGED + " SELECT DISTINCT subscriber_id FROM"
            + " load_subscriber_changed_rows EXCEPT SELECT subscriber_id FROM " + SubscriberHistory.CHANGED);
        st.execute("DROP TABLE load_subscriber_changed_rows");
      }
      SortedSet<Integer> dueMonths = new TreeSet<>();
      if (kind == FeedKind.BILLING) {
        String due = "CAST(year(due_date) * 100 + month(due_date) AS INTEGER)";
        dueMonths.addAll(ints(st, "SELECT DISTINCT " + due + " FROM " + stagedView()
            + (overlaps ? " UNION SELECT DISTINCT " + due.replace("due_date", target + ".due_date") + " FROM " + target
            + " JOIN " + stagedView() + " s ON " + keyMatch : "")));
      }
      long replaced = !overlaps ? 0
          : st.executeUpdate("DELETE FROM " + target + " USING " + stagedView() + " s WHERE " + keyMatch);
      long inserted = st.executeUpdate("INSERT INTO " + target + " (" + targetColumns
          + (isReference() ? "" : ", batch_id") + ") SELECT " + values
          + (isReference() ? "" : ", " + batchId) + " FROM " + stagedView() + lastPerKey);
      SortedSet<Integer> months = new TreeSet<>();
      if (monthKey != null) {
        months.addAll(ints(st, "SELECT DISTINCT " + monthKey + " FROM " + stagedView()));
      }
      SortedSet<String> days = new TreeSet<>();
      if (kind == FeedKind.USAGE) {
        try (ResultSet rs = st.executeQuery("SELECT DISTINCT CAST(usage_date AS VARCHAR) FROM " + stagedView())) {
          while (rs.next()) {
            days.add(rs.getString(1));
          }
        }
      }
      return new MergeResult(kind, staged, replaced, inserted, changed == null ? inserted : changed, months,
          dueMonths, days);
    }
  }

  /**
   * Whether the target holds a row of a snapshot date (subscribers) or month (facts) the staged
   * rows have: only then can a staged row's key meet a held one. Reference tables: always.
   */
  private boolean holdsAnyOf(Statement st) throws SQLException {
    String partition = switch (kind) {
      case SUBSCRIBERS -> "as_of";
      case BILLING, USAGE, SERVICE_EVENTS -> monthKey;
      default -> null;
    };
    return partition == null || single(st, "SELECT count(*) FROM (SELECT 1 FROM " + target + " WHERE " + partition
        + " IN (SELECT DISTINCT " + partition + " FROM " + stagedView() + ") LIMIT 1)") > 0;
  }

  private static SortedSet<Integer> ints(Statement st, String sql) throws SQLException {
    SortedSet<Integer> out = new TreeSet<>();
    try (ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getInt(1));
      }
    }
    return out;
  }

  /** Reference tables hold '' rather than NULL for absent optional text, as the shipped seed does. */
  private String selectExpression(Column c) {
    return isReference() && !c.required() && c.type().kind() == ValueKind.TEXT
        ? "coalesce(" + c.stagedAs() + ", '')" : c.stagedAs();
  }

  private static long single(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * What a merge did.
   *
   * @param staged rows staged in the batch
   * @param replaced target rows deleted because a staged row has their key
   * @param inserted rows inserted ({@code staged - inserted} were duplicates of a later row)
   * @param changed rows inserted that are new or differ from the row they replaced (subscribers;
   *     for other feeds every inserted row counts)
   * @param months month keys the staged rows fall in (facts only)
   * @param dueMonths month keys of the due dates of the bills staged and replaced (billing only)
   * @param days the days (yyyy-mm-dd) the staged rows fall on (usage only)
   */
  record MergeResult(FeedKind kind, long staged, long replaced, long inserted, long changed,
                     SortedSet<Integer> months, SortedSet<Integer> dueMonths, SortedSet<String> days) {
    String describe() {
      return kind.code() + " +" + inserted + " (" + replaced + " replaced"
          + (staged > inserted ? ", " + (staged - inserted) + " duplicate keys, last kept" : "")
          + (changed < inserted ? ", " + changed + " new or changed" : "") + ")";
    }
  }
}
