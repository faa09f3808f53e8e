package org.telecube.server.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem JSON ({@code status}, {@code detail}, {@code field}, {@code code}) in the request's language. */
public final class Problems {
  private Problems() {
  }

  /**
   * The problem for {@code code}, its detail from {@code bundle} (or the other error bundles) in
   * the request's language.
   *
   * @param fallback English text for a code no bundle has yet
   */
  public static ProblemDetail of(HttpServletRequest request, HttpStatus status, String field, String code,
                                 List<String> args, String fallback, String bundle) {
    String detail = ErrorMessages.format(RequestLanguage.of(request), bundle, code, args, fallback);
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(status.getReasonPhrase());
    p.setProperty("field", field);
    p.setProperty("code", code);
    return p;
  }

  /** A problem that only has an HTTP status (no such path, wrong method): {@code code} says which. */
  static ProblemDetail ofStatus(HttpServletRequest request, int status) {
    HttpStatus s = HttpStatus.resolve(status);
    if (s == null) {
      s = status >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
    }
    String code = switch (s) {
      case NOT_FOUND -> "not_found";
      case METHOD_NOT_ALLOWED -> "method_not_allowed";
      case NOT_ACCEPTABLE -> "not_acceptable";
      case UNSUPPORTED_MEDIA_TYPE -> "unsupported_media_type";
      case PAYLOAD_TOO_LARGE -> "too_large";
      case UNAUTHORIZED -> "unauthenticated";
      case FORBIDDEN -> "forbidden";
      case TOO_MANY_REQUESTS -> "rate_limited";
      default -> s.is5xxServerError() ? "internal_error" : "bad_request";
    };
    String path = (String) request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
    return of(request, s, null, code, List.of(path != null ? path : request.getRequestURI(), request.getMethod()),
        s.getReasonPhrase(), ErrorMessages.SERVER);
  }
}
