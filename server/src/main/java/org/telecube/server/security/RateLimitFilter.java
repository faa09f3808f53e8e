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
 * ({@link RateLimiter}), written without reading the body. Two of these run in the chain:
 * <ul>
 *   <li>{@link #logins} first of all, before the CSRF check and any user lookup: a login attempt
 *   ({@code POST /api/session}) counts against its client address's login allowance (so does a
 *   refused bearer token, in {@link ViewerFilter}): passwords and tokens cannot be guessed fast;</li>
 *   <li>{@link #callers} after {@link ViewerFilter}, which knows who the caller is: the API token
 *   when one was sent, else the session's user, else the client address. It comes before the role
 *   checks, so refused requests count too.</li>
 * </ul>
 * Static files and the health probe are not counted.
 */
final class RateLimitFilter extends OncePerRequestFilter {
  private final RateLimiter limiter;
  private final SecurityProblems problems;
  private final boolean logins;

  private RateLimitFilter(RateLimiter limiter, SecurityProblems problems, boolean logins) {
    this.limiter = limiter;
    this.problems = problems;
    this.logins = logins;
  }

  /** Login attempts, per client address. */
  static RateLimitFilter logins(RateLimiter limiter, SecurityProblems problems) {
    return new RateLimitFilter(limiter, problems, true);
  }

  /** Every other request, per token, user or anonymous client address. */
  static RateLimitFilter callers(RateLimiter limiter, SecurityProblems problems) {
    return new RateLimitFilter(limiter, problems, false);
  }

  /** Each of the two filters runs once per request: by default they would share one marker. */
  @Override
  protected String getAlreadyFilteredAttributeName() {
    return RateLimitFilter.class.getName() + (logins ? ".logins" : ".callers");
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
    if (logins) {
      filterLogins(request, response, chain);
      return;
    }
    if (login(request)) {
      chain.doFilter(request, response);
      return;
    }
    Viewer viewer = ViewerFilter.viewer(request);
    OptionalLong retryAfter = viewer == null ? limiter.take(RateLimiter.Kind.ANONYMOUS, request.getRemoteAddr())
        : viewer.tokenId() != null ? limiter.take(RateLimiter.Kind.TOKEN, viewer.tokenId().toString())
        : limiter.take(RateLimiter.Kind.USER, Long.toString(viewer.userId()));
    if (retryAfter.isPresent()) {
      problems.tooManyRequests(request, response, retryAfter.getAsLong());
      return;
    }
    chain.doFilter(request, response);
  }

  private void filterLogins(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (login(request)) {
      OptionalLong retryAfter = limiter.take(RateLimiter.Kind.LOGIN, request.getRemoteAddr());
      if (retryAfter.isPresent()) {
        problems.tooManyRequests(request, response, retryAfter.getAsLong());
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean login(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
        && request.getRequestURI().equals(request.getContextPath() + "/api/session");
  }
}
