package org.telecube.etl.feed;

/**
 * A field or row that broke the contract. One bad row may give several rejects (one per bad
 * field).
 *
 * @param fileName the feed file's name (no directory)
 * @param line the 1-based line the row starts on (the header is line 1)
 * @param column the offending column, or null for a row-level problem (wrong field count)
 * @param value the offending value as read, or null
 * @param reason human reason, e.g. {@code bad date "2025-13-01" (expected YYYY-MM-DD)}
 * @param rawLine the row re-assembled as CSV
 */
public record Reject(String fileName, long line, String column, String value, String reason, String rawLine) {

  /** One line for a console: {@code billing.csv:12 amount: bad amount "x" (...)}. */
  public String render() {
    return fileName + ":" + line + (column == null ? "" : " " + column) + ": " + reason;
  }
}
