package org.telecube.etl.contract;

import java.nio.file.Path;
import org.telecube.warehouse.backend.BackendSettings;

/**
 * The contract on a backend that declares less than full SQL ({@link ReducedDuckDbProvider}):
 * every check that needs a missing capability must be a refusal, every other the same number.
 */
class ReducedCapabilitiesContractTest extends BackendContractTest {
  @Override
  protected BackendSettings settings(Path dataDir) {
    return BackendSettings.embedded(dataDir).withBackend(ReducedDuckDbProvider.NAME);
  }
}
