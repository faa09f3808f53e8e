package org.telecube.server.delivery;

import org.telecube.backend.postgres.testing.EmbeddedPostgres;

/** The delivery scenarios with the metadata store on a real PostgreSQL (binaries from Maven Central). */
class PostgresDeliveryTest extends DeliveryScenarios {
  @Override
  Store newStore(String name) {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    return new Store(pg.createDatabase(name), pg.user(), pg.password());
  }
}
