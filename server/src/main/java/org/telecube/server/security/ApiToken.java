package org.telecube.server.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * An API token as stored: its public id and the SHA-256 of its secret, never the secret.
 *
 * @param publicId the part of the token before its secret ({@code tc_<publicId>_<secret>}); names it in lists and revocations
 */
public record ApiToken(long id, long userId, String username, String publicId, @JsonIgnore String secretSha256,
                       String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

  public boolean usableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }
}
