package org.telecube.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.duckdb.DuckDbBackend;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.ModelLoader;
import org.telecube.warehouse.reference.ReferenceData;
import org.telecube.warehouse.schema.StarSchema;

/**
 * An open warehouse: a backend with the star schema brought up to date, and the cube model.
 * The entry point for the ETL, the server and the CLI.
 */
public final class Warehouse implements AutoCloseable {
  private final Backend backend;
  private final CubeModel model;

  private Warehouse(Backend backend, CubeModel model) {
    this.backend = backend;
    this.model = model;
  }

  /** Opens (creating if needed) the embedded DuckDB warehouse in {@code dataDir}. */
  public static Warehouse openEmbedded(Path dataDir) {
    return open(DuckDbBackend.open(dataDir), ModelLoader.shipped());
  }

  public static Warehouse open(Backend backend, CubeModel model) {
    try (Connection c = backend.dataSource().getConnection()) {
      StarSchema.initialize(c, model, ReferenceData.shipped());
    } catch (SQLException e) {
      backend.close();
      throw new IllegalStateException("cannot prepare the star schema in " + backend.location()
          + ": " + e.getMessage(), e);
    }
    return new Warehouse(backend, model);
  }

  public Backend backend() {
    return backend;
  }

  public CubeModel model() {
    return model;
  }

  @Override
  public void close() {
    backend.close();
  }
}
