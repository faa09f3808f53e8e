package org.telecube.backend.postgres;

import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendProvider;
import org.telecube.warehouse.backend.BackendSettings;

/** {@code telecube.backend=postgres}: the database at {@code telecube.warehouse.url}. */
public final class PostgresProvider implements BackendProvider {
  @Override
  public String name() {
    return PostgresBackend.NAME;
  }

  @Override
  public Backend open(BackendSettings settings) {
    PostgresUrls.check(settings.url());
    return PostgresBackend.open(settings);
  }
}
