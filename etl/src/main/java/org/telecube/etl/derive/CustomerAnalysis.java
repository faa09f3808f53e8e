package org.telecube.etl.derive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.telecube.warehouse.schema.SqlScript;

/**
 * Customer value, lifecycle and churn early warning: signals per subscriber-month, warning
 * weights fitted from history (the next-month churn rate with each signal against the rate with
 * none), then segments, value score and tier, lifecycle stage and warning score written onto
 * fact_subscriber_month, and segment and stage onto fact_billing. Definitions:
 * docs/customer-analysis.md.
 *
 * <p>After a batch it runs from the earliest month the batch can have changed ({@link #runFrom}):
 * a month's values depend only on it and earlier months, so earlier months keep theirs, and
 * their stored signals, segments, stages and tiers feed the fit and the history windows. The
 * weights are fitted on all history every time; when they come out different, the earlier
 * months' warning scores are rescored from their stored signals. The result equals a run over
 * every month ({@link #run}), which is what happens when the settings or configured weights
 * differ from those of the last run. Only rows whose values differ are written.
 */
public final class CustomerAnalysis {
  /** Settings and their defaults; a row in analysis_setting overrides each. */
  public static final Map<String, String> DEFAULT_SETTINGS = defaults();

  /** The analysis columns of fact_subscriber_month. */
  private static final String COLUMNS = "value_segment, previous_value_segment, value_score, value_tier,"
      + " lifecycle_stage, previous_lifecycle_stage, signal_count, signals, "
      + Arrays.stream(ChurnSignal.values()).map(ChurnSignal::column).collect(Collectors.joining(", "))
      + ", warning_score, warning_type, at_risk";

  private static final String BASE = "/org/telecube/etl/derive/";
  private static final String SIGNALS = SqlScript.text(CustomerAnalysis.class, BASE + "analysis.sql");
  private static final String APPLY = fill(SqlScript.text(CustomerAnalysis.class, BASE + "analysis-apply.sql"));
  private static final String RESCORE = fill(SqlScript.text(CustomerAnalysis.class, BASE + "analysis-rescore.sql"));

  /** The settings and configured weights the analysis last ran with (so a change of them reruns every month). */
  private static final String APPLIED = "analysis_setting_applied";

  /**
   * What a run changed.
   *
   * @param from the first month recomputed (0: every month)
   * @param subscriberMonths months of fact_subscriber_month with rows rewritten
   * @param billingMonths months of fact_billing whose segment or stage was rewritten
   * @param rescored true when new weights rescored the months before {@code from}
   */
  public record Result(int from, SortedSet<Integer> subscriberMonths, SortedSet<Integer> billingMonths,
                       boolean rescored) {
    public Result {
      subscriberMonths = Collections.unmodifiableSortedSet(new TreeSet<>(subscriberMonths));
      billingMonths = Collections.unmodifiableSortedSet(new TreeSet<>(billingMonths));
    }
  }

  private CustomerAnalysis() {
  }

