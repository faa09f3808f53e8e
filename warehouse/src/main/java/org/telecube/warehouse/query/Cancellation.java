package org.telecube.warehouse.query;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * Stops a running query from another thread: {@link #cancel()} cancels the JDBC statement that is
 * running and makes every later step fail fast, so a query the user gave up on frees the backend.
 */
public final class Cancellation {
  private Statement running;
  private boolean cancelled;

  /** Never cancelled: for callers that cannot give up (reports, the command line). */
  public static Cancellation none() {
    return new Cancellation();
  }

  public synchronized void cancel() {
    cancelled = true;
    if (running != null) {
      try {
        running.cancel();
      } catch (SQLException e) {
        // the statement finished or closed meanwhile: nothing left to stop
      }
    }
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Marks {@code statement} as the one to cancel; fails at once if the query was already cancelled. */
  synchronized void start(Statement statement) {
    check();
    running = statement;
  }

  synchronized void finish() {
    running = null;
  }

  void check() {
    if (isCancelled()) {
      throw cancelledException();
    }
  }

  static QueryException cancelledException() {
    return new QueryException("query", "cancelled", "the query was cancelled");
  }
}
