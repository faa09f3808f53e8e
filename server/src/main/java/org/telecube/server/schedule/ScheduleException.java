package org.telecube.server.schedule;

import java.util.Arrays;
import java.util.List;

/**
 * A schedule request that cannot be honoured: {@code field} names what is wrong and {@code code}
 * says why, in a form clients can branch on. Not found is a 404, forbidden a 403, everything else a 400. The
 * message is English (logs); clients see the text of {@code code} from the error bundles, filled
 * with {@link #args()}.
 */
public final class ScheduleException extends RuntimeException {
  private final String field;
  private final String code;
  private final boolean notFound;
  private final boolean forbidden;
  private final List<String> args;

  private ScheduleException(String field, String code, String message, boolean notFound, List<String> args) {
    this(field, code, message, notFound, false, args);
  }

  private ScheduleException(String field, String code, String message, boolean notFound, boolean forbidden,
                            List<String> args) {
    super(message);
    this.field = field;
    this.code = code;
    this.notFound = notFound;
    this.forbidden = forbidden;
    this.args = args;
  }

  /** Not the caller's to see or change (another user's schedule, a region outside their scope): a 403. */
  public static ScheduleException forbidden(String field, String code, String message, List<String> args) {
    return new ScheduleException(field, code, message, false, true, List.copyOf(args));
  }

  public boolean forbidden() {
    return forbidden;
  }

  public static ScheduleException invalid(String field, String code, String message, Object... args) {
    return new ScheduleException(field, code, message, false, strings(args));
  }

  /** The same refusal with the arguments another exception carried (a report's code and its values). */
  public static ScheduleException invalid(String field, String code, String message, List<String> args) {
    return new ScheduleException(field, code, message, false, List.copyOf(args));
  }

  public static ScheduleException notFound(long id) {
    return notFound("id", "unknown_schedule", "no schedule " + id, id);
  }

  public static ScheduleException notFound(String field, String code, String message, Object... args) {
    return new ScheduleException(field, code, message, true, strings(args));
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

  /** The values the message of {@link #code()} names, in order ({@code {0}}, {@code {1}} ...). */
  public List<String> args() {
    return args;
  }

  private static List<String> strings(Object... args) {
    return Arrays.stream(args).map(String::valueOf).toList();
  }
}
