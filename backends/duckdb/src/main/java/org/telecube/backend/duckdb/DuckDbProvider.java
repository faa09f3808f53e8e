package org.telecube.backend.duckdb;

import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendProvider;
import org.telecube.warehouse.backend.BackendSettings;

/** {@code telecube.backend=duckdb}: the file {@code telecube.duckdb} in the data directory. */
public final class DuckDbProvider implements BackendProvider {
  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public Backend open(BackendSettings settings) {
    if (!settings.url().isEmpty()) {
      throw new IllegalArgumentException("telecube.warehouse.url (TELECUBE_WAREHOUSE_URL) is for a server backend;"
          + " DuckDB lives in the data directory (" + settings.dataDir() + "). Set telecube.backend=postgres"
          + " to use " + settings.url().replaceAll("password=[^&;]*", "password=…"));
    }
    return DuckDbBackend.open(settings.dataDir(), settings.poolSize(), DuckDbLimits.from(settings));
  }
}
