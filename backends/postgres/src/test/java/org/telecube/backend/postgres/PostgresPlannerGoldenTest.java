package org.telecube.backend.postgres;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.backend.postgres.testing.EmbeddedPostgres;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.BackendProvider;
import org.telecube.warehouse.backend.BackendSettings;
import org.telecube.warehouse.model.ModelLoader;
import org.telecube.warehouse.query.PlannerGoldenTest;

/** The planner's SQL for PostgreSQL, on a new, empty database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresPlannerGoldenTest extends PlannerGoldenTest {
  @TempDir
  static Path dir;

  private Backend backend;

  @BeforeAll
  void open() {
    EmbeddedPostgres postgres = EmbeddedPostgres.shared();
    String url = postgres.createDatabase("golden_" + Long.toString(System.nanoTime(), 36));
    backend = BackendProvider.openBackend(new BackendSettings("postgres", dir, url, postgres.user(),
        postgres.password(), 2));
    backend.prepare(ModelLoader.shipped());
  }

  @AfterAll
  void close() {
    backend.close();
  }

  @Override
  protected Backend backend() {
    return backend;
  }
}
