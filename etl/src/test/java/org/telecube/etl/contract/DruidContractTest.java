package org.telecube.etl.contract;

import java.nio.file.Path;
import java.util.Map;
import org.telecube.druid.testcluster.DruidTestCluster;
import org.telecube.warehouse.backend.BackendSettings;

/**
 * The contract on Apache Druid: a real Druid 33 cluster (ZooKeeper, coordinator with the overlord,
 * broker, historical, indexer; Maven Central jars, started once for this JVM), the star derived in a
 * DuckDB work area in {@code dataDir} and published to it by native batch ingestion.
 */
class DruidContractTest extends BackendContractTest {
  @Override
  protected BackendSettings settings(Path dataDir) {
    DruidTestCluster druid = DruidTestCluster.shared();
    return new BackendSettings("druid", dataDir, druid.brokerUrl().toString(), "", "", 0,
        Map.of("druid.overlord-url", druid.overlordUrl().toString(),
            "druid.ingest-dir", druid.ingestionDirectory().resolve("contract").toString()));
  }
}
