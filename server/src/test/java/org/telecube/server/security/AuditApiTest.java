package org.telecube.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
 * The audit log over real HTTP: a Guangdong manager's day — a wrong password, a login, a report,
 * a list, a schedule, a look at another province and at the audit log itself — is found by an
 * admin in {@code /api/audit}, each event with its user, kind, target, outcome and address.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GD = "440000";
  private static final String MONTH = SampleWarehouse.LAST_MONTH.toString();
  private static final String MANAGER = "audited-manager";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
  }

  @LocalServerPort
  int port;
  @Autowired
  UserService users;

  private final HttpClient http = HttpClient.newHttpClient();
  private HttpSession admin;
  private String otherProvince;
  private long scheduleId;

  @BeforeAll
  void scenario() throws Exception {
    users.add(new UserService.NewUser(MANAGER, null, "m@telecube.test", "manager", "P" + GD, AuthApiTest.PASSWORD,
        false));
    admin = HttpSession.login(base(), TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    JsonNode provinces = JSON.readTree(admin.get("/api/cubes/revenue/members/region.province").body());
    otherProvince = provinces.findValuesAsText("key").stream().filter(k -> k.matches("\\d{6}") && !k.equals(GD))
        .findFirst().orElseThrow(() -> new AssertionError("no other province in " + provinces));

    HttpSession manager = new HttpSession(base());
    assertThat(manager.logIn(MANAGER, "not-the-password").statusCode()).isEqualTo(401);
    assertThat(manager.logIn(MANAGER, AuthApiTest.PASSWORD).statusCode()).isEqualTo(200);
    assertThat(manager.get("/api/reports/monthly-revenue?month=" + MONTH).statusCode()).isEqualTo(200);
    assertThat(manager.get("/api/churn/at-risk?month=" + MONTH).statusCode()).isEqualTo(200);
    HttpResponse<String> created = manager.send("POST", "/api/schedules", "{\"name\":\"月度收入\","
        + "\"reportId\":\"monthly-revenue\",\"cron\":\"0 0 8 1 * ?\",\"to\":[\"a@telecube.test\"]}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    scheduleId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    // another province's list (403 out_of_scope, from the engine), its report (the same, answered
    // after the report pool's async dispatch) and a role's refusal (403 forbidden, from the filters)
    assertThat(manager.get("/api/churn/at-risk?month=" + MONTH + "&region=" + otherProvince).statusCode())
        .isEqualTo(403);
    assertThat(manager.get("/api/reports/monthly-revenue?month=" + MONTH + "&scope=" + otherProvince).statusCode())
        .isEqualTo(403);
    assertThat(manager.get("/api/audit").statusCode()).isEqualTo(403);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void anAdminFindsTheManagersDayInTheAuditLog() throws Exception {
    List<JsonNode> events = events("user=" + MANAGER + "&limit=1000");
    assertThat(events).allSatisfy(e -> {
      assertThat(e.path("username").asText()).isEqualTo(MANAGER);
      assertThat(e.path("client").asText()).isEqualTo("127.0.0.1");
      assertThat(e.path("at").asText()).isNotBlank();
    });
    assertThat(one(events, "login_failed", null).path("outcome").asText()).isEqualTo("denied");
    assertThat(events).anySatisfy(e -> {
      assertThat(e.path("kind").asText()).isEqualTo("login");
      assertThat(e.path("outcome").asText()).isEqualTo("ok");
    });

    JsonNode report = one(events, "report_download", "report/monthly-revenue");
    assertThat(report.path("outcome").asText()).isEqualTo("ok");
    // a blank scope is the manager's own province, and the log says so
    assertThat(report.path("detail").asText()).isEqualTo("month=" + MONTH + " scope=" + GD + " format=pdf");

    JsonNode list = one(events, "list_view", "churn/at-risk");
    assertThat(list.path("outcome").asText()).isEqualTo("ok");
    assertThat(list.path("detail").asText()).isEqualTo("month=" + MONTH + " region=" + GD);

    JsonNode schedule = one(events, "schedule_created", "schedule/" + scheduleId);
    assertThat(schedule.path("outcome").asText()).isEqualTo("ok");
    assertThat(schedule.path("detail").asText()).contains("report=monthly-revenue", "owner=" + MANAGER);

    List<JsonNode> denied = events.stream().filter(e -> e.path("kind").asText().equals("access_denied")).toList();
    assertThat(denied).allSatisfy(e -> assertThat(e.path("outcome").asText()).isEqualTo("denied"));
    assertThat(denied).anySatisfy(e -> {
      assertThat(e.path("target").asText()).isEqualTo("GET /api/churn/at-risk");
      assertThat(e.path("detail").asText()).isEqualTo("out_of_scope");
    });
    assertThat(denied).anySatisfy(e -> {
      assertThat(e.path("target").asText()).isEqualTo("GET /api/reports/monthly-revenue");
      assertThat(e.path("detail").asText()).isEqualTo("out_of_scope");
    });
    assertThat(denied).anySatisfy(e -> {
      assertThat(e.path("target").asText()).isEqualTo("GET /api/audit");
      assertThat(e.path("detail").asText()).isEqualTo("forbidden");
    });
  }

  @Test
  void theLogIsFilteredByKindAndTime() throws Exception {
    List<JsonNode> lists = events("user=" + MANAGER + "&kind=list_view");
    assertThat(lists).isNotEmpty().allSatisfy(e -> assertThat(e.path("kind").asText()).isEqualTo("list_view"));
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertThat(events("user=" + MANAGER + "&from=" + today + "&to=" + today)).hasSizeGreaterThanOrEqualTo(6);
    assertThat(events("user=" + MANAGER + "&from=" + today.plusDays(1))).isEmpty();
    assertThat(events("user=" + MANAGER + "&to=" + enc(today.atStartOfDay().atOffset(ZoneOffset.UTC).toString())))
        .isEmpty();
    assertThat(events("kind=login&limit=1")).hasSize(1);
  }

  @Test
  void aBadTimeOrLimitIsA400NamingIt() throws Exception {
    for (String[] c : new String[][] {{"from", "from=yesterday"}, {"to", "to=2025-13-01"},
        {"from", "from=" + enc("2025-06-01T08:00:00")}, {"limit", "limit=0"}, {"limit", "limit=many"}}) {
      HttpResponse<String> r = admin.get("/api/audit?" + c[1]);
      assertThat(r.statusCode()).as(c[1] + ": " + r.body()).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).path("field").asText()).as(c[1]).isEqualTo(c[0]);
    }
  }

  @Test
  void aTokensUseIsRecordedOnceAMinute() throws Exception {
    users.add(new UserService.NewUser("audited-script", null, null, "analyst", "HQ", AuthApiTest.PASSWORD, false));
    UserService.IssuedToken token = users.createToken("audited-script", "nightly", null);
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> me = http.send(java.net.http.HttpRequest.newBuilder(URI.create(base() + "/api/me"))
          .header("Authorization", "Bearer " + token.secret()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(me.statusCode()).isEqualTo(200);
    }
    List<JsonNode> used = events("user=audited-script&kind=token_used");
    assertThat(used).hasSize(1);
    assertThat(used.get(0).path("target").asText()).isEqualTo(token.token().publicId());
    assertThat(used.get(0).path("tokenId").asLong()).isEqualTo(token.token().id());
    assertThat(used.get(0).path("detail").asText()).isEqualTo("nightly");
  }

  @Test
  void onlyAdminsReadTheLog() throws Exception {
    HttpSession manager = HttpSession.login(base(), MANAGER, AuthApiTest.PASSWORD);
    HttpResponse<String> r = manager.get("/api/audit?kind=login");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("forbidden");
  }

  private List<JsonNode> events(String query) throws Exception {
    HttpResponse<String> r = admin.get("/api/audit?" + query);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    List<JsonNode> events = new ArrayList<>();
    JSON.readTree(r.body()).forEach(events::add);
    return events;
  }

  /** The one event of {@code kind} (and {@code target}, unless null). */
  private static JsonNode one(List<JsonNode> events, String kind, String target) {
    List<JsonNode> found = events.stream().filter(e -> e.path("kind").asText().equals(kind))
        .filter(e -> target == null || e.path("target").asText().equals(target)).toList();
    assertThat(found).as(kind + " " + target + " in " + events).hasSize(1);
    return found.get(0);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
