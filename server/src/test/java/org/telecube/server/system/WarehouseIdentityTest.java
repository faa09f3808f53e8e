package org.telecube.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GET /api/warehouse shows a server backend's URL as it is, never as a path under the working directory. */
class WarehouseIdentityTest {
  @Test
  void urlsAreShownAsUrlsAndFilesAsRealPaths() {
    assertThat(WarehouseController.isUrl("http://druid-router:8888")).isTrue();
    assertThat(WarehouseController.isUrl("HTTPS://druid-router:8888")).isTrue();
    assertThat(WarehouseController.isUrl("jdbc:postgresql://db:5432/telecube")).isTrue();
    assertThat(WarehouseController.isUrl("/var/lib/telecube/telecube.duckdb")).isFalse();
    assertThat(WarehouseController.isUrl("data/http/telecube.duckdb")).isFalse();
  }
}
