package org.telecube.server.system;

import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A client mistake the server itself finds (an ETL batch, a request parameter, a path): answered
 * with {@code status} and the text of {@code code} from {@code org/telecube/server/system/errors_*}.
 * The message is English, for logs.
 */
public final class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String field;
  private final String code;
  private final List<String> args;

  public ApiException(HttpStatus status, String field, String code, String message, Object... args) {
    super(message);
    this.status = status;
    this.field = field;
    this.code = code;
    this.args = Arrays.stream(args).map(String::valueOf).toList();
  }

  public static ApiException badRequest(String field, String code, String message, Object... args) {
    return new ApiException(HttpStatus.BAD_REQUEST, field, code, message, args);
  }

  public HttpStatus status() {
    return status;
  }

  public String field() {
    return field;
  }

  public String code() {
    return code;
  }

  public List<String> args() {
    return args;
  }
}
