package org.telecube.warehouse.query;

import java.util.Arrays;
import java.util.List;

/**
 * The client asked for something the model does not have or wrote a value badly. {@code field}
 * names the offending part of the query ({@code rows[1]}, {@code filters[0].from}).
 *
 * <p>The message is English, for logs and the command line; a server shows the text of
 * {@code code} in {@code org/telecube/warehouse/query/messages_*.properties} instead, filled with
 * {@link #args()} ({@code {0}}, {@code {1}} ...), in the user's language.
 */
public final class QueryException extends RuntimeException {
  private final String field;
  private final String code;
  private final List<String> args;

  public QueryException(String field, String code, String message, Object... args) {
    super(message);
    this.field = field;
    this.code = code;
    this.args = Arrays.stream(args).map(String::valueOf).toList();
  }

  /** Path of the offending field in the query. */
  public String field() {
    return field;
  }

  /** Stable error code for clients and monitoring, e.g. {@code unknown_level}. */
  public String code() {
    return code;
  }

  /** The values the message of {@link #code()} names, in order ({@code {0}}, {@code {1}} ...). */
  public List<String> args() {
    return args;
  }
}
