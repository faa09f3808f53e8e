package org.telecube.etl.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.telecube.etl.feed.Reject;

/**
 * The rejects of a batch: how many, and the first few (all are in etl_reject).
 *
 * @param total rejects (a bad row with two bad fields gives two)
 * @param rows rows rejected
 * @param first the first rejects in file and line order, at most the limit asked for
 */
public record RejectReport(long batchId, long total, long rows, List<Reject> first) {
  public RejectReport {
    first = List.copyOf(first);
  }

  public boolean isEmpty() {
    return total == 0;
  }

  /** Reads a batch's rejects back from etl_reject. */
  public static RejectReport of(Connection connection, long batchId, int limit) throws SQLException {
    long total;
    long rows;
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT count(*), count(DISTINCT (file_name, line)) FROM etl_reject WHERE batch_id = ?")) {
      ps.setLong(1, batchId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
        rows = rs.getLong(2);
      }
    }
    List<Reject> first = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement("SELECT file_name, line, column_name, value,"
        + " reason, raw_line FROM etl_reject WHERE batch_id = ? ORDER BY file_name, line LIMIT ?")) {
      ps.setLong(1, batchId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          first.add(new Reject(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
              rs.getString(5), rs.getString(6)));
        }
      }
    }
    return new RejectReport(batchId, total, rows, first);
  }

  /** Human text: a count line, then one line per reject shown. Empty string when none. */
  public String render() {
    if (total == 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%,d reject%s in %,d row%s", total, total == 1 ? "" : "s",
        rows, rows == 1 ? "" : "s"));
    if (first.size() < total) {
      sb.append(String.format(Locale.ROOT, " (first %d shown; all in etl_reject, batch_id = %d)",
          first.size(), batchId));
    }
    sb.append(':').append(System.lineSeparator());
    for (Reject r : first) {
      sb.append("  ").append(r.render()).append(System.lineSeparator());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
