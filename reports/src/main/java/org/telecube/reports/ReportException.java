package org.telecube.reports;

/**
 * A report request that cannot be answered. {@link Kind#BAD_PARAMETER} is the client's mistake
 * (HTTP 400: a malformed month, an unknown language or format); {@link Kind#NOT_FOUND} names
 * something that does not exist (HTTP 404: an unknown report or scope, a month without data).
 * {@code field} names the parameter, {@code code} is stable for clients.
 */
public final class ReportException extends RuntimeException {
  /** How a server should answer. */
  public enum Kind { BAD_PARAMETER, NOT_FOUND }

  private final Kind kind;
  private final String field;
  private final String code;

  public ReportException(Kind kind, String field, String code, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
    this.code = code;
  }

  public static ReportException badParameter(String field, String code, String message) {
    return new ReportException(Kind.BAD_PARAMETER, field, code, message);
  }

  public static ReportException notFound(String field, String code, String message) {
    return new ReportException(Kind.NOT_FOUND, field, code, message);
  }

  public Kind kind() {
    return kind;
  }

  /** The offending parameter: {@code id}, {@code month}, {@code scope}, {@code language}, {@code format}. */
  public String field() {
    return field;
  }

  /** E.g. {@code bad_month}, {@code unknown_scope}, {@code no_data}, {@code unknown_report}. */
  public String code() {
    return code;
  }
}
