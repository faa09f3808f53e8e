package org.telecube.server.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.telecube.server.system.ErrorMessages;
import org.telecube.server.system.Problems;

/**
 * Problem JSON for what the security filters refuse before any controller runs: 401 for no or a
 * bad identity, 403 for a role that may not, or a state-changing request without its CSRF token.
 * Pages (not {@code /api}) without a login are sent to the login page instead. A refusal (403) is
 * audited; a caller over its rate limit gets 429 with {@code Retry-After}.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final ObjectMapper json;
  private final AuditLog audit;

  SecurityProblems(ObjectMapper json, AuditLog audit) {
    this.json = json;
    this.audit = audit;
  }

  @Override
  public void commence(HttpServletRequest request, HttpServletResponse response,
                       org.springframework.security.core.AuthenticationException e) throws IOException {
    if (!api(request)) {
      String next = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
      response.sendRedirect("/login.html?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
      return;
    }
    write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "log in or send a bearer token");
  }

  @Override
  public void handle(HttpServletRequest request, HttpServletResponse response,
                     org.springframework.security.access.AccessDeniedException e) throws IOException {
    String code = e instanceof CsrfException ? "csrf" : "forbidden";
    audit.denied(request, code);
    if (e instanceof CsrfException) {
      write(request, response, HttpStatus.FORBIDDEN, code, "missing or wrong X-XSRF-TOKEN header");
    } else {
      write(request, response, HttpStatus.FORBIDDEN, code, "your role may not do this");
    }
  }

  /** 429 {@code rate_limited}: the seconds until the next request would be let through, in Retry-After too. */
  void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    ProblemDetail problem = Problems.of(request, HttpStatus.TOO_MANY_REQUESTS, null, "rate_limited", List.of(),
        "too many requests", ErrorMessages.SERVER);
    problem.setProperty("retryAfter", retryAfterSeconds);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    send(request, response, HttpStatus.TOO_MANY_REQUESTS, problem);
  }

  void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
             String fallback) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    send(request, response, status, Problems.of(request, status, null, code, List.of(), fallback,
        ErrorMessages.SERVER));
  }

  private void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, ProblemDetail problem)
      throws IOException {
    if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
      // a refused caller's body is not read: the connection closes instead (Tomcat would otherwise
      // swallow an upload of any size to keep the connection alive)
      response.setHeader("Connection", "close");
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    json.writeValue(response.getOutputStream(), problem);
  }

  static boolean api(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.startsWith("/v3/");
  }
}
