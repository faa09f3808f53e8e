package org.telecube.warehouse.query;

/**
 * The client asked for something the model does not have or wrote a value badly. {@code field}
 * names the offending part of the query ({@code rows[1]}, {@code filters[0].from}).
 */
public final class QueryException extends RuntimeException {
  private final String field;
  private final String code;

  public QueryException(String field, String code, String message) {
    super(message);
    this.field = field;
    this.code = code;
  }

  /** Path of the offending field in the query. */
  public String field() {
    return field;
  }

  /** Stable error code for clients and monitoring, e.g. {@code unknown_level}. */
  public String code() {
    return code;
  }
}
