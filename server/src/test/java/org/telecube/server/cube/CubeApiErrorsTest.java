package org.telecube.server.cube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.TestUsers;

/** Client mistakes are 400/404 problem JSON naming the field, over real HTTP. */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CubeApiErrorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) throws Exception {
    TestUsers.register(registry);
    Path dir = Files.createTempDirectory("telecube-api");
    registry.add("telecube.data-dir", dir::toString);
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown measure|{\"measures\":[\"revenue\",\"nope\"]}|measures[1]|unknown_measure",
      "unknown level|{\"measures\":[\"revenue\"],\"rows\":[\"region.provinc\"]}|rows[0]|unknown_level",
      "unknown dimension|{\"measures\":[\"revenue\"],\"columns\":[\"planet.name\"]}|columns[0]|unknown_dimension",
      "bad member|{\"measures\":[\"revenue\"],\"filters\":[{\"level\":\"region.province\",\"members\":[\"999999\"]}]}|filters[0].members[0]|unknown_member",
      "bad date|{\"measures\":[\"revenue\"],\"filters\":[{\"level\":\"time.month\",\"from\":\"2025-13\"}]}|filters[0].from|bad_date",
      "range on non-time level|{\"measures\":[\"revenue\"],\"filters\":[{\"level\":\"region.city\",\"from\":\"1\"}]}|filters[0].from|range_on_non_time_level",
      "no measures|{\"rows\":[\"region.province\"]}|measures|missing_measures",
      "bad locale|{\"measures\":[\"revenue\"],\"locale\":\"fr\"}|locale|unknown_locale",
      "time intelligence without time|{\"measures\":[\"revenue\"],\"timeIntelligence\":[\"previous_period\"]}|timeIntelligence|time_level_required",
      "malformed limit|{\"measures\":[\"revenue\"],\"limit\":\"x\"}|limit|malformed_body",
      "bad limit|{\"measures\":[\"revenue\"],\"limit\":0}|limit|bad_limit",
  })
  void clientMistakesAre400ProblemsNamingTheField(String name, String body, String field, String code) throws Exception {
    HttpResponse<String> response = post("/api/cubes/revenue/query", body);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).contains("json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(problem.path("detail").asText()).isNotBlank().doesNotContain("Exception");
  }

  @Test
  void aFilterTheCubeBroughtAcrossLacksIsRefusedNotDropped() throws Exception {
    // MoU needs the subscriber base, which has no service: filtering usage by service cannot apply to it
    HttpResponse<String> response = post("/api/cubes/usage/query",
        "{\"measures\":[\"mou\"],\"filters\":[{\"level\":\"service.service\",\"members\":[\"voice\"]}]}");
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("code").asText()).isEqualTo("filter_not_applicable");
    assertThat(problem.path("field").asText()).isEqualTo("filters[0]");
  }

  @Test
  void explainListsEveryStatementWithoutRunningIt() throws Exception {
    String body = "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"],\"totals\":true,"
        + "\"filters\":[{\"level\":\"region.province\",\"members\":[\"440000\"]}]}";
    HttpResponse<String> response = post("/api/cubes/revenue/explain", body);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode explain = JSON.readTree(response.body());
    assertThat(explain.path("backend").asText()).isEqualTo("duckdb");
    assertThat(explain.path("dialect").asText()).isEqualTo("DuckDBSqlDialect");
    assertThat(explain.path("plan").asText()).contains("LogicalAggregate");
    assertThat(explain.path("statements").findValuesAsText("purpose")).containsExactly("member checks", "main",
        "totals by (all)");
    assertThat(explain.path("statements").findValuesAsText("sql")).allSatisfy(sql -> assertThat(sql).startsWith("SELECT"));
    JsonNode byGet = JSON.readTree(get("/api/cubes/revenue/explain?measures=revenue&rows=region.province&totals=true").body());
    assertThat(byGet.path("statements").findValuesAsText("purpose")).containsExactly("main", "totals by (all)");
  }

  @Test
  void explainNamesTheTableThatAnswersAndTheHeaderTurnsAggregatesOff() throws Exception {
    String body = "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"]}";
    JsonNode routed = JSON.readTree(post("/api/cubes/revenue/explain", body).body());
    JsonNode main = routed.path("statements").get(0).path("tables").get(0);
    assertThat(main.path("cube").asText()).isEqualTo("revenue");
    assertThat(main.path("table").asText()).isEqualTo("agg_revenue_by_city");
    assertThat(main.path("rejected").toString()).contains("agg_revenue_by_customer: larger than agg_revenue_by_city");
    HttpResponse<String> off = http.send(TestUsers.request(URI.create("http://localhost:" + port
            + "/api/cubes/revenue/explain")).header("content-type", "application/json")
        .header("X-TeleCube-Aggregates", "off").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode base = JSON.readTree(off.body()).path("statements").get(0).path("tables").get(0);
    assertThat(base.path("table").asText()).isEqualTo("fact_billing");
    assertThat(base.path("rejected").toString()).contains("agg_revenue_by_city: aggregates off");
  }

  @Test
  void unknownCubeIs404() throws Exception {
    HttpResponse<String> response = post("/api/cubes/nope/query", "{\"measures\":[\"x\"]}");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("unknown_cube");
  }

  @Test
  void membersOfAnUnknownParentAre400() throws Exception {
    HttpResponse<String> response = get("/api/cubes/revenue/members/region.city?parent=999999");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("field").asText()).isEqualTo("parent");
  }

  @Test
  void modelAndOpenApiAreServed() throws Exception {
    JsonNode cubes = JSON.readTree(get("/api/cubes?locale=en").body());
    assertThat(cubes.path("cubes").findValuesAsText("name")).contains("revenue", "subscribers", "usage", "service");
    JsonNode zh = JSON.readTree(get("/api/cubes/subscribers").body());
    assertThat(zh.path("caption").asText()).isEqualTo("用户与流失");
    HttpResponse<String> api = get("/v3/api-docs");
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(api.body()).path("paths").has("/api/cubes/{cube}/query")).isTrue();
  }

  @Test
  void unicodeMemberKeysAndDayGrainAcrossMeasuresAre400NotServerErrors() throws Exception {
    JsonNode caption = problem(post("/api/cubes/revenue/query",
        "{\"measures\":[\"revenue\"],\"locale\":\"en\",\"filters\":[{\"level\":\"region.province\",\"members\":[\"广东省\"]}]}"),
        "filters[0].members[0]", "unknown_member_did_you_mean");
    assertThat(caption.path("detail").asText()).contains("did you mean 440000 (广东省)?");
    JsonNode zh = problem(post("/api/cubes/revenue/query",
        "{\"measures\":[\"revenue\"],\"filters\":[{\"level\":\"region.province\",\"members\":[\"广东省\"]}]}"),
        "filters[0].members[0]", "unknown_member_did_you_mean");
    assertThat(zh.path("detail").asText()).contains("440000（广东省）");
    problem(post("/api/cubes/revenue/query",
        "{\"measures\":[\"revenue\"],\"filters\":[{\"level\":\"region.province\",\"members\":[\"44\\u00000000\"]}]}"),
        "filters[0].members[0]", "control_character");
    problem(post("/api/cubes/usage/query", "{\"measures\":[\"mou\"],\"rows\":[\"time.day\"]}"), "rows[0]",
        "measure_not_at_level");
    JsonNode parent = problem(get("/api/cubes/revenue/members/region.city?locale=en&parent="
        + java.net.URLEncoder.encode("广东省", java.nio.charset.StandardCharsets.UTF_8)), "parent",
        "unknown_member_did_you_mean");
    assertThat(parent.path("detail").asText()).contains("did you mean 440000");
  }

  private static JsonNode problem(HttpResponse<String> response, String field, String code) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    return problem;
  }

  @Test
  void drillDownMembersComeFromTheModelHierarchy() throws Exception {
    JsonNode cities = JSON.readTree(get("/api/cubes/revenue/members/region.city?parent=440000&locale=en").body());
    assertThat(cities.path("parentLevel").asText()).isEqualTo("region.province");
    assertThat(cities.path("members").findValuesAsText("caption")).contains("Guangzhou", "Shenzhen");
    assertThat(cities.path("members").findValuesAsText("key")).allMatch(k -> k.startsWith("44"));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(TestUsers.request(URI.create("http://localhost:" + port + path))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(TestUsers.request(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
