package org.telecube.reports;

import java.util.Arrays;
import java.util.List;

/**
 * A report request that cannot be answered. {@link Kind#BAD_PARAMETER} is the client's mistake
 * (HTTP 400: a malformed month, an unknown locale or format); {@link Kind#NOT_FOUND} names
 * something that does not exist (HTTP 404: an unknown report or scope, a month without data);
 * {@link Kind#FORBIDDEN} asks for what exists but lies outside the viewer's data scope (HTTP 403:
 * another province, or a region containing the viewer's). {@code field} names the parameter,
 * {@code code} is stable for clients.
 *
 * <p>The message is English, for logs and the command line; a server shows the text of
 * {@code code} in {@code org/telecube/reports/errors_*.properties}, filled with {@link #args()}.
 */
public final class ReportException extends RuntimeException {
  /** How a server should answer. */
  public enum Kind { BAD_PARAMETER, NOT_FOUND, FORBIDDEN }

  private final Kind kind;
  private final String field;
  private final String code;
  private final List<String> args;

  public ReportException(Kind kind, String field, String code, String message, Object... args) {
    super(message);
    this.kind = kind;
    this.field = field;
    this.code = code;
    this.args = Arrays.stream(args).map(String::valueOf).toList();
  }

  public static ReportException badParameter(String field, String code, String message, Object... args) {
    return new ReportException(Kind.BAD_PARAMETER, field, code, message, args);
  }

  public static ReportException notFound(String field, String code, String message, Object... args) {
    return new ReportException(Kind.NOT_FOUND, field, code, message, args);
  }

  public static ReportException forbidden(String field, String code, String message, Object... args) {
    return new ReportException(Kind.FORBIDDEN, field, code, message, args);
  }

  public Kind kind() {
    return kind;
  }

  /** The offending parameter: {@code id}, {@code month}, {@code scope}, {@code locale}, {@code format}. */
  public String field() {
    return field;
  }

  /** E.g. {@code bad_date}, {@code unknown_scope}, {@code out_of_scope}, {@code no_data}, {@code unknown_report}. */
  public String code() {
    return code;
  }

  /** The values the message of {@link #code()} names, in order ({@code {0}}, {@code {1}} ...). */
  public List<String> args() {
    return args;
  }
}
