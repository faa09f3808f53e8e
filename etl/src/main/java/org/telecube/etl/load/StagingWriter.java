package org.telecube.etl.load;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.locks.Lock;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.telecube.etl.feed.Column;
import org.telecube.etl.feed.FeedKind;
import org.telecube.etl.feed.FieldType;
import org.telecube.etl.feed.Reject;
import org.telecube.etl.feed.RowSink;
import org.telecube.etl.feed.ValueKind;

/**
 * Appends accepted rows to a feed's temp table with the DuckDB appender (part of the open
 * transaction: it rolls back with it), numbering them so the last row per key can win; passes
 * rejects on. For the subscribers feed, accepted ids become known to later feeds of the batch.
 */
final class StagingWriter implements RowSink, AutoCloseable {
  private final DuckDBAppender appender;
  private final Lock lock;
  private final ValueKind[] kinds;
  /** Per column, the enumeration it holds (staged as the member's index), else null. */
  private final FieldType.OneOf[] enumerations;
  private final RejectWriter rejects;
  private final KnownCodes codes;
  private final int subscriberIdColumn;
  private long seq;

  StagingWriter(DuckDBConnection connection, StagingTable table, RejectWriter rejects, KnownCodes codes)
      throws SQLException {
    this.appender = connection.createAppender("temp", DuckDBConnection.DEFAULT_SCHEMA, table.tempTable());
    List<Column> columns = table.kind().columns();
    this.kinds = columns.stream().map(c -> c.type().kind()).toArray(ValueKind[]::new);
    this.enumerations = columns.stream().map(c -> c.type() instanceof FieldType.OneOf o ? o : null)
        .toArray(FieldType.OneOf[]::new);
    this.appender.setWriteInlinedStrings(true);
    // made and closed on the loader's thread, fed on OverlappedSink's: in turn, never at once
    this.lock = appender.unsafeBreakThreadConfinement();
    this.rejects = rejects;
    this.codes = codes;
    this.subscriberIdColumn = table.kind() == FeedKind.SUBSCRIBERS ? table.kind().columnIndex("subscriber_id") : -1;
  }

  /** Rows appended so far. */
  long appended() {
    return seq;
  }

  @Override
  public void accepted(long line, Object[] values) {
    lock.lock();
    try {
      appender.beginRow();
      appender.append(seq++);
      for (int i = 0; i < values.length; i++) {
        if (enumerations[i] != null && values[i] != null) {
          appender.append((byte) enumerations[i].indexOf((String) values[i]));
        } else {
          append(kinds[i], values[i]);
        }
      }
      appender.endRow();
    } catch (SQLException e) {
      throw new UncheckedSqlException(e);
    } finally {
      lock.unlock();
    }
    if (subscriberIdColumn >= 0) {
      codes.addSubscriber((String) values[subscriberIdColumn]);
    }
  }

  private void append(ValueKind kind, Object v) throws SQLException {
    if (v == null) {
      appender.appendNull();
      return;
    }
    switch (kind) {
      case TEXT -> appender.append((String) v);
      case DATE -> appender.appendEpochDays((int) ((LocalDate) v).toEpochDay());
      // operator-local wall time stored as is: epoch arithmetic in UTC is zone-free
      case TIMESTAMP -> appender.appendEpochMicros(((LocalDateTime) v).toEpochSecond(ZoneOffset.UTC) * 1_000_000L);
      case MONTH_KEY, INTEGER -> appender.append(((Integer) v).intValue());
      case AMOUNT -> appender.appendDecimal(((Long) v).longValue());
      case BIGINT -> appender.append(((Long) v).longValue());
      default -> throw new IllegalStateException("unhandled value kind " + kind);
    }
  }

  @Override
  public void rejected(Reject reject) {
    rejects.add(reject);
  }

  @Override
  public void close() throws SQLException {
    lock.lock();
    try {
      appender.flush(); // close() drops a failure to flush the last rows
      appender.close();
    } finally {
      lock.unlock();
    }
  }
}
