package org.telecube.server.security;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telecube.server.system.ApiException;

/**
 * API tokens (one's own; an admin's of anyone), users (admins) and the audit log (admins). The
 * role checks of {@code /api/users} and {@code /api/audit} are in {@link SecurityConfiguration}.
 */
@RestController
class AccountController {
  private static final int MAX_TOKEN_DAYS = 3650;
  private static final int MAX_AUDIT = 1000;

  private final UserService users;
  private final AuditLog audit;

  AccountController(UserService users, AuditLog audit) {
    this.users = users;
    this.audit = audit;
  }

  /** @param days how long the token is valid; null for no end */
  record TokenRequest(String name, Integer days) {
  }

  /** @param token the whole bearer value: shown this once, never again */
  record IssuedTokenView(ApiToken info, String token) {
  }

  /** A user as listed: never the password hash. */
  record UserView(String username, String displayName, String email, String role, String org, boolean enabled,
                  boolean mustChangePassword, boolean locked, Instant createdAt) {
    static UserView of(UserAccount u) {
      return new UserView(u.username(), u.displayName(), u.email(), u.role().code(), u.orgCode(), u.enabled(),
          u.mustChangePassword(), u.lockedUntil() != null && u.lockedUntil().isAfter(Instant.now()), u.createdAt());
    }
  }

  /** @param password null: a one-time password is generated, returned once, and must be changed at first login */
  record UserRequest(String username, String displayName, String email, String role, String org, String password) {
  }

  /** @param password set only when the user was created with a generated one-time password */
  record CreatedUser(UserView user, String password) {
  }

  record UserChange(Boolean enabled) {
  }

  @Operation(summary = "Create an API token for oneself; the answer holds the token once")
  @PostMapping("/api/tokens")
  ResponseEntity<IssuedTokenView> createToken(@AuthenticationPrincipal Viewer viewer,
                                              @RequestBody(required = false) TokenRequest request,
                                              HttpServletRequest http) {
    TokenRequest r = request == null ? new TokenRequest(null, null) : request;
    if (r.days() != null && (r.days() < 1 || r.days() > MAX_TOKEN_DAYS)) {
      throw ApiException.badRequest("days", "bad_token_days", "days must be 1 to " + MAX_TOKEN_DAYS, MAX_TOKEN_DAYS);
    }
    UserService.IssuedToken t = users.createToken(viewer.username(), r.name(),
        r.days() == null ? null : Duration.ofDays(r.days()));
    audit.record(viewer, "token_created", t.token().publicId(), "ok", http.getRemoteAddr(), t.token().name());
    return ResponseEntity.status(HttpStatus.CREATED).body(new IssuedTokenView(t.token(), t.secret()));
  }

  @Operation(summary = "One's API tokens (never their secrets); an admin may name another user, or all")
  @GetMapping("/api/tokens")
  List<ApiToken> tokens(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String user) {
    if (user != null && !viewer.isAdmin()) {
      throw new ApiException(HttpStatus.FORBIDDEN, "user", "forbidden", "only admins list others' tokens");
    }
    return users.tokens(user == null ? viewer.username() : user.equals("*") ? null : user);
  }

  @Operation(summary = "Revoke an API token by its public id (one's own; an admin's of anyone)")
  @DeleteMapping("/api/tokens/{id}")
  ResponseEntity<Void> revoke(@AuthenticationPrincipal Viewer viewer, @PathVariable String id,
                              HttpServletRequest http) {
    ApiToken token = users.token(id).filter(t -> viewer.isAdmin() || t.userId() == viewer.userId())
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "id", "unknown_token", "no token " + id,
            UserService.printable(id)));
    users.revokeToken(token.publicId());
    audit.record(viewer, "token_revoked", token.publicId(), "ok", http.getRemoteAddr(), token.username());
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Users (admins)")
  @GetMapping("/api/users")
  List<UserView> users() {
    return users.list().stream().map(UserView::of).toList();
  }

  @Operation(summary = "Create a user (admins); without a password one is generated and returned once")
  @PostMapping("/api/users")
  ResponseEntity<CreatedUser> create(@AuthenticationPrincipal Viewer viewer,
                                     @RequestBody(required = false) UserRequest r, HttpServletRequest http) {
    if (r == null) {
      throw ApiException.badRequest("username", "missing_parameter", "username is required", "username");
    }
    boolean generated = r.password() == null;
    String password = generated ? users.oneTimePassword() : r.password();
    UserAccount u = users.add(new UserService.NewUser(r.username(), r.displayName(), r.email(), r.role(), r.org(),
        password, generated));
    audit.record(viewer, "user_created", u.username(), "ok", http.getRemoteAddr(), u.role().code() + " " + u.orgCode());
    return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedUser(UserView.of(u), generated ? password : null));
  }

  @Operation(summary = "Enable or disable a user (admins); a disabled user's sessions and tokens stop working")
  @PutMapping("/api/users/{username}")
  UserView change(@AuthenticationPrincipal Viewer viewer, @PathVariable String username,
                  @RequestBody(required = false) UserChange change, HttpServletRequest http) {
    if (change == null || change.enabled() == null) {
      throw ApiException.badRequest("enabled", "missing_parameter", "enabled is required", "enabled");
    }
    UserAccount u = users.setEnabled(username, change.enabled());
    audit.record(viewer, change.enabled() ? "user_enabled" : "user_disabled", u.username(), "ok",
        http.getRemoteAddr(), null);
    return UserView.of(u);
  }

  @Operation(summary = "The audit log, newest first (admins); from/to: an instant (2025-06-01T08:00:00Z, "
      + "2025-06-01T16:00:00+08:00) or a UTC day (2025-06-01: from its start, to its end)")
  @GetMapping("/api/audit")
  List<AuditLog.Event> audit(@RequestParam(required = false) String user, @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                             @RequestParam(defaultValue = "100") int limit) {
    if (limit < 1 || limit > MAX_AUDIT) {
      throw ApiException.badRequest("limit", "bad_parameter", "limit 1 to 1000", "limit", limit);
    }
    return audit.find(blankToNull(user), blankToNull(kind), instant("from", from, false), instant("to", to, true),
        limit);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** An instant, an instant with an offset, or a UTC day (its start; for an end, the next day's start); else a 400. */
  static Instant instant(String field, String value, boolean end) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      if (v.length() == 10) {
        LocalDate day = LocalDate.parse(v);
        return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeException e) {
      throw ApiException.badRequest(field, "bad_parameter", "bad " + field + ": " + v, field,
          UserService.printable(v));
    }
  }
}
