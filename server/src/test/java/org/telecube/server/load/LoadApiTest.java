package org.telecube.server.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Holding load over real HTTP, against a deliberately tiny query pool (1 thread, 2 waiting) and
 * report pool (1 thread, none waiting): fifty clients at once get answers or a fast 503 with
 * Retry-After, never a 500; a client that closes its connection has its statement cancelled; a
 * full report pool answers 503; and the result cache shows in X-TeleCube-Cache.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SlowWarehouse.class)
class LoadApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"]}";

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
    registry.add("telecube.query.threads", () -> "1");
    registry.add("telecube.query.queue", () -> "2");
    registry.add("telecube.report.threads", () -> "1");
    registry.add("telecube.report.queue", () -> "0");
    registry.add("telecube.scheduler.enabled", () -> "false");
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @BeforeEach
  @AfterEach
  void quiet() {
    SlowWarehouse.reset();
  }

  @Test
  void fiftyClientsGetAnAnswerOrAFast503NeverA500() throws Exception {
    SlowWarehouse.delayMillis = 100;
    ExecutorService clients = Executors.newFixedThreadPool(50);
    try {
      List<Future<HttpResponse<String>>> responses = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        String language = i % 2 == 0 ? "en" : "zh-CN";
        responses.add(clients.submit(() -> http.send(TestUsers.request(uri("/api/cubes/revenue/query"))
            .header("content-type", "application/json").header("Cache-Control", "no-cache")
            .header("Accept-Language", language).timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(QUERY)).build(), HttpResponse.BodyHandlers.ofString())));
      }
      int ok = 0;
      int busy = 0;
      for (Future<HttpResponse<String>> f : responses) {
        HttpResponse<String> r = f.get();
        assertThat(r.statusCode()).as(r.body()).isIn(200, 503);
        if (r.statusCode() == 200) {
          ok++;
          assertThat(r.headers().firstValue("X-TeleCube-Cache")).hasValue("bypass");
        } else {
          busy++;
          assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isPositive());
          JsonNode problem = JSON.readTree(r.body());
          assertThat(problem.path("code").asText()).isEqualTo("query_busy");
          String language = r.request().headers().firstValue("Accept-Language").orElseThrow();
          assertThat(problem.path("detail").asText()).contains(language.equals("en") ? "try again" : "重试");
        }
      }
      assertThat(ok).as("the running query and those that waited are answered").isGreaterThanOrEqualTo(3);
      assertThat(busy).as("the rest are refused at once").isPositive();
      assertThat(ok + busy).isEqualTo(50);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aClientThatClosesTheConnectionHasItsStatementCancelled() throws Exception {
    SlowWarehouse.hang = true;
    byte[] body = QUERY.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /api/cubes/revenue/query HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Authorization: " + TestUsers.adminBearer() + "\r\n"
          + "Cache-Control: no-cache\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      await().atMost(Duration.ofSeconds(20)).until(() -> SlowWarehouse.hanging.get() >= 1);
    }
    // the socket is closed: the server notices and cancels the statement on DuckDB
    await().atMost(Duration.ofSeconds(20)).until(() -> SlowWarehouse.stopped.get() >= 1);
    SlowWarehouse.hang = false;
    // and the pool's one thread is free again
    HttpResponse<String> next = post("/api/cubes/revenue/query", QUERY, "no-cache");
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
  }

  @Test
  void aFullReportPoolAnswers503WithRetryAfter() throws Exception {
    SlowWarehouse.hang = true;
    CompletableFuture<HttpResponse<String>> first = http.sendAsync(TestUsers.request(
        uri("/api/reports/monthly-revenue?month=2025-06&format=xlsx")).GET().build(), HttpResponse.BodyHandlers.ofString());
    await().atMost(Duration.ofSeconds(20)).until(() -> SlowWarehouse.hanging.get() >= 1);
    HttpResponse<String> second = http.send(TestUsers.request(
        uri("/api/reports/monthly-revenue?month=2025-06&locale=en")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(second.statusCode()).as(second.body()).isEqualTo(503);
    assertThat(second.headers().firstValue("Retry-After")).isPresent();
    assertThat(JSON.readTree(second.body()).path("code").asText()).isEqualTo("report_busy");
    assertThat(JSON.readTree(second.body()).path("detail").asText()).contains("reports");
    // queries have their own pool: not starved by the report
    SlowWarehouse.hang = false;
    SlowWarehouse.release();
    assertThat(post("/api/cubes/revenue/query", QUERY, null).statusCode()).isEqualTo(200);
    first.get();
  }

  @Test
  void theCacheShowsInAHeaderAndInExplain() throws Exception {
    String query = "{\"measures\":[\"revenue\"],\"rows\":[\"region.city\"],\"locale\":\"en\"}";
    HttpResponse<String> first = post("/api/cubes/revenue/query", query, null);
    HttpResponse<String> second = post("/api/cubes/revenue/query", query, null);
    HttpResponse<String> fresh = post("/api/cubes/revenue/query", query, "no-cache");
    assertThat(List.of(first.statusCode(), second.statusCode(), fresh.statusCode())).containsOnly(200);
    assertThat(first.headers().firstValue("X-TeleCube-Cache")).hasValue("miss");
    assertThat(second.headers().firstValue("X-TeleCube-Cache")).hasValue("hit");
    assertThat(fresh.headers().firstValue("X-TeleCube-Cache")).hasValue("bypass");
    assertThat(JSON.readTree(second.body()).path("cells")).isEqualTo(JSON.readTree(first.body()).path("cells"));
    assertThat(JSON.readTree(post("/api/cubes/revenue/explain", query, null).body()).path("cache").asText())
        .isEqualTo("hit");
    HttpResponse<String> export = post("/api/cubes/revenue/export?format=csv", query, null);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("X-TeleCube-Cache")).hasValue("hit");
  }

  private HttpResponse<String> post(String path, String body, String cacheControl) throws Exception {
    HttpRequest.Builder b = TestUsers.request(uri(path)).header("content-type", "application/json")
        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (cacheControl != null) {
      b.header("Cache-Control", cacheControl);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
