package org.telecube.server.etl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.backend.postgres.testing.EmbeddedPostgres;

/**
 * The same scenario through the real HTTP stack with the warehouse in PostgreSQL: loading over
 * HTTP (staged in the work area, published to PostgreSQL), then the cubes, the churn lists and a
 * report PDF answering with the files' numbers.
 */
class PostgresEtlAndQueryApiTest extends EtlAndQueryApiTest {
  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    EmbeddedPostgres postgres = EmbeddedPostgres.shared();
    String url = postgres.createDatabase("api_" + Long.toString(System.nanoTime(), 36));
    registry.add("telecube.backend", () -> "postgres");
    registry.add("telecube.warehouse.url", () -> url);
    registry.add("telecube.warehouse.username", postgres::user);
  }

  @Test
  @Order(0)
  void theServerSaysItHoldsPostgres() throws Exception {
    JsonNode identity = new ObjectMapper().readTree(get("/api/warehouse").body());
    assertThat(identity.path("backend").asText()).isEqualTo("postgres");
    assertThat(identity.path("location").asText()).startsWith("jdbc:postgresql://").doesNotContain("password");
    assertThat(identity.path("workArea").asText()).endsWith("telecube.duckdb");
  }
}
