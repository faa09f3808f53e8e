package org.telecube.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated request: its principal is the {@link Viewer}, its one authority the role. */
final class ViewerAuthentication extends AbstractAuthenticationToken {
  private final Viewer viewer;

  ViewerAuthentication(Viewer viewer) {
    super(List.of(new SimpleGrantedAuthority(viewer.role().authority())));
    this.viewer = viewer;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Viewer getPrincipal() {
    return viewer;
  }

  @Override
  public String getName() {
    return viewer.username();
  }
}
