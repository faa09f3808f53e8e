package org.telecube.server.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who the request runs as. A bearer token authenticates this request alone (a wrong, revoked or
 * expired one is a 401, never a silent anonymous); a session's user is re-read (a few seconds
 * stale at most), so a disabled user is logged out and a changed role applies at once. A user who
 * must change their password may do only that.
 */
final class ViewerFilter extends OncePerRequestFilter {
  private static final String BEARER = "bearer ";
  /** The request's viewer, for the filters and handlers after this one (an async dispatch's too). */
  private static final String ATTRIBUTE = Viewer.class.getName();

  private final UserService users;
  private final SecurityProblems problems;
  private final RateLimiter limiter;

  ViewerFilter(UserService users, SecurityProblems problems, RateLimiter limiter) {
    this.users = users;
    this.problems = problems;
    this.limiter = limiter;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    Viewer viewer = null;
    if (authorization != null) {
      if (!isBearer(authorization)) {
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "bad_token", "only bearer tokens are accepted");
        return;
      }
      Optional<Viewer> v = users.byBearer(authorization.substring(BEARER.length()).strip(),
          request.getRemoteAddr());
      if (v.isEmpty()) {
        // a refused token is a failed login: guessing is held to the address's login allowance
        OptionalLong retryAfter = limiter.take(RateLimiter.Kind.LOGIN, request.getRemoteAddr());
        if (retryAfter.isPresent()) {
          problems.tooManyRequests(request, response, retryAfter.getAsLong());
          return;
        }
        problems.write(request, response, HttpStatus.UNAUTHORIZED, "bad_token",
            "the token is unknown, revoked or expired");
        return;
      }
      viewer = v.get();
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(new ViewerAuthentication(viewer));
      SecurityContextHolder.setContext(context);
    } else {
      Authentication a = SecurityContextHolder.getContext().getAuthentication();
      if (a instanceof ViewerAuthentication session) {
        Optional<UserAccount> now = users.current(session.getPrincipal().userId()).filter(UserAccount::enabled);
        if (now.isEmpty()) {
          HttpSession s = request.getSession(false);
          if (s != null) {
            s.invalidate();
          }
          SecurityContextHolder.clearContext();
        } else {
          viewer = now.get().viewer(null);
          if (!viewer.equals(session.getPrincipal())) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ViewerAuthentication(viewer));
            SecurityContextHolder.setContext(context);
          }
        }
      }
    }
    if (viewer != null) {
      request.setAttribute(ATTRIBUTE, viewer);
    }
    if (viewer != null && viewer.mustChangePassword() && !mayBeforePasswordChange(request)) {
      problems.write(request, response, HttpStatus.FORBIDDEN, "password_change_required",
          "change your password first");
      return;
    }
    chain.doFilter(request, response);
  }

  /** Who {@code request} runs as, as this filter found; null when anonymous (or before this filter). */
  static Viewer viewer(jakarta.servlet.ServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof Viewer v ? v : null;
  }

  static boolean isBearer(String authorization) {
    return authorization.length() > BEARER.length()
        && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
  }

  private static boolean mayBeforePasswordChange(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !SecurityProblems.api(request) || path.equals("/api/me") || path.equals("/api/me/password")
        || path.equals("/api/session");
  }
}
