package org.telecube.server.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telecube.server.system.ApiException;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.Scope;
import org.telecube.warehouse.reference.OrgUnit;
import org.telecube.warehouse.reference.Region;
import org.telecube.warehouse.reference.ReferenceData;

/** Logging in and out of the pages, who am I, and one's own password. */
@RestController
class SessionController {
  private final UserService users;
  private final AuditLog audit;
  private final SecurityContextRepository contexts;
  private final CookieCsrfTokenRepository csrfTokens;

  SessionController(UserService users, AuditLog audit, SecurityContextRepository contexts,
                    CookieCsrfTokenRepository csrfTokens) {
    this.users = users;
    this.audit = audit;
    this.contexts = contexts;
    this.csrfTokens = csrfTokens;
  }

  record Credentials(String username, String password) {
  }

  record PasswordChange(String currentPassword, String newPassword) {
  }

  /** The caption of an org unit or a region, in both languages. */
  record Named(String code, String caption, String captionZh, String captionEn) {
  }

  /**
   * Who the caller is.
   *
   * @param scope the region the user may see; null for the whole country
   */
  record Me(String username, String displayName, String role, Named org, ScopeView scope,
            boolean mustChangePassword, boolean token) {
  }

  /** @param level {@code region.province} or {@code region.city} */
  record ScopeView(String level, String key, String caption, String captionZh, String captionEn) {
  }

  @Operation(summary = "Whether the server is up; needs no login")
  @GetMapping("/api/health")
  Map<String, String> health() {
    return Map.of("status", "up");
  }

  @Operation(summary = "Log in for the pages: a session cookie; state-changing requests then need X-XSRF-TOKEN")
  @PostMapping("/api/session")
  Me login(@RequestBody(required = false) Credentials credentials, @RequestParam(required = false) String locale,
           HttpServletRequest request, HttpServletResponse response) {
    if (credentials == null || credentials.username() == null || credentials.username().isBlank()) {
      throw ApiException.badRequest("username", "missing_parameter", "username is required", "username");
    }
    UserAccount user = users.authenticate(credentials.username(), credentials.password(), request.getRemoteAddr());
    HttpSession old = request.getSession(false);
    if (old != null) {
      old.invalidate(); // a new session id at login: a planted session cookie is worth nothing
    }
    request.getSession(true);
    Viewer viewer = user.viewer(null);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new ViewerAuthentication(viewer));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    // a new CSRF token with the new session
    csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
    return me(viewer, language(locale, request));
  }

  @Operation(summary = "Log out: the session ends")
  @DeleteMapping("/api/session")
  ResponseEntity<Void> logout(@AuthenticationPrincipal Viewer viewer, HttpServletRequest request,
                              HttpServletResponse response) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    csrfTokens.saveToken(null, request, response);
    if (viewer != null) {
      audit.record(viewer, "logout", null, "ok", request.getRemoteAddr(), null);
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Who is logged in: role, org unit and the region they may see")
  @GetMapping("/api/me")
  Me me(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String locale,
        HttpServletRequest request) {
    return me(viewer, language(locale, request));
  }

  @Operation(summary = "Change one's own password (the current one is asked again)")
  @PostMapping("/api/me/password")
  ResponseEntity<Void> password(@AuthenticationPrincipal Viewer viewer, @RequestBody(required = false) PasswordChange change,
                                HttpServletRequest request) {
    if (change == null) {
      throw ApiException.badRequest("newPassword", "missing_parameter", "newPassword is required", "newPassword");
    }
    users.changePassword(viewer, change.currentPassword(), change.newPassword(), request.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }

  static Me me(Viewer viewer, Language language) {
    OrgUnit unit = viewer.orgUnit();
    Named org = new Named(unit.orgCode(), language == Language.EN ? unit.nameEn() : unit.nameZh(), unit.nameZh(),
        unit.nameEn());
    Scope scope = viewer.scope();
    ScopeView scopeView = null;
    if (!scope.isAll()) {
      String key = scope.keys().iterator().next();
      Region r = ReferenceData.shipped().regionsByCode().get(key);
      scopeView = new ScopeView(scope.level(), key, language == Language.EN ? r.nameEn() : r.nameZh(), r.nameZh(),
          r.nameEn());
    }
    return new Me(viewer.username(), viewer.displayName(), viewer.role().code(), org, scopeView,
        viewer.mustChangePassword(), viewer.tokenId() != null);
  }

  static Language language(String locale, HttpServletRequest request) {
    if (locale != null && !locale.isBlank()) {
      return Language.parse(locale).orElseThrow(() -> ApiException.badRequest("locale", "bad_parameter",
          "bad locale", "locale", locale));
    }
    return org.telecube.server.system.RequestLanguage.of(request);
  }
}
