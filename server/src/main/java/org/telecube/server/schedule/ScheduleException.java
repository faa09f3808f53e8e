package org.telecube.server.schedule;

/**
 * A schedule request that cannot be honoured: {@code field} names what is wrong and {@code code}
 * says why, in a form clients can branch on. Not found is a 404, everything else a 400.
 */
public final class ScheduleException extends RuntimeException {
  private final String field;
  private final String code;
  private final boolean notFound;

  private ScheduleException(String field, String code, String message, boolean notFound) {
    super(message);
    this.field = field;
    this.code = code;
    this.notFound = notFound;
  }

  public static ScheduleException invalid(String field, String code, String message) {
    return new ScheduleException(field, code, message, false);
  }

  public static ScheduleException notFound(long id) {
    return notFound("id", "unknown_schedule", "no schedule " + id);
  }

  public static ScheduleException notFound(String field, String code, String message) {
    return new ScheduleException(field, code, message, true);
  }

  public String field() {
    return field;
  }

  public String code() {
    return code;
  }

  public boolean notFound() {
    return notFound;
  }
}
