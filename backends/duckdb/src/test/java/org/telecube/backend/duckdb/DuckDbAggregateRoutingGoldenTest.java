package org.telecube.backend.duckdb;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.query.AggregateRoutingGoldenTest;

/** The table each statement reads, on a new embedded warehouse (its aggregate tables empty). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbAggregateRoutingGoldenTest extends AggregateRoutingGoldenTest {
  @TempDir
  static Path dir;

  private Warehouse warehouse;

  @BeforeAll
  void open() {
    warehouse = Warehouse.openEmbedded(dir);
  }

  @AfterAll
  void close() {
    warehouse.close();
  }

  @Override
  protected Backend backend() {
    return warehouse.backend();
  }
}
