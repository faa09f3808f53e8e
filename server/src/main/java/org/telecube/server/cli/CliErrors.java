package org.telecube.server.cli;

import org.telecube.warehouse.query.QueryException;

/** Turns exceptions into one clear line for the terminal, without a stack trace. */
final class CliErrors {
  private CliErrors() {
  }

  static String describe(Throwable e) {
    if (e instanceof QueryException q) {
      return q.field() + ": " + q.getMessage();
    }
    if (e instanceof org.telecube.reports.ReportException r) {
      return r.field() + ": " + r.getMessage();
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
