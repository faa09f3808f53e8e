package org.telecube.warehouse.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Opens a backend by name. Each backend module registers one in
 * {@code META-INF/services/org.telecube.warehouse.backend.BackendProvider}; the core finds them
 * with {@link ServiceLoader} and so never depends on a driver.
 */
public interface BackendProvider {
  /** The name {@code telecube.backend} selects it by. */
  String name();

  /**
   * Opens the backend described by {@code settings}.
   *
   * @throws WarehouseUnavailableException the database cannot be reached or is held by another process
   * @throws IllegalArgumentException a setting is missing or malformed (the message names it)
   */
  Backend open(BackendSettings settings);

  /** The provider for {@code settings.backend()}; a clear error listing the known ones otherwise. */
  static BackendProvider forSettings(BackendSettings settings) {
    List<String> known = new ArrayList<>();
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class, BackendProvider.class.getClassLoader())) {
      if (p.name().equals(settings.backend())) {
        return p;
      }
      known.add(p.name());
    }
    throw new IllegalArgumentException("telecube.backend: unknown backend \"" + settings.backend()
        + "\"; this build has " + known.stream().sorted().toList());
  }

  /** Opens the backend {@code settings} name. */
  static Backend openBackend(BackendSettings settings) {
    return forSettings(settings).open(settings);
  }
}
