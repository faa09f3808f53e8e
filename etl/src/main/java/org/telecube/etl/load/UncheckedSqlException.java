package org.telecube.etl.load;

import java.sql.SQLException;

/** Carries a SQLException through the row callbacks of the feed reader. */
final class UncheckedSqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UncheckedSqlException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  @Override
  public synchronized SQLException getCause() {
    return (SQLException) super.getCause();
  }
}
