package org.telecube.server.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.telecube.reports.ReportException;
import org.telecube.server.schedule.ScheduleException;
import org.telecube.warehouse.query.QueryException;

/**
 * Client mistakes become RFC 9457 problem JSON naming the field and a stable code; they never
 * surface as a 500 or a stack trace. The detail is the code's text in the request's language
 * ({@link RequestLanguage}) from the raising module's bundle ({@link ErrorMessages}); it never
 * names a Java type.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final long WAREHOUSE_RETRY_AFTER = 2;

  private final ApplicationEventPublisher events;

  ApiExceptionHandler(ApplicationEventPublisher events) {
    this.events = events;
  }

  /** {@code problem} as it is; a 403 is told to the audit log first. */
  private ProblemDetail audited(ProblemDetail problem, HttpServletRequest request) {
    if (problem.getStatus() == HttpStatus.FORBIDDEN.value()) {
      Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
      events.publishEvent(new RequestDenied(request, String.valueOf(code)));
    }
    return problem;
  }

  @ExceptionHandler(QueryException.class)
  ProblemDetail query(QueryException e, HttpServletRequest request) {
    boolean notFound = (e.code().equals("unknown_cube") && e.field().equals("cube")) || e.code().equals("no_data");
    // a member that exists outside the viewer's scope: forbidden, not a mistake in the question
    HttpStatus status = e.code().equals("out_of_scope") ? HttpStatus.FORBIDDEN
        : notFound ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    return audited(Problems.of(request, status, e.field(), e.code(), e.args(), e.getMessage(), ErrorMessages.QUERY),
        request);
  }

  @ExceptionHandler(ReportException.class)
  ProblemDetail report(ReportException e, HttpServletRequest request) {
    HttpStatus status = switch (e.kind()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case BAD_PARAMETER -> HttpStatus.BAD_REQUEST;
    };
    return audited(Problems.of(request, status, e.field(), e.code(), e.args(), e.getMessage(), ErrorMessages.REPORTS),
        request);
  }

  @ExceptionHandler(ScheduleException.class)
  ProblemDetail schedule(ScheduleException e, HttpServletRequest request) {
    return audited(Problems.of(request, e.notFound() ? HttpStatus.NOT_FOUND : e.forbidden() ? HttpStatus.FORBIDDEN
        : HttpStatus.BAD_REQUEST, e.field(), e.code(),
        e.args(), e.getMessage(), ErrorMessages.SERVER), request);
  }

  @ExceptionHandler(ApiException.class)
  ProblemDetail api(ApiException e, HttpServletRequest request) {
    return audited(Problems.of(request, e.status(), e.field(), e.code(), e.args(), e.getMessage(),
        ErrorMessages.SERVER), request);
  }

  /** At its bound: 503 at once, with when to try again. */
  @ExceptionHandler(ServerBusyException.class)
  ResponseEntity<ProblemDetail> busy(ServerBusyException e, HttpServletRequest request) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
        .body(Problems.of(request, HttpStatus.SERVICE_UNAVAILABLE, null, e.code(), e.args(), e.getMessage(),
            ErrorMessages.SERVER));
  }

  /** A request the firewall refuses (a NUL in a parameter name, an encoded slash): the client's mistake. */
  @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
  ProblemDetail rejected(Exception e, HttpServletRequest request) {
    return Problems.ofStatus(request, HttpStatus.BAD_REQUEST.value());
  }

  /** Raised inside a controller (a method check): the same answers the security filters give. */
  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail denied(Exception e, HttpServletRequest request) {
    return audited(Problems.ofStatus(request, HttpStatus.FORBIDDEN.value()), request);
  }

  @ExceptionHandler(org.springframework.security.core.AuthenticationException.class)
  ProblemDetail unauthenticated(Exception e, HttpServletRequest request) {
    return Problems.ofStatus(request, HttpStatus.UNAUTHORIZED.value());
  }

  /**
   * Anything else is the server's fault: logged, answered without its class or message — except
   * a warehouse connection that did not come within the pool's timeout, which is load, not a fault.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    if (poolTimeout(e)) {
      LOG.warn("{} {}: no warehouse connection in time", request.getMethod(), request.getRequestURI());
      return busy(new ServerBusyException("warehouse_busy", WAREHOUSE_RETRY_AFTER,
          "no warehouse connection came in time", WAREHOUSE_RETRY_AFTER), request);
    }
    LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return ResponseEntity.internalServerError().body(Problems.of(request, HttpStatus.INTERNAL_SERVER_ERROR, null,
        "internal_error", List.of(), "internal error", ErrorMessages.SERVER));
  }

  /** Whether {@code e} comes from the connection pool's timeout (HikariCP's SQLTransientConnectionException). */
  static boolean poolTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException) {
        return true;
      }
    }
    return false;
  }

  /**
   * A multipart body that cannot be parsed: more parts than Tomcat takes, cut off by the body
   * bound on an endpoint that takes no upload, or malformed. Over the upload's size limits is
   * {@link #handleMaxUploadSizeExceededException}.
   */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> multipart(MultipartException e, HttpServletRequest request) {
    ProblemDetail tooLarge = tooLarge(e, request);
    if (tooLarge != null) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge);
    }
    return ResponseEntity.badRequest().body(Problems.of(request, HttpStatus.BAD_REQUEST, "body", "bad_multipart",
        List.of(), "the multipart body cannot be read", ErrorMessages.SERVER));
  }

  /** Spring takes Tomcat's refusal of too many parts for one of size: it is told apart here. */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail tooLarge = tooLarge(e, servlet(request));
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
        .body(tooLarge != null ? tooLarge : Problems.ofStatus(servlet(request), HttpStatus.PAYLOAD_TOO_LARGE.value()));
  }

  /**
   * The 413 for a multipart body with more parts than {@code server.tomcat.max-part-count}, or
   * one cut off by the body bound; null for anything else.
   */
  private static ProblemDetail tooLarge(Throwable e, HttpServletRequest request) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof FileCountLimitExceededException count) {
        return Problems.of(request, HttpStatus.PAYLOAD_TOO_LARGE, "files", "too_many_parts",
            List.of(String.valueOf(count.getLimit())), "more than " + count.getLimit() + " parts in one request",
            ErrorMessages.SERVER);
      }
      if (c instanceof BodyLimitFilter.BodyTooLargeException) {
        return Problems.ofStatus(request, HttpStatus.PAYLOAD_TOO_LARGE.value());
      }
    }
    return null;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof BodyLimitFilter.BodyTooLargeException) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
            .body(Problems.ofStatus(servlet(request), HttpStatus.PAYLOAD_TOO_LARGE.value()));
      }
    }
    String field = "body";
    if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
    }
    // Jackson's own words name Java types (java.lang.Integer): never shown
    return ResponseEntity.badRequest().body(Problems.of(servlet(request), HttpStatus.BAD_REQUEST, field,
        "malformed_body", List.of(field), "the request body is not valid JSON for this request at " + field,
        ErrorMessages.SERVER));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(Problems.of(servlet(request), HttpStatus.BAD_REQUEST,
        e.getParameterName(), "missing_parameter", List.of(e.getParameterName()),
        e.getParameterName() + " is required", ErrorMessages.SERVER));
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
    String value = String.valueOf(e.getValue());
    return ResponseEntity.badRequest().body(Problems.of(servlet(request), HttpStatus.BAD_REQUEST, field,
        "bad_parameter", List.of(String.valueOf(field), value), "bad value \"" + value + "\" of " + field,
        ErrorMessages.SERVER));
  }

  /** An endpoint that takes files (multipart) says so, rather than asking for JSON as the others do. */
  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (e.getSupportedMediaTypes().contains(MediaType.MULTIPART_FORM_DATA)) {
      return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(Problems.of(
          servlet(request), HttpStatus.UNSUPPORTED_MEDIA_TYPE, "files", "not_multipart",
          List.of(), "send the feed files as multipart/form-data, each in a part named files", ErrorMessages.SERVER));
    }
    return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
  }

  /** Every other problem Spring MVC raises (405, 406, 415, 404 for no resource ...) gets a code and its text. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    ProblemDetail problem = Problems.ofStatus(servlet(request), status.value());
    return super.handleExceptionInternal(e, problem, headers, status, request);
  }

  private static HttpServletRequest servlet(WebRequest request) {
    return ((ServletWebRequest) request).getRequest();
  }
}
