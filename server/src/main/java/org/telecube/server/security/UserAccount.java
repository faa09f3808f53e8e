package org.telecube.server.security;

import java.time.Instant;

/**
 * A row of {@code app_user}.
 *
 * @param orgCode HQ, a province branch {@code P440000} or a city branch {@code C440100}
 * @param lockedUntil set after too many failed logins in a row; null when not locked
 */
public record UserAccount(long id, String username, String displayName, String email, Role role, String orgCode,
                          String passwordHash, boolean mustChangePassword, boolean enabled, int failedLogins,
                          Instant lockedUntil, Instant createdAt, Instant updatedAt) {

  /** The identity requests run as. */
  public Viewer viewer(Long tokenId) {
    return new Viewer(id, username, displayName, role, orgCode, mustChangePassword, tokenId);
  }
}
