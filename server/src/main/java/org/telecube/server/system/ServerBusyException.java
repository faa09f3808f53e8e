package org.telecube.server.system;

import java.util.Arrays;
import java.util.List;

/**
 * The server is at its bound (the query or report queue is full, no warehouse connection came in
 * time): answered at once with 503 and {@code Retry-After}, never after a long wait. The message
 * is English, for logs; the client reads {@code code}'s text in its language.
 */
public final class ServerBusyException extends RuntimeException {
  private final String code;
  private final long retryAfterSeconds;
  private final List<String> args;

  public ServerBusyException(String code, long retryAfterSeconds, String message, Object... args) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
    this.args = Arrays.stream(args).map(String::valueOf).toList();
  }

  public String code() {
    return code;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public List<String> args() {
    return args;
  }
}
