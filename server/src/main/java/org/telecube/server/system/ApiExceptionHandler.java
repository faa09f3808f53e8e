package org.telecube.server.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.http.ProblemDetail;
import org.telecube.reports.ReportException;
import org.telecube.server.schedule.ScheduleException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.telecube.warehouse.query.QueryException;

/**
 * Client mistakes become RFC 9457 problem JSON naming the field and a stable code; they never
 * surface as a 500 or a stack trace.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(QueryException.class)
  ProblemDetail query(QueryException e) {
    boolean notFound = (e.code().equals("unknown_cube") && e.field().equals("cube")) || e.code().equals("no_data");
    HttpStatus status = notFound ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    return problem(status, e.getMessage(), e.field(), e.code());
  }

  @ExceptionHandler(ReportException.class)
  ProblemDetail report(ReportException e) {
    HttpStatus status = e.kind() == ReportException.Kind.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    return problem(status, e.getMessage(), e.field(), e.code());
  }

  @ExceptionHandler(ScheduleException.class)
  ProblemDetail schedule(ScheduleException e) {
    return problem(e.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), e.code());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = e.getMostSpecificCause();
    String field = "body";
    if (e.getCause() instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field = m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
    }
    String detail = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(cause.getMessage());
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST,
        "the request body is not valid JSON for this request: " + firstLine(detail), field, "malformed_body"));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, e.getMessage(), e.getParameterName(),
        "missing_parameter"));
  }

  static ProblemDetail problem(HttpStatus status, String detail, String field, String code) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(status.getReasonPhrase());
    p.setProperty("field", field);
    p.setProperty("code", code);
    return p;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
