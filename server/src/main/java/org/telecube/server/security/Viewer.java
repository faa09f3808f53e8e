package org.telecube.server.security;

import java.util.Set;
import org.telecube.warehouse.query.Scope;
import org.telecube.warehouse.reference.OrgUnit;

/**
 * Who a request runs as: the principal of its authentication, from a session or a bearer token.
 * Built afresh from the user's row (at most a few seconds old), so a disabled user, a new role or
 * a new org unit takes effect without logging out.
 *
 * @param tokenId the API token the request came with; null for a session
 */
public record Viewer(long userId, String username, String displayName, Role role, String orgCode,
                     boolean mustChangePassword, Long tokenId) {

  public boolean is(Role r) {
    return role == r;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Whether the role is one of {@code roles}. */
  public boolean anyOf(Set<Role> roles) {
    return roles.contains(role);
  }

  public OrgUnit orgUnit() {
    return OrgScopes.unit(orgCode).orElseThrow(() -> new IllegalStateException("unknown org unit " + orgCode));
  }

  /** The part of the region dimension this user may see. */
  public Scope scope() {
    return OrgScopes.scopeOf(orgUnit());
  }
}
