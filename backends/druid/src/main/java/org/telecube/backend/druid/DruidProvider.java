package org.telecube.backend.druid;

import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendProvider;
import org.telecube.warehouse.backend.BackendSettings;

/** {@code telecube.backend=druid}: the cluster whose router or broker is {@code telecube.warehouse.url}. */
public final class DruidProvider implements BackendProvider {
  @Override
  public String name() {
    return DruidBackend.NAME;
  }

  @Override
  public Backend open(BackendSettings settings) {
    return DruidBackend.open(settings);
  }
}
