package org.telecube.etl.contract;

import java.nio.file.Path;
import org.telecube.backend.postgres.testing.EmbeddedPostgres;
import org.telecube.warehouse.backend.BackendSettings;

/**
 * The contract on PostgreSQL: a real PostgreSQL 17 (Maven Central binaries, started here), the
 * star derived in a DuckDB work area in {@code dataDir} and published to it by the load.
 */
class PostgresContractTest extends BackendContractTest {
  @Override
  protected BackendSettings settings(Path dataDir) {
    EmbeddedPostgres postgres = EmbeddedPostgres.shared();
    String url = postgres.createDatabase("contract_" + Long.toString(System.nanoTime(), 36));
    return new BackendSettings("postgres", dataDir, url, postgres.user(), postgres.password(), 0);
  }
}
