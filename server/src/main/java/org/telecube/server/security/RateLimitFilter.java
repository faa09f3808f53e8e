package org.telecube.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 429 {@code rate_limited} with {@code Retry-After} for a caller over its allowance
 * ({@link RateLimiter}). Runs after {@link ViewerFilter}, so it knows who the caller is: the API
 * token when one was sent, else the session's user, else the client address; a login attempt
 * ({@code POST /api/session}) always counts against its address's login allowance. Static files
 * and the health probe are not counted. The refusal is written without reading the body.
 */
final class RateLimitFilter extends OncePerRequestFilter {
  private final RateLimiter limiter;
  private final SecurityProblems problems;

  RateLimitFilter(RateLimiter limiter, SecurityProblems problems) {
    this.limiter = limiter;
    this.problems = problems;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    if (!limiter.enabled()) {
      return true;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
        || path.equals("/favicon.ico") || path.equals("/api/health");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Viewer viewer = ViewerFilter.viewer(request);
    OptionalLong retryAfter = login(request) ? limiter.take(RateLimiter.Kind.LOGIN, request.getRemoteAddr())
        : viewer == null ? limiter.take(RateLimiter.Kind.ANONYMOUS, request.getRemoteAddr())
        : viewer.tokenId() != null ? limiter.take(RateLimiter.Kind.TOKEN, viewer.tokenId().toString())
        : limiter.take(RateLimiter.Kind.USER, Long.toString(viewer.userId()));
    if (retryAfter.isPresent()) {
      problems.tooManyRequests(request, response, retryAfter.getAsLong());
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean login(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request.getRequestURI().equals(request.getContextPath() + "/api/session");
  }
}
