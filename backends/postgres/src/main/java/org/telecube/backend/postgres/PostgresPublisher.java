package org.telecube.backend.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.telecube.warehouse.backend.Publication;
import org.telecube.warehouse.backend.Publication.Slice;
import org.telecube.warehouse.backend.PublishRefusedException;
import org.telecube.warehouse.backend.StarPublisher;

/**
 * Moves a batch's slices from the DuckDB work area into PostgreSQL in one transaction: readers see
 * the previous star until it commits, and any failure rolls back to it. A whole table is copied into
 * a shadow table that replaces it by rename; some months are deleted and copied again. The last row
 * of {@code telecube_publication} names the batch and the work area it came from.
 */
public final class PostgresPublisher implements StarPublisher {
  /** The advisory lock every TeleCube publication to a database takes ("telecube" in hex-ish). */
  static final long PUBLISH_LOCK = 0x7e1ecbe_0002L;
  static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(30);
  private static final long LOCK_RETRY_MS = 200;
  private static final String SHADOW = "__shadow";

  private final DataSource dataSource;
  private final String location;
  private final Duration lockWait;

  PostgresPublisher(DataSource dataSource, String location) {
    this(dataSource, location, DEFAULT_LOCK_WAIT);
  }

  PostgresPublisher(DataSource dataSource, String location, Duration lockWait) {
    this.dataSource = dataSource;
    this.location = location;
    this.lockWait = lockWait;
  }

  @Override
  public boolean inPlace() {
    return false;
  }

  @Override
  public long publishedBatch() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      LastPublication last = lastPublication(c);
      return last == null ? 0 : last.batchId();
    } catch (SQLException e) {
      if ("42P01".equals(e.getSQLState())) {
        return 0; // not prepared yet: nothing published
      }
      throw e;
    }
  }

  @Override
  public void publish(Connection workArea, Publication publication) throws SQLException {
    try (Connection pg = dataSource.getConnection()) {
      boolean autoCommit = pg.getAutoCommit();
      pg.setAutoCommit(false);
      try {
        lock(pg);
        checkWorkArea(pg, publication.workArea());
        CopyManager copyManager = pg.unwrap(PGConnection.class).getCopyAPI();
        Set<String> touched = new LinkedHashSet<>();
        for (Slice slice : publication.slices()) {
          String table = Identifiers.checked(slice.table());
          try {
            List<String> columns = columns(pg, table);
            if (slice.isWhole()) {
              replaceTable(pg, copyManager, workArea, table, columns);
            } else {
              replaceMonths(pg, copyManager, workArea, table, columns, slice);
            }
          } catch (SQLException e) {
            throw new SQLException("cannot publish " + table + " to " + location + ": " + e.getMessage(),
                e.getSQLState(), e);
          }
          touched.add(table);
        }
        try (PreparedStatement ps = pg.prepareStatement(
            "INSERT INTO telecube_publication (batch_id, work_area, published_at) VALUES (?, ?, clock_timestamp())")) {
          ps.setLong(1, publication.batchId());
          ps.setString(2, publication.workArea());
          ps.executeUpdate();
        }
        try (Statement st = pg.createStatement()) {
          for (String table : touched) {
            st.execute("ANALYZE " + table);
          }
        }
        pg.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          pg.rollback();
        } catch (SQLException rollbackFailed) {
          e.addSuppressed(rollbackFailed); // the server ends the transaction with the connection anyway
        }
        throw e;
      } finally {
        pg.setAutoCommit(autoCommit);
      }
    }
  }

  /** Waits (up to {@link #lockWait}) for another load publishing here to finish, then refuses. */
  private void lock(Connection pg) throws SQLException {
    long deadline = System.nanoTime() + lockWait.toNanos();
    try (Statement st = pg.createStatement()) {
      while (true) {
        try (ResultSet rs = st.executeQuery("SELECT pg_try_advisory_xact_lock(" + PUBLISH_LOCK + ")")) {
          rs.next();
          if (rs.getBoolean(1)) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new PublishRefusedException("another load is publishing to " + location
              + "; waited " + lockWait.toSeconds() + " s. Try the load again when it has finished.");
        }
        try {
          Thread.sleep(LOCK_RETRY_MS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PublishRefusedException("interrupted while waiting for another load publishing to " + location);
        }
      }
    }
  }

  /** One warehouse, one work area: a second ETL would overwrite the first one's star table by table. */
  private void checkWorkArea(Connection pg, String workArea) throws SQLException {
    LastPublication last = lastPublication(pg);
    if (last != null && !last.workArea().equals(workArea)) {
      throw new PublishRefusedException("The warehouse " + location + " was last published from another work area ("
          + last.workArea() + ", batch " + last.batchId() + "), not from this one (" + workArea + "). Load from the"
          + " data directory that holds that work area; or, to make this work area the warehouse's source, empty"
          + " the table telecube_publication (DELETE FROM telecube_publication) and load again: the next load then"
          + " publishes the whole star.");
    }
  }

  private static LastPublication lastPublication(Connection pg) throws SQLException {
    try (Statement st = pg.createStatement();
         ResultSet rs = st.executeQuery("SELECT batch_id, work_area FROM telecube_publication"
             + " ORDER BY published_at DESC, batch_id DESC LIMIT 1")) {
      return rs.next() ? new LastPublication(rs.getLong(1), rs.getString(2)) : null;
    }
  }

  private record LastPublication(long batchId, String workArea) {
  }

  /** The PostgreSQL table's columns in order: the work area is read in that order, by name. */
  private static List<String> columns(Connection pg, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (PreparedStatement ps = pg.prepareStatement("SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(Identifiers.checked(rs.getString(1)));
        }
      }
    }
    if (columns.isEmpty()) {
      throw new SQLException("the warehouse has no table " + table + " (was it prepared by this version?)", "42P01");
    }
    return columns;
  }

  /** COPY into a shadow table shaped like {@code table}, then drop {@code table} and rename the shadow. */
  private static void replaceTable(Connection pg, CopyManager copyManager, Connection workArea, String table,
                                   List<String> columns) throws SQLException {
    String shadow = table + SHADOW;
    try (Statement st = pg.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + shadow);
      st.execute("CREATE TABLE " + shadow + " (LIKE " + table + " INCLUDING ALL)");
    }
    copy(copyManager, workArea, table, shadow, columns, "");
    ShadowSwap.swap(pg, table, shadow);
  }

  private static void replaceMonths(Connection pg, CopyManager copyManager, Connection workArea, String table,
                                    List<String> columns, Slice slice) throws SQLException {
    String monthColumn = Identifiers.checked(slice.monthColumn());
    try (PreparedStatement ps = pg.prepareStatement("DELETE FROM " + table + " WHERE " + monthColumn + " = ANY(?)")) {
      ps.setArray(1, pg.createArrayOf("integer", slice.months().toArray()));
      ps.executeUpdate();
    }
    String months = slice.months().stream().map(String::valueOf).collect(Collectors.joining(", "));
    copy(copyManager, workArea, table, table, columns, " WHERE " + monthColumn + " IN (" + months + ")");
  }

  /** Reads the work area's rows as its open transaction sees them (not committed, not closed here). */
  private static void copy(CopyManager copyManager, Connection workArea, String from, String into,
                           List<String> columns, String where) throws SQLException {
    String list = String.join(", ", columns);
    SpooledCopy.copy(workArea, "SELECT " + list + " FROM " + from + where, copyManager,
        "COPY " + into + " (" + list + ") FROM STDIN (FORMAT csv)");
  }
}