  private static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("tenure_threshold_months", "24");      // long tenure for 8-2-4-1
    d.put("arpu_threshold", "median");           // a yuan figure, or the month's median ARPU
    d.put("at_risk_score", "0.05");              // warning score from which a subscriber is at risk
    d.put("default_base_rate", "0.015");         // monthly churn rate assumed before history exists
    d.put("min_observations", "30");             // subscriber-months a signal needs to be fitted
    d.put("fit_from_month", "");                 // yyyymm; empty = from the first month
    d.put("fit_to_month", "");                   // yyyymm; empty = up to the last month with an outcome
    return Map.copyOf(d);
  }

  /** Recomputes every month (after the settings or configured weights changed). */
  public static Result run(Connection connection) throws SQLException {
    return runFrom(connection, 0);
  }

  /** Recomputes the months from {@code fromMonth} (yyyymm) on; see the class comment. */
  public static Result runFrom(Connection connection, int fromMonth) throws SQLException {
    int from = fromMonth;
    try (Statement st = connection.createStatement()) {
      try (PreparedStatement ps = connection.prepareStatement("INSERT OR IGNORE INTO analysis_setting VALUES (?, ?)")) {
        for (Map.Entry<String, String> e : DEFAULT_SETTINGS.entrySet()) {
          ps.setString(1, e.getKey());
          ps.setString(2, e.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM fact_subscriber_month")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return new Result(from, new TreeSet<>(), new TreeSet<>(), false);
        }
      }
      if (from > 0 && !sameInputsAsLastRun(st, from)) {
        from = 0;
      }
      String weightsBefore = weights(st);
      script("analysis.sql", SIGNALS, from).run(connection);
      fitWeights(connection, st);
      boolean reweighted = !weights(st).equals(weightsBefore);
      boolean fresh = neverAnalysed(st, from);
      script("analysis-apply.sql", APPLY.replace("{fresh}", fresh ? "TRUE" : "FALSE")
          .replace("{changed_kind}", fresh ? "VIEW" : "TABLE"), from).run(connection);
      SortedSet<Integer> subscriberMonths = months(st, "ana_changed");
      SortedSet<Integer> billingMonths = months(st, "ana_billing_changed");
      boolean rescored = false;
      if (from > 0 && reweighted) {
        script("analysis-rescore.sql", RESCORE, from).run(connection);
        SortedSet<Integer> rescoredMonths = months(st, "ana_rescored");
        subscriberMonths.addAll(rescoredMonths);
        rescored = !rescoredMonths.isEmpty();
        st.execute("DROP TABLE IF EXISTS ana_rescored");
      }
      recordInputs(st);
      st.execute("DROP " + (fresh ? "VIEW" : "TABLE") + " IF EXISTS ana_changed");
      for (String t : List.of("ana_billing_changed", "ana_final", "ana_value", "ana_score",
          "ana_history", "ana_outcome", "ana_signal", "ana_version", "ana_month")) {
        st.execute("DROP TABLE IF EXISTS " + t);
      }
      return new Result(from, subscriberMonths, billingMonths, rescored);
    }
  }

  /**
   * True when the settings or configured weights differ from those of the last run, so the next
   * batch recomputes every month even when its data does not feed the analysis (usage only).
   */
  public static boolean settingsChanged(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      return !sameInputsAsLastRun(st, 0);
    }
  }

  /** Whether no row of the months from {@code from} on has been analysed (their rows were derived afresh). */
  private static boolean neverAnalysed(Statement st, int from) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT 1 FROM fact_subscriber_month WHERE month_key >= "
        + from + " AND value_segment IS NOT NULL LIMIT 1)")) {
      rs.next();
      return rs.getLong(1) == 0;
    }
  }

  private static SqlScript script(String name, String text, int from) {
    return SqlScript.parse(name, text.replace("{from}", Integer.toString(from)));
  }

  private static SortedSet<Integer> months(Statement st, String table) throws SQLException {
    SortedSet<Integer> months = new TreeSet<>();
    try (ResultSet rs = st.executeQuery("SELECT DISTINCT month_key FROM " + table)) {
      while (rs.next()) {
        months.add(rs.getInt(1));
      }
    }
    return months;
  }

  /** What the warning scores read from churn_signal_weight, as text. */
  private static String weights(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT coalesce(string_agg(signal || '=' || weight || '/'"
        + " || coalesce(CAST(churn_rate_without AS VARCHAR), '-'), ';' ORDER BY signal), '') FROM churn_signal_weight")) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static final String INPUTS = "SELECT 'setting:' || name AS name, value FROM analysis_setting"
      + " UNION ALL SELECT 'configured:' || signal, CAST(weight AS VARCHAR) FROM churn_signal_weight"
      + " WHERE source = 'configured'";

  /**
   * True when the months before {@code from} were analysed with the settings and configured
   * weights in force now (so they stand), and every one of their rows was analysed.
   */
  private static boolean sameInputsAsLastRun(Statement st, int from) throws SQLException {
    st.execute("CREATE TABLE IF NOT EXISTS " + APPLIED + " (name VARCHAR NOT NULL, value VARCHAR)");
    try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM (" + INPUTS + " EXCEPT SELECT * FROM " + APPLIED
        + ")) + (SELECT count(*) FROM (SELECT * FROM " + APPLIED + " EXCEPT " + INPUTS + "))"
        + " + CASE WHEN (SELECT count(*) FROM " + APPLIED + ") = 0 THEN 1 ELSE 0 END"
        + " + (SELECT count(*) FROM fact_subscriber_month WHERE month_key < " + from + " AND value_segment IS NULL)")) {
      rs.next();
      return rs.getLong(1) == 0;
    }
  }

  private static void recordInputs(Statement st) throws SQLException {
    st.execute("CREATE TABLE IF NOT EXISTS " + APPLIED + " (name VARCHAR NOT NULL, value VARCHAR)");
    st.execute("DELETE FROM " + APPLIED);
    st.execute("INSERT INTO " + APPLIED + " " + INPUTS);
  }

  /**
   * weight = ln(next-month churn rate with the signal ÷ rate with no signal), floored at 0; a
   * signal seen fewer than min_observations times keeps its prior. Configured rows are kept.
   */
  private static void fitWeights(Connection connection, Statement st) throws SQLException {
    long minObservations = Long.parseLong(setting(st, "min_observations"));
    double base;
    Integer from;
    Integer to;
    try (ResultSet rs = st.executeQuery("SELECT avg(churned_next) FILTER (WHERE signal_count = 0), "
        + "min(month_key), max(month_key) FROM ana_outcome")) {
      rs.next();
      base = rs.getDouble(1);
      from = (Integer) rs.getObject(2);
      to = (Integer) rs.getObject(3);
    }
    st.execute("DELETE FROM churn_signal_weight WHERE source <> 'configured'");
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT OR IGNORE INTO churn_signal_weight VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (ChurnSignal s : ChurnSignal.values()) {
        long n;
        double rate;
        try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(avg(churned_next), 0) FROM ana_outcome WHERE "
            + s.column() + " = 1")) {
          rs.next();
          n = rs.getLong(1);
          rate = rs.getDouble(2);
        }
        boolean fitted = n >= minObservations && base > 0;
        insert.setString(1, s.code());
        insert.setString(2, s.actionType().code());
        // a signal seen often enough that never preceded a churn adds no risk
        insert.setDouble(3, !fitted ? s.priorWeight() : rate > 0 ? Math.max(0, Math.log(rate / base)) : 0);
        insert.setObject(4, n == 0 ? null : rate);
        insert.setObject(5, base > 0 ? base : null);
        insert.setLong(6, n);
        insert.setObject(7, from);
        insert.setObject(8, to);
        insert.setString(9, fitted ? "fitted" : "default");
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String setting(Statement st, String name) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT value FROM analysis_setting WHERE name = '" + name + "'")) {
      return rs.next() ? rs.getString(1) : DEFAULT_SETTINGS.get(name);
    }
  }

  /** Expands the per-signal expressions of the apply script from {@link ChurnSignal}. */
  private static String fill(String sql) {
    Function<ChurnSignal, String> weight = s -> "(SELECT weight FROM churn_signal_weight WHERE signal = '" + s.code() + "')";
    return sql
        .replace("{analysis_columns_f}", "f." + COLUMNS.replace(", ", ", f."))
        .replace("{analysis_columns_a}", "a." + COLUMNS.replace(", ", ", a."))
        .replace("{signal_count}", join(ChurnSignal.values(), s -> "a." + s.column(), " + "))
        .replace("{signal_list}", "concat_ws(',', " + join(ChurnSignal.values(),
            s -> "CASE WHEN a." + s.column() + " = 1 THEN '" + s.code() + "' END", ", ") + ")")
        .replace("{weighted_sum}", join(ChurnSignal.values(), s -> "a." + s.column() + " * " + weight.apply(s), " + "))
        .replace("{care_sum}", join(of(ChurnSignal.ActionType.CARE), s -> "a." + s.column() + " * " + weight.apply(s), " + "))
        .replace("{marketing_sum}", join(of(ChurnSignal.ActionType.MARKETING),
            s -> "a." + s.column() + " * " + weight.apply(s), " + "));
  }

  private static ChurnSignal[] of(ChurnSignal.ActionType type) {
    return Arrays.stream(ChurnSignal.values()).filter(s -> s.actionType() == type).toArray(ChurnSignal[]::new);
  }

  private static String join(ChurnSignal[] signals, Function<ChurnSignal, String> f, String separator) {
    return Arrays.stream(signals).map(f).collect(Collectors.joining(separator));
  }
}
