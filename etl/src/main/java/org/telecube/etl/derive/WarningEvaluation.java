package org.telecube.etl.derive;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How well month m's warning scores foresaw churn in month m+1: subscribers active at the end of
 * m ranked by score (ties broken by a hash of the id, so the order is stable), cut into deciles,
 * with each decile's churn rate against the overall rate (lift), and precision and recall of
 * the top 5%. Fair only for a month outside the fitted range (churn_signal_weight.fitted_to).
 */
public final class WarningEvaluation {
  private WarningEvaluation() {
  }

  public record Decile(int decile, long subscribers, long churners, double churnRate, double lift) {
  }

  public record Result(int month, Integer fittedFrom, Integer fittedTo, long subscribers, long churners,
                       List<Decile> deciles, double precisionTop5, double recallTop5) {

    /** True when the month's outcome was not used to fit the weights. */
    public boolean outOfSample() {
      return fittedTo == null || month > fittedTo;
    }

    public String render() {
      StringBuilder out = new StringBuilder();
      out.append(String.format(Locale.ROOT, "Warning scores of %d against churn in the next month (%s; weights fitted on %s..%s)%n",
          month, outOfSample() ? "out of sample" : "IN SAMPLE", fittedFrom, fittedTo));
      out.append(String.format(Locale.ROOT, "%-7s %12s %9s %10s %7s%n", "decile", "subscribers", "churners", "churn rate", "lift"));
      for (Decile d : deciles) {
        out.append(String.format(Locale.ROOT, "%-7d %,12d %,9d %9.2f%% %6.2fx%n", d.decile(), d.subscribers(), d.churners(),
            100 * d.churnRate(), d.lift()));
      }
      out.append(String.format(Locale.ROOT, "all     %,12d %,9d%ntop 5%%: precision %.1f%%, recall %.1f%%%n",
          subscribers, churners, 100 * precisionTop5, 100 * recallTop5));
      return out.toString();
    }
  }

  public static Result evaluate(Connection connection, int month) throws SQLException {
    String ranked = """
        WITH scored AS (
          SELECT f.subscriber_id, f.warning_score, n.is_churned AS churned_next,
                 row_number() OVER (ORDER BY f.warning_score DESC, hash(f.subscriber_id)) AS position,
                 count(*) OVER () AS total
          FROM fact_subscriber_month f
          JOIN fact_subscriber_month n ON n.subscriber_id = f.subscriber_id
           AND n.month_key = CASE WHEN f.month_key % 100 = 12 THEN (f.month_key // 100 + 1) * 100 + 1 ELSE f.month_key + 1 END
          WHERE f.month_key = ? AND f.active_end = 1)
        """;
    List<Decile> deciles = new ArrayList<>();
    long subscribers = 0;
    long churners = 0;
    try (PreparedStatement ps = connection.prepareStatement(ranked
        + "SELECT CAST(ceil(10.0 * position / total) AS INTEGER) AS decile, count(*), sum(churned_next) "
        + "FROM scored GROUP BY ALL ORDER BY 1")) {
      ps.setInt(1, month);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          deciles.add(new Decile(rs.getInt(1), rs.getLong(2), rs.getLong(3), 0, 0));
          subscribers += rs.getLong(2);
          churners += rs.getLong(3);
        }
      }
    }
    double overall = subscribers == 0 ? 0 : (double) churners / subscribers;
    List<Decile> withLift = deciles.stream().map(d -> {
      double rate = d.subscribers() == 0 ? 0 : (double) d.churners() / d.subscribers();
      return new Decile(d.decile(), d.subscribers(), d.churners(), rate, overall == 0 ? 0 : rate / overall);
    }).toList();
    double precision = 0;
    double recall = 0;
    try (PreparedStatement ps = connection.prepareStatement(ranked
        + "SELECT count(*), sum(churned_next) FROM scored WHERE position <= ceil(0.05 * total)")) {
      ps.setInt(1, month);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getLong(1) > 0) {
          precision = (double) rs.getLong(2) / rs.getLong(1);
          recall = churners == 0 ? 0 : (double) rs.getLong(2) / churners;
        }
      }
    }
    Integer from = null;
    Integer to = null;
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT min(fitted_from), max(fitted_to) FROM churn_signal_weight WHERE source = 'fitted'");
         ResultSet rs = ps.executeQuery()) {
      if (rs.next()) {
        from = (Integer) rs.getObject(1);
        to = (Integer) rs.getObject(2);
      }
    }
    return new Result(month, from, to, subscribers, churners, withLift, precision, recall);
  }
}
