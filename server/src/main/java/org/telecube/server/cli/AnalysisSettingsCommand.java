package org.telecube.server.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.telecube.etl.derive.ChurnSignal;
import org.telecube.etl.derive.CustomerAnalysis;
import org.telecube.etl.derive.Derivation;
import org.telecube.etl.publish.Publishing;
import org.telecube.warehouse.Warehouse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code telecube analysis-settings}: shows the customer-analysis settings and churn warning
 * weights; {@code --set} and {@code --weight} change them and recompute the analysis in one
 * transaction.
 */
@Command(name = "analysis-settings", mixinStandardHelpOptions = true, description = "Show or change customer-analysis settings and churn warning weights.")
final class AnalysisSettingsCommand implements Callable<Integer> {
  @ParentCommand
  TelecubeCommand root;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Change a setting, e.g. tenure_threshold_months=36.")
  List<String> settings = new ArrayList<>();

  @Option(names = "--weight", paramLabel = "SIGNAL=WEIGHT|fitted",
      description = "Fix a signal's weight (kept across refits), or 'fitted' to learn it from history again.")
  List<String> weights = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    try (Warehouse warehouse = Warehouse.open(root.backendSettings());
         Connection c = warehouse.workArea().dataSource().getConnection()) {
      if (!settings.isEmpty() || !weights.isEmpty()) {
        c.setAutoCommit(false);
        try {
          apply(c);
          CustomerAnalysis.run(c);
          Derivation.refreshAnalysedAggregates(c);
          // a batch of its own: the data version moves, and a PostgreSQL warehouse gets the new facts
          Publishing.recordAndPublishRecomputation(warehouse, c, "customer analysis recomputed: "
              + String.join(", ", settings) + (weights.isEmpty() ? "" : " weights " + String.join(", ", weights)));
          c.commit();
          System.out.println("Saved and recomputed.");
        } catch (Exception e) {
          c.rollback();
          throw e;
        } finally {
          c.setAutoCommit(true);
        }
      }
      print(c);
    }
    return 0;
  }

  private void apply(Connection c) throws Exception {
    for (String s : settings) {
      String[] kv = split(s, "--set");
      if (!CustomerAnalysis.DEFAULT_SETTINGS.containsKey(kv[0])) {
        throw new IllegalArgumentException("--set: unknown setting " + kv[0] + " (one of "
            + String.join(", ", CustomerAnalysis.DEFAULT_SETTINGS.keySet()) + ")");
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO analysis_setting VALUES (?, ?)")) {
        ps.setString(1, kv[0]);
        ps.setString(2, kv[1]);
        ps.executeUpdate();
      }
    }
    for (String w : weights) {
      String[] kv = split(w, "--weight");
      ChurnSignal signal = Arrays.stream(ChurnSignal.values()).filter(x -> x.code().equals(kv[0])).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("--weight: unknown signal " + kv[0]));
      if (kv[1].equals("fitted")) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM churn_signal_weight WHERE signal = ?")) {
          ps.setString(1, signal.code());
          ps.executeUpdate();
        }
        continue;
      }
      double value;
      try {
        value = Double.parseDouble(kv[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--weight: " + kv[1] + " is not a number", e);
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO churn_signal_weight "
          + "(signal, action_type, weight, source) VALUES (?, ?, ?, 'configured')")) {
        ps.setString(1, signal.code());
        ps.setString(2, signal.actionType().code());
        ps.setDouble(3, value);
        ps.executeUpdate();
      }
    }
  }

  private static String[] split(String spec, String option) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(option + ": write NAME=VALUE, got \"" + spec + "\"");
    }
    return new String[] {spec.substring(0, eq).trim().toLowerCase(Locale.ROOT), spec.substring(eq + 1).trim()};
  }

  private static void print(Connection c) throws Exception {
    try (Statement st = c.createStatement()) {
      System.out.println("Settings:");
      try (ResultSet rs = st.executeQuery("SELECT name, value FROM analysis_setting ORDER BY name")) {
        while (rs.next()) {
          System.out.printf(Locale.ROOT, "  %-26s %s%n", rs.getString(1), rs.getString(2));
        }
      }
      System.out.println("Churn warning weights (ln relative risk):");
      try (ResultSet rs = st.executeQuery("SELECT signal, action_type, weight, churn_rate_with, churn_rate_without,"
          + " observations, source FROM churn_signal_weight ORDER BY weight DESC")) {
        while (rs.next()) {
          System.out.printf(Locale.ROOT, "  %-22s %-9s %6.2f  churn next month %6s vs %6s  n=%-8s %s%n",
              rs.getString(1), rs.getString(2), rs.getDouble(3), percent(rs.getObject(4)), percent(rs.getObject(5)),
              rs.getObject(6), rs.getString(7));
        }
      }
    }
  }

  private static String percent(Object v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * ((Number) v).doubleValue());
  }
}
