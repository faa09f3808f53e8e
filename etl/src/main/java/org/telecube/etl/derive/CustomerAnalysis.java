package org.telecube.etl.derive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.telecube.warehouse.schema.SqlScript;

/**
 * Customer value, lifecycle and churn early warning, recomputed over every month after each
 * batch (so a reloaded month recomputes the same): signals per subscriber-month, warning weights
 * fitted from history (the next-month churn rate with each signal against the rate with none),
 * then segments, value score and tier, lifecycle stage and warning score written onto
 * fact_subscriber_month, and segment and stage onto fact_billing. Definitions:
 * docs/customer-analysis.md.
 */
public final class CustomerAnalysis {
  /** Settings and their defaults; a row in analysis_setting overrides each. */
  public static final Map<String, String> DEFAULT_SETTINGS = defaults();

  private static final String BASE = "/org/telecube/etl/derive/";
  private static final SqlScript SIGNALS = SqlScript.load(CustomerAnalysis.class, BASE + "analysis.sql");
  private static final SqlScript APPLY = SqlScript.parse("analysis-apply.sql", fill(
      SqlScript.text(CustomerAnalysis.class, BASE + "analysis-apply.sql")));

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

  public static void run(Connection connection) throws SQLException {
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
          return;
        }
      }
      SIGNALS.run(connection);
      fitWeights(connection, st);
      APPLY.run(connection);
      st.execute("DROP TABLE IF EXISTS ana_final");
      st.execute("DROP TABLE IF EXISTS ana_value");
      st.execute("DROP TABLE IF EXISTS ana_outcome");
      st.execute("DROP TABLE IF EXISTS ana_signal");
      st.execute("DROP TABLE IF EXISTS ana_version");
      st.execute("DROP TABLE IF EXISTS ana_month");
    }
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
