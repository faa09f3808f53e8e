package org.telecube.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestUsers;

/**
 * A query past telecube.query.timeout is stopped on the database and answered 504 with a clear
 * message; a request that cannot get a warehouse connection in time is a 503, not a 500 after 30 s.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SlowWarehouse.class)
class QueryTimeoutApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"],\"locale\":\"en\"}";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
    registry.add("telecube.query.timeout", () -> "8s");
    registry.add("telecube.warehouse.pool-size", () -> "1");
    registry.add("telecube.warehouse.pool-timeout", () -> "1s");
    registry.add("telecube.scheduler.enabled", () -> "false");
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void warm() throws Exception {
    SlowWarehouse.reset();
    // the first query of a fresh server loads Calcite's planner: not what the timeout is about
    // (on a busy machine that alone can pass the timeout: asked again until it answers)
    await().atMost(Duration.ofSeconds(90)).until(() -> http.send(query(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    await().atMost(Duration.ofSeconds(90)).until(() -> http.send(members(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
  }

  @AfterEach
  void quiet() {
    SlowWarehouse.reset();
  }

  @Test
  void aQueryPastTheTimeoutIsStoppedAnd504() throws Exception {
    SlowWarehouse.hang = true;
    long started = System.nanoTime();
    HttpResponse<String> r = http.send(query(), HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.path("code").asText()).isEqualTo("query_timeout");
    assertThat(problem.path("detail").asText()).contains("8 s").contains("stopped");
    assertThat(millis).isBetween(7_500L, 20_000L);
    await().atMost(Duration.ofSeconds(10)).until(() -> SlowWarehouse.stopped.get() >= 1);
  }

  @Test
  void noConnectionInTimeIs503NotA500() throws Exception {
    SlowWarehouse.hang = true;
    // the one connection is held by a hanging query ...
    CompletableFuture<HttpResponse<String>> hanging = http.sendAsync(query(), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(20)).until(() -> SlowWarehouse.hanging.get() >= 1 || hanging.isDone());
    assertThat(hanging).as(() -> hanging.join().statusCode() + " " + hanging.join().body()).isNotDone();
    // ... so the members of a level wait the pool's timeout (1 s) for one, then 503
    long started = System.nanoTime();
    HttpResponse<String> r = http.send(members(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.path("code").asText()).isEqualTo("warehouse_busy");
    assertThat(problem.path("detail").asText()).contains("重试");
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
    assertThat(hanging.get().statusCode()).isEqualTo(504);
  }

  private HttpRequest query() {
    return TestUsers.request(uri("/api/cubes/revenue/query")).header("content-type", "application/json")
        .header("Cache-Control", "no-cache").timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(QUERY)).build();
  }

  private HttpRequest members() {
    return TestUsers.request(uri("/api/cubes/revenue/members/region.province")).GET().build();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
