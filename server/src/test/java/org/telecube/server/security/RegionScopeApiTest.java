package org.telecube.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.HttpSession;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestUsers;

/**
 * Region-scoped access through the real HTTP stack: a Guangdong user sees Guangdong only — in
 * cube answers and their totals, members, exports, reports and lists — and anything of another
 * province is a 403, whichever endpoint asks. The expected figures are the admin's own answers on
 * the same server, filtered to Guangdong by hand.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionScopeApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GD = "440000";
  private static final String MONTH = SampleWarehouse.LAST_MONTH.toString();
  private static final String BY_PROVINCE = "{\"measures\":[\"revenue\",\"arpu\"],\"rows\":[\"region.province\"],"
      + "\"totals\":true,\"locale\":\"zh-CN\"}";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
  }

  @LocalServerPort
  int port;
  @Autowired
  UserService users;

  private final HttpClient http = HttpClient.newHttpClient();
  private HttpSession gdManager;
  private String gdAnalystToken;
  private String other;
  private String otherCaption;
  private Map<String, JsonNode> adminByProvince;

  @BeforeAll
  void setUp() throws Exception {
    users.add(new UserService.NewUser("gd-manager", null, "gd@telecube.test", "manager", "P" + GD,
        AuthApiTest.PASSWORD, false));
    users.add(new UserService.NewUser("gd-analyst", null, null, "analyst", "P" + GD, AuthApiTest.PASSWORD, false));
    gdManager = HttpSession.login(base(), "gd-manager", AuthApiTest.PASSWORD);
    gdAnalystToken = users.createToken("gd-analyst", "tests", null).secret();

    // the admin first, so a cached national answer is there to leak if the cache key forgot the scope
    JsonNode admin = JSON.readTree(post(TestUsers.ADMIN_TOKEN, "/api/cubes/revenue/query", BY_PROVINCE, null).body());
    adminByProvince = new LinkedHashMap<>();
    for (JsonNode cell : admin.path("cells")) {
      adminByProvince.put(cell.path("region.province").asText(), cell);
    }
    assertThat(adminByProvince).as("the sample spans several provinces, Guangdong among them")
        .containsKey(GD).hasSizeGreaterThanOrEqualTo(3);
    other = adminByProvince.keySet().stream().filter(k -> !k.equals(GD)).findFirst().orElseThrow();
    otherCaption = adminByProvince.get(other).path("region.province.caption").asText();
  }

  @Test
  void aGuangdongUsersRevenueByProvinceIsGuangdongAndItsTotalIsGuangdongs() throws Exception {
    for (String aggregates : new String[] {null, "off"}) {
      JsonNode answer = JSON.readTree(post(gdAnalystToken, "/api/cubes/revenue/query", BY_PROVINCE, aggregates)
          .body());
      assertThat(answer.path("cells")).as("aggregates " + aggregates).hasSize(1);
      JsonNode only = answer.path("cells").get(0);
      assertThat(only.path("region.province").asText()).isEqualTo(GD);
      JsonNode grand = answer.path("totals").get(0);
      assertThat(grand.path("region.province").isNull()).isTrue();
      double expected = adminByProvince.get(GD).path("revenue").asDouble();
      assertThat(grand.path("revenue").asDouble()).as("national total = Guangdong's").isCloseTo(expected, within(0.005));
      assertThat(grand.path("arpu").asDouble()).isCloseTo(adminByProvince.get(GD).path("arpu").asDouble(),
          within(0.005));
    }
  }

  @Test
  void membersAreGuangdongsAndAnotherProvinceIsForbidden() throws Exception {
    JsonNode cities = JSON.readTree(get(gdAnalystToken, "/api/cubes/revenue/members/region.city").body());
    assertThat(cities.path("members").size()).isPositive();
    cities.path("members").forEach(m -> assertThat(m.path("key").asText()).startsWith("44"));
    JsonNode provinces = JSON.readTree(gdManager.get("/api/cubes/revenue/members/region.province").body());
    assertThat(provinces.path("members")).hasSize(1);

    assertForbidden(get(gdAnalystToken, "/api/cubes/revenue/members/region.city?parent=" + other), "parent");
    assertForbidden(post(gdAnalystToken, "/api/cubes/revenue/query", "{\"measures\":[\"revenue\"],"
        + "\"rows\":[\"time.month\"],\"filters\":[{\"level\":\"region.province\",\"members\":[\"" + other + "\"]}]}",
        null), "filters[0].members[0]");
  }

  @Test
  void exportsHoldGuangdongOnly() throws Exception {
    HttpResponse<String> csv = post(gdAnalystToken, "/api/cubes/revenue/export?format=csv",
        "{\"measures\":[\"revenue\"],\"rows\":[\"region.city\"],\"locale\":\"zh-CN\"}", null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.body()).doesNotContain(otherCaption);
  }

  @Test
  void theirReportHoldsGuangdongsNumbersOnly() throws Exception {
    HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/reports/monthly-revenue?month="
        + MONTH)).header("Cookie", cookieHeader(gdManager)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("_" + GD + ".pdf");
    String text;
    try (PDDocument doc = Loader.loadPDF(pdf.body())) {
      text = new PDFTextStripper().getText(doc);
    }
    assertThat(text).contains("广东").doesNotContain("全国");
    for (JsonNode cell : adminByProvince.values()) {
      String caption = cell.path("region.province.caption").asText();
      if (!cell.path("region.province").asText().equals(GD)) {
        assertThat(text).as("another province in Guangdong's report").doesNotContain(caption);
      }
    }
    assertForbidden(gdManager.get("/api/reports/monthly-revenue?month=" + MONTH + "&scope=" + other), "scope");
    assertForbidden(gdManager.get("/api/reports/monthly-revenue?month=" + MONTH + "&scope=south"), "scope");
  }

  @Test
  void theirListsHoldGuangdongOnly() throws Exception {
    JsonNode atRisk = JSON.readTree(gdManager.get("/api/churn/at-risk?month=" + MONTH + "&limit=500").body());
    assertThat(atRisk.path("subscribers").size()).isPositive();
    atRisk.path("subscribers").forEach(s -> assertThat(s.path("city").path("key").asText()).startsWith("44"));
    JsonNode churned = JSON.readTree(gdManager.get("/api/churn/churned?month=" + MONTH + "&limit=500").body());
    churned.path("subscribers").forEach(s -> assertThat(s.path("city").path("key").asText()).startsWith("44"));
    assertForbidden(gdManager.get("/api/churn/at-risk?month=" + MONTH + "&region=" + other), "region");
    assertForbidden(gdManager.get("/api/churn/churned/export?month=" + MONTH + "&region=" + other), "region");
  }

  @Test
  void anotherUsersScheduleIsForbiddenAndAScheduleOutsideTheScopeIsRefused() throws Exception {
    String otherManager = "manager-" + other;
    users.add(new UserService.NewUser(otherManager, null, null, "manager", "P" + other, AuthApiTest.PASSWORD, false));
    HttpSession theirs = HttpSession.login(base(), otherManager, AuthApiTest.PASSWORD);
    HttpResponse<String> created = theirs.send("POST", "/api/schedules", schedule(null));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode view = JSON.readTree(created.body());
    long id = view.path("schedule").path("id").asLong();
    assertThat(view.path("schedule").path("owner").asText()).isEqualTo(otherManager);

    for (String[] c : new String[][] {{"GET", ""}, {"PUT", ""}, {"DELETE", ""}, {"POST", "/send-now"},
        {"GET", "/preview"}}) {
      HttpResponse<String> r = gdManager.send(c[0], "/api/schedules/" + id + c[1], c[0].equals("PUT") ? schedule(null) : null);
      assertThat(r.statusCode()).as(c[0] + c[1] + ": " + r.body()).isEqualTo(403);
    }
    assertForbidden(gdManager.get("/api/deliveries?scheduleId=" + id), "id");
    assertThat(JSON.readTree(gdManager.get("/api/schedules").body()).findValues("id")).isEmpty();
    assertForbidden(gdManager.send("POST", "/api/schedules", schedule(other)), "scope");
    HttpResponse<String> own = gdManager.send("POST", "/api/schedules", schedule(null));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    assertThat(gdManager.send("GET", "/api/schedules", null).body()).contains("gd-manager");
    // the admin sees both
    assertThat(JSON.readTree(get(TestUsers.ADMIN_TOKEN, "/api/schedules").body()).size()).isGreaterThanOrEqualTo(2);
  }

  private static String schedule(String scope) {
    return "{\"name\":\"月度收入\",\"reportId\":\"monthly-revenue\",\"cron\":\"0 0 8 1 * ?\",\"to\":[\"a@telecube.test\"]"
        + (scope == null ? "" : ",\"scope\":\"" + scope + "\"") + "}";
  }

  private void assertForbidden(HttpResponse<String> r, String field) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(problem.path("detail").asText()).isNotBlank();
  }

  private static String cookieHeader(HttpSession session) {
    return session.cookieHeader();
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private HttpResponse<String> get(String token, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String token, String path, String json, String aggregates) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").header("Cache-Control", "no-cache")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (aggregates != null) {
      b.header("X-TeleCube-Aggregates", aggregates);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
