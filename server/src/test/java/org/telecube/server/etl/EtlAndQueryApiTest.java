package org.telecube.server.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.Multipart;
import org.telecube.server.testing.TestUsers;

/** Loading through the server (an upload), then asking it: the flat records, totals and pivot over real HTTP. */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EtlAndQueryApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path feeds;

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    TestUsers.register(registry);
    Path dir = Files.createTempDirectory("telecube-etl-api");
    registry.add("telecube.data-dir", () -> dir.resolve("data").toString());
    feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 1_000, 3, YearMonth.of(2025, 6), 3L, false), null);
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @Order(1)
  void aRefusedBatchNamesTheProblemAndLoadsNothing() throws Exception {
    Path nope = Files.writeString(feeds.getParent().resolve("nope_2025-01.csv"), "a,b\n1,2\n");
    HttpResponse<String> response = upload(new Multipart().file(nope));
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("code").asText()).isEqualTo("batch_refused");
    assertThat(problem.path("detail").asText()).contains("nope_2025-01.csv");
    HttpResponse<String> badFeed = upload(new Multipart().file(nope).field("feed", "bills"));
    assertThat(JSON.readTree(badFeed.body()).path("field").asText()).isEqualTo("feed");
  }

  @Test
  @Order(2)
  void loadsUploadedFilesAsOneBatchThenAnswersWithTheFilesNumbers() throws Exception {
    Multipart all = new Multipart();
    try (Stream<Path> files = Files.list(feeds)) {
      // the directory expanded on the client, as telecube etl load does
      files.filter(f -> f.toString().endsWith(".csv") || f.toString().endsWith(".csv.gz")).sorted().forEach(all::file);
    }
    HttpResponse<String> response = upload(all);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode summary = JSON.readTree(response.body());
    assertThat(summary.path("files")).hasSize(12);
    assertThat(summary.path("files").findValues("rowsRejected")).allMatch(n -> n.asLong() == 0);

    JsonNode answer = JSON.readTree(post("/api/cubes/revenue/query",
        "{\"measures\":[\"revenue\"],\"rows\":[\"region.macro_region\"],\"columns\":[\"time.month\"],"
            + "\"totals\":true,\"locale\":\"en\"}").body());
    BigDecimal expected = billedAmount();
    JsonNode grand = null;
    for (JsonNode t : answer.path("totals")) {
      if (t.path("region.macro_region").isNull() && t.path("time.month").isNull()) {
        grand = t;
      }
    }
    assertThat(grand).isNotNull();
    assertThat(grand.path("revenue").asDouble()).isCloseTo(expected.doubleValue(), within(0.005));
    double cellSum = 0;
    for (JsonNode cell : answer.path("cells")) {
      assertThat(cell.path("region.macro_region.caption").asText()).endsWith("China");
      assertThat(cell.path("time.month").asText()).matches("2025-0[4-6]");
      cellSum += cell.path("revenue").asDouble();
    }
    assertThat(cellSum).isCloseTo(expected.doubleValue(), within(0.01));
    JsonNode pivot = answer.path("pivot");
    assertThat(pivot.path("columnTuples")).hasSize(3);
    assertThat(pivot.path("values").get(0)).hasSize(3);
    assertThat(pivot.path("rowTuples").get(0).get(0).path("caption").asText()).isEqualTo("North China");
  }

  @Test
  @Order(3)
  void atRiskAndChurnedListsAgreeWithTheSubscribersCube() throws Exception {
    JsonNode cube = JSON.readTree(post("/api/cubes/subscribers/query",
        "{\"measures\":[\"at_risk\",\"churned\"],\"filters\":[{\"level\":\"time.month\",\"members\":[\"2025-05\"]}]}").body());
    long atRisk = cube.path("cells").get(0).path("at_risk").asLong();
    long churned = cube.path("cells").get(0).path("churned").asLong();
    JsonNode list = JSON.readTree(get("/api/churn/at-risk?month=2025-05&limit=10000&locale=en").body());
    assertThat(list.path("subscribers")).hasSize((int) atRisk);
    double previous = Double.MAX_VALUE;
    for (JsonNode s : list.path("subscribers")) {
      if (!s.path("msisdn").isNull()) { // broadband and fixed lines have no mobile number
        assertThat(s.path("msisdn").asText()).matches("\\d{3}\\*{4}\\d{4}");
      }
      assertThat(s.path("signals")).isNotEmpty();
      assertThat(s.path("action").path("key").asText()).isIn("care", "marketing");
      double rank = s.path("warningScore").asDouble() * s.path("valueScore").asDouble();
      assertThat(rank).isLessThanOrEqualTo(previous);
      previous = rank;
    }
    JsonNode gone = JSON.readTree(get("/api/churn/churned?month=2025-05&limit=10000").body());
    assertThat(gone.path("subscribers")).hasSize((int) churned);
    assertThat(get("/api/churn/churned?month=2025-13").statusCode()).isEqualTo(400);
    assertThat(get("/api/churn/churned?month=2031-01").statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(get("/api/churn/at-risk?month=2025-05&region=nowhere").body()).path("field").asText())
        .isEqualTo("region");
  }

  @Test
  @Order(4)
  void reportsAreServedAsPdfWithClearErrors() throws Exception {
    JsonNode catalog = JSON.readTree(get("/api/reports").body());
    assertThat(catalog.findValuesAsText("id")).contains("monthly-revenue", "monthly-churn");
    HttpResponse<byte[]> pdf = http.send(request("/api/reports/monthly-revenue?month=2025-06&locale=en").GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(get("/api/reports/monthly-revenue?month=2025-13").statusCode()).isEqualTo(400);
    assertThat(get("/api/reports/monthly-revenue?month=2030-01").statusCode()).isEqualTo(404);
    HttpResponse<String> scope = get("/api/reports/monthly-churn?month=2025-06&scope=999999");
    assertThat(scope.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(scope.body()).path("field").asText()).isEqualTo("scope");
    assertThat(get("/api/reports/nope?month=2025-06").statusCode()).isEqualTo(404);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Sum of every billing amount in the raw files, read with plain Java. */
  private static BigDecimal billedAmount() throws Exception {
    BigDecimal total = BigDecimal.ZERO;
    try (Stream<Path> files = Files.list(feeds)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("billing_")).toList()) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        int amount = List.of(lines.get(0).split(",")).indexOf("amount");
        for (String line : lines.subList(1, lines.size())) {
          total = total.add(new BigDecimal(line.split(",")[amount]));
        }
      }
    }
    return total;
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(request(path).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code POST /api/etl/uploads} of {@code body}'s files. */
  private HttpResponse<String> upload(Multipart body) throws Exception {
    return http.send(request("/api/etl/uploads").header("content-type", body.contentType()).POST(body.publisher())
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every request of this test starts here. */
  private HttpRequest.Builder request(String path) {
    return TestUsers.request(URI.create("http://localhost:" + port + path));
  }
}
