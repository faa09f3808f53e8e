package org.telecube.warehouse;

import java.nio.file.Path;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendProvider;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.ModelLoader;

/**
 * An open warehouse: the backend the cubes are asked from, the ETL's work area and the cube model.
 * The entry point for the ETL, the server and the CLI.
 *
 * <p>With the embedded default the work area is the backend itself (one DuckDB file). With a
 * server backend (PostgreSQL) the ETL validates and derives in a DuckDB file in the data directory
 * and publishes the star to the backend ({@link org.telecube.warehouse.backend.StarPublisher}).
 */
public final class Warehouse implements AutoCloseable {
  /** The backend the ETL's work area always is. */
  public static final String WORK_AREA_BACKEND = "duckdb";

  private final BackendSettings settings;
  private final Backend backend;
  private final Backend workArea;
  private final CubeModel model;

  private Warehouse(BackendSettings settings, Backend backend, Backend workArea, CubeModel model) {
    this.settings = settings;
    this.backend = backend;
    this.workArea = workArea;
    this.model = model;
  }

  /** Opens (creating if needed) the embedded DuckDB warehouse in {@code dataDir}. */
  public static Warehouse openEmbedded(Path dataDir) {
    return open(BackendSettings.embedded(dataDir));
  }

  /** Opens the backend {@code settings} names, with the shipped cube model. */
  public static Warehouse open(BackendSettings settings) {
    return open(settings, ModelLoader.shipped());
  }

  public static Warehouse open(BackendSettings settings, CubeModel model) {
    Backend backend = BackendProvider.openBackend(settings);
    Backend workArea = null;
    try {
      backend.prepare(model);
      if (!backend.publisher().inPlace()) {
        // the work area is DuckDB in this process: it keeps the DuckDB limits the settings give
        workArea = BackendProvider.openBackend(BackendSettings.embedded(settings.dataDir()).withBackend(WORK_AREA_BACKEND)
            .withOptions(settings.options()));
        workArea.prepare(model);
      }
    } catch (RuntimeException e) {
      if (workArea != null) {
        workArea.close();
      }
      backend.close();
      throw e;
    }
    return new Warehouse(settings, backend, workArea == null ? backend : workArea, model);
  }

  /** The backend every question is asked from. */
  public Backend backend() {
    return backend;
  }

  /**
   * Where the ETL stages, validates and derives (DuckDB): the ledger, rejects, staging and
   * analysis settings live here. The same object as {@link #backend()} when that is DuckDB.
   */
  public Backend workArea() {
    return workArea;
  }

  public BackendSettings settings() {
    return settings;
  }

  public CubeModel model() {
    return model;
  }

  @Override
  public void close() {
    if (workArea != backend) {
      workArea.close();
    }
    backend.close();
  }
}
