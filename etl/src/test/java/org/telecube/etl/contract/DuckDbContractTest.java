package org.telecube.etl.contract;

import java.nio.file.Path;
import org.telecube.warehouse.backend.BackendSettings;

/** The contract on the embedded default: DuckDB in the data directory, its own work area. */
class DuckDbContractTest extends BackendContractTest {
  @Override
  protected BackendSettings settings(Path dataDir) {
    return BackendSettings.embedded(dataDir);
  }
}
