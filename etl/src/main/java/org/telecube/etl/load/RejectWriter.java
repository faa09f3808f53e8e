package org.telecube.etl.load;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.telecube.etl.feed.Reject;

/** Appends rejects to etl_reject inside the batch's transaction; keeps the first few for the report. */
final class RejectWriter implements AutoCloseable {
  private final DuckDBConnection connection;
  private final long batchId;
  private final int keep;
  private final List<Reject> first = new ArrayList<>();
  private DuckDBAppender appender;
  private Lock lock;
  private long count;
  private long rows;
  private String lastFile;
  private long lastLine = -1;

  RejectWriter(DuckDBConnection connection, long batchId, int keep) {
    this.connection = connection;
    this.batchId = batchId;
    this.keep = keep;
  }

  void add(Reject r) {
    if (appender == null) {
      try {
        appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "etl_reject");
      } catch (SQLException e) {
        throw new UncheckedSqlException(e);
      }
      // fed on OverlappedSink's threads, one file after another, and closed on the loader's
      lock = appender.unsafeBreakThreadConfinement();
    }
    lock.lock();
    try {
      appender.beginRow()
          .append(batchId)
          .append(r.fileName())
          .append(r.line());
      appendNullable(r.column());
      appendNullable(r.value());
      appender.append(r.reason());
      appendNullable(r.rawLine());
      appender.endRow();
    } catch (SQLException e) {
      throw new UncheckedSqlException(e);
    } finally {
      lock.unlock();
    }
    count++;
    if (r.line() != lastLine || !r.fileName().equals(lastFile)) {
      rows++;
      lastLine = r.line();
      lastFile = r.fileName();
    }
    if (first.size() < keep) {
      first.add(r);
    }
  }

  private void appendNullable(String s) throws SQLException {
    if (s == null) {
      appender.appendNull();
    } else {
      appender.append(s);
    }
  }

  RejectReport report() {
    return new RejectReport(batchId, count, rows, first);
  }

  /** Flushes the rejects into etl_reject. */
  @Override
  public void close() throws SQLException {
    if (appender != null) {
      lock.lock();
      try {
        appender.flush(); // close() drops a failure to flush the last rows
        appender.close();
      } finally {
        lock.unlock();
      }
      appender = null;
    }
  }
}
