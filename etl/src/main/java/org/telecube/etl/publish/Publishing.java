package org.telecube.etl.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.telecube.backend.duckdb.StarSchema;
import org.telecube.etl.derive.DerivedChanges;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.Backend;

/**
 * Publishes what the work area derived to a backend that is not the work area, in the backend's
 * own transaction, before the work area commits: a failure rolls the work area back too. When the
 * backend's last batch is not the work area's previous one, everything goes whole, so a crash
 * between the two commits heals with the next load.
 */
public final class Publishing {
  private Publishing() {
  }

  /**
   * Publishes batch {@code batchId}, already recorded in the work area's etl_batch on
   * {@code workArea} (uncommitted); nothing to do when the backend is the work area.
   *
   * @return a phrase for the batch's progress ("publishing to postgres"), or null when in place
   */
  public static String publish(Backend target, Connection workArea, long batchId, DerivedChanges changes)
      throws SQLException {
    if (target.publisher().inPlace()) {
      return null;
    }
    // a first publication sends everything (the calendar among it); so does one after a gap
    long published = target.publisher().publishedBatch();
    boolean full = published == 0 || published != batchId - 1;
    target.publisher().publish(workArea,
        PublicationPlan.of(batchId, StarSchema.workAreaId(workArea), changes, full));
    return "published to " + target.name() + (full ? " (every table)" : "");
  }

  /**
   * After the customer analysis was recomputed on {@code workArea} (new settings or weights),
   * inside its uncommitted transaction: records it as a batch without files, so the data version
   * moves and caches see the change, and publishes the facts it rewrote. The caller commits.
   */
  public static long recordAndPublishRecomputation(Warehouse warehouse, Connection workArea, String note)
      throws SQLException {
    long batchId = recordBatch(workArea, note);
    // the analysis rewrote these two (which months, the caller did not say)
    publish(warehouse.backend(), workArea, batchId, new DerivedChanges(List.of("customer analysis"), Map.of(),
        Set.of("fact_billing", "fact_subscriber_month")));
    return batchId;
  }

  /**
   * Sends every table of the work area whole to {@code target}, as a batch of its own recorded in
   * the work area's uncommitted transaction (the caller commits): for a warehouse published by an
   * older TeleCube, whose facts lack a column or whose aggregate tables were never sent, or to
   * repair one. Returns the batch, or 0 when the backend is the work area (nothing to send).
   */
  public static long republish(Backend target, Connection workArea) throws SQLException {
    if (target.publisher().inPlace()) {
      return 0;
    }
    long batchId = recordBatch(workArea, "full publication to " + target.name());
    target.publisher().publish(workArea, PublicationPlan.of(batchId, StarSchema.workAreaId(workArea),
        DerivedChanges.none(), true));
    return batchId;
  }

  /** Records a batch without files in the work area's etl_batch; returns its id. */
  private static long recordBatch(Connection workArea, String note) throws SQLException {
    long batchId;
    try (Statement st = workArea.createStatement();
         ResultSet rs = st.executeQuery("SELECT coalesce(max(batch_id), 0) + 1 FROM etl_batch")) {
      rs.next();
      batchId = rs.getLong(1);
    }
    try (PreparedStatement ps = workArea.prepareStatement("INSERT INTO etl_batch (batch_id, started_at, finished_at,"
        + " rows_read, rows_loaded, rows_rejected, note) VALUES (?, current_timestamp, current_timestamp, 0, 0, 0, ?)")) {
      ps.setLong(1, batchId);
      ps.setString(2, note);
      ps.executeUpdate();
    }
    return batchId;
  }
}
