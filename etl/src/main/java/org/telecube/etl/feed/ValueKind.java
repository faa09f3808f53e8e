package org.telecube.etl.feed;

/**
 * The Java shape of a parsed value, and the SQL type it is staged as.
 */
public enum ValueKind {
  /** {@link String}. */
  TEXT("VARCHAR"),
  /** {@link java.time.LocalDate}. */
  DATE("DATE"),
  /** {@link java.time.LocalDateTime}, operator-local, no zone. */
  TIMESTAMP("TIMESTAMP"),
  /** {@link Integer} yyyymm. */
  MONTH_KEY("INTEGER"),
  /** {@link Long} fen (hundredths of a yuan). */
  AMOUNT("DECIMAL(14,2)"),
  /** {@link Long}. */
  BIGINT("BIGINT"),
  /** {@link Integer}. */
  INTEGER("INTEGER");

  private final String sqlType;

  ValueKind(String sqlType) {
    this.sqlType = sqlType;
  }

  public String sqlType() {
    return sqlType;
  }
}
