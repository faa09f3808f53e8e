package org.telecube.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.HttpSession;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestUsers;

/** Logins, sessions with CSRF, bearer tokens and the roles, over real HTTP. */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "{\"measures\":[\"revenue\"],\"rows\":[\"region.macro_region\"]}";
  static final String PASSWORD = "a-long-enough-password";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
  }

  @LocalServerPort
  int port;
  @Autowired
  UserService users;
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void users() {
    for (String[] u : new String[][] {{"ana", "analyst", "HQ"}, {"gd-manager", "manager", "P440000"},
        {"loader", "loader", "HQ"}}) {
      users.add(new UserService.NewUser(u[0], null, null, u[1], u[2], PASSWORD, false));
    }
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void everyApiRouteRefusesAnAnonymousCallerWith401() throws Exception {
    List<String> checked = new ArrayList<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/") || pattern.equals("/api/health") || pattern.equals("/api/session")) {
          continue;
        }
        String path = pattern.replaceAll("\\{[^}]+}", "x");
        for (RequestMethod m : info.getMethodsCondition().getMethods()) {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + path))
              .method(m.name(), HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
              .build(), HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).as(m + " " + path + ": " + r.body()).isEqualTo(401);
          assertThat(JSON.readTree(r.body()).path("code").asText()).as(m + " " + path).isEqualTo("unauthenticated");
          checked.add(m + " " + path);
        }
      }
    }
    assertThat(checked).hasSizeGreaterThan(20).contains("POST /api/cubes/x/query", "POST /api/etl/batches",
        "DELETE /api/schedules/x", "GET /api/churn/at-risk", "GET /api/users");
  }

  @Test
  void pagesSendAnAnonymousBrowserToTheLoginPage() throws Exception {
    for (String page : List.of("/", "/index.html", "/reports.html?month=2025-06", "/schedules.html")) {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + page)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(page).isEqualTo(302);
      assertThat(r.headers().firstValue("Location").orElseThrow()).as(page).contains("/login.html?next=");
    }
    HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    HttpResponse<String> wrong = new HttpSession(base()).logIn("ana", "not-the-password");
    HttpResponse<String> unknown = new HttpSession(base()).logIn("nobody", "not-the-password");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(code(wrong)).isEqualTo("bad_credentials");
    assertThat(detail(wrong)).isEqualTo(detail(unknown)).isEqualTo("用户名或密码错误");
  }

  @Test
  void aSessionChangesNothingWithoutItsCsrfToken() {
    HttpSession session = HttpSession.login(base(), "ana", PASSWORD);
    assertThat(session.send("POST", "/api/cubes/revenue/query", QUERY).statusCode()).isEqualTo(200);
    HttpResponse<String> forged = session.withoutCsrf().send("POST", "/api/cubes/revenue/query", QUERY);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(code(forged)).isEqualTo("csrf");
    // the login itself needs the token too (login CSRF)
    HttpSession noToken = new HttpSession(base()).withoutCsrf();
    noToken.get("/api/health");
    assertThat(noToken.logIn("ana", PASSWORD).statusCode()).isEqualTo(403);
  }

  @Test
  void logoutEndsTheSession() {
    HttpSession session = HttpSession.login(base(), "ana", PASSWORD);
    assertThat(session.get("/api/me").statusCode()).isEqualTo(200);
    assertThat(session.send("DELETE", "/api/session", null).statusCode()).isEqualTo(204);
    assertThat(session.get("/api/me").statusCode()).isEqualTo(401);
  }

  @Test
  void meSaysRoleOrgAndScope() throws Exception {
    JsonNode me = JSON.readTree(HttpSession.login(base(), "gd-manager", PASSWORD).get("/api/me?locale=en").body());
    assertThat(me.path("role").asText()).isEqualTo("manager");
    assertThat(me.path("org").path("code").asText()).isEqualTo("P440000");
    assertThat(me.path("scope").path("level").asText()).isEqualTo("region.province");
    assertThat(me.path("scope").path("key").asText()).isEqualTo("440000");
    assertThat(me.path("scope").path("caption").asText()).isEqualTo("Guangdong");
  }

  @Test
  void aTokenNeedsNoCsrfAndStopsWorkingWhenRevoked() throws Exception {
    HttpSession ana = HttpSession.login(base(), "ana", PASSWORD);
    HttpResponse<String> created = ana.send("POST", "/api/tokens", "{\"name\":\"excel\",\"days\":30}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String token = JSON.readTree(created.body()).path("token").asText();
    String id = JSON.readTree(created.body()).path("info").path("publicId").asText();
    assertThat(token).startsWith("tc_" + id + "_");
    assertThat(created.body()).doesNotContain("secretSha256");

    assertThat(withToken(token, "POST", "/api/cubes/revenue/query", QUERY).statusCode()).isEqualTo(200);
    assertThat(ana.send("DELETE", "/api/tokens/" + id, null).statusCode()).isEqualTo(204);
    HttpResponse<String> revoked = withToken(token, "POST", "/api/cubes/revenue/query", QUERY);
    assertThat(revoked.statusCode()).isEqualTo(401);
    assertThat(code(revoked)).isEqualTo("bad_token");
    HttpResponse<String> garbage = withToken("tc_nope_nope", "GET", "/api/cubes", null);
    assertThat(garbage.statusCode()).isEqualTo(401);
    HttpResponse<String> basic = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/cubes"))
        .header("Authorization", "Basic YWRtaW46YWRtaW4=").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(basic.statusCode()).isEqualTo(401);
  }

  @Test
  void eachRoleReachesItsOwnPartOnly() throws Exception {
    Map<String, HttpSession> as = Map.of("ana", HttpSession.login(base(), "ana", PASSWORD),
        "gd-manager", HttpSession.login(base(), "gd-manager", PASSWORD),
        "loader", HttpSession.login(base(), "loader", PASSWORD));
    String[][] cases = {
        // who, method, path, body, status
        {"ana", "POST", "/api/cubes/revenue/query", QUERY, "200"},
        {"ana", "GET", "/api/churn/at-risk?month=2025-06", null, "403"},
        {"ana", "GET", "/api/users", null, "403"},
        {"ana", "GET", "/api/warehouse", null, "403"},
        {"gd-manager", "GET", "/api/cubes/revenue/members/time.month", null, "200"},
        {"gd-manager", "POST", "/api/cubes/revenue/query", QUERY, "403"},
        {"gd-manager", "GET", "/api/reports", null, "200"},
        {"gd-manager", "GET", "/api/schedules", null, "200"},
        {"loader", "GET", "/api/cubes", null, "403"},
        {"loader", "GET", "/api/reports", null, "403"},
        {"loader", "GET", "/api/warehouse", null, "200"},
        {"loader", "GET", "/api/me", null, "200"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = as.get(c[0]).send(c[1], c[2], c[3]);
      assertThat(r.statusCode()).as(String.join(" ", c[0], c[1], c[2]) + ": " + r.body())
          .isEqualTo(Integer.parseInt(c[4]));
      if (r.statusCode() == 403) {
        assertThat(code(r)).isEqualTo("forbidden");
      }
    }
  }

  @Test
  void aFirstLoginMustChangeThePasswordFirst() {
    users.add(new UserService.NewUser("newcomer", null, null, "analyst", "HQ", "one-time-password-1", true));
    HttpSession s = HttpSession.login(base(), "newcomer", "one-time-password-1");
    HttpResponse<String> blocked = s.send("POST", "/api/cubes/revenue/query", QUERY);
    assertThat(blocked.statusCode()).isEqualTo(403);
    assertThat(code(blocked)).isEqualTo("password_change_required");
    assertThat(code(s.send("POST", "/api/me/password",
        "{\"currentPassword\":\"one-time-password-1\",\"newPassword\":\"short\"}"))).isEqualTo("weak_password");
    assertThat(s.send("POST", "/api/me/password",
        "{\"currentPassword\":\"one-time-password-1\",\"newPassword\":\"my-own-password-2\"}").statusCode())
        .isEqualTo(204);
    assertThat(s.send("POST", "/api/cubes/revenue/query", QUERY).statusCode()).isEqualTo(200);
  }

  @Test
  void aDisabledUserIsLoggedOutAndLocksAfterFiveWrongPasswords() {
    users.add(new UserService.NewUser("leaver", null, null, "analyst", "HQ", PASSWORD, false));
    HttpSession s = HttpSession.login(base(), "leaver", PASSWORD);
    HttpResponse<String> disable = withTokenUnchecked(TestUsers.ADMIN_TOKEN, "PUT", "/api/users/leaver",
        "{\"enabled\":false}");
    assertThat(disable.statusCode()).as(disable.body()).isEqualTo(200);
    assertThat(s.get("/api/me").statusCode()).isEqualTo(401);
    assertThat(new HttpSession(base()).logIn("leaver", PASSWORD).statusCode()).isEqualTo(401);

    users.add(new UserService.NewUser("forgetful", null, null, "analyst", "HQ", PASSWORD, false));
    for (int i = 0; i < 5; i++) {
      assertThat(code(new HttpSession(base()).logIn("forgetful", "wrong-password-" + i))).isEqualTo("bad_credentials");
    }
    HttpResponse<String> locked = new HttpSession(base()).logIn("forgetful", PASSWORD);
    assertThat(locked.statusCode()).isEqualTo(401);
    assertThat(code(locked)).isEqualTo("account_locked");
  }

  @Test
  void answersCarrySecurityHeadersAndNoCorsForStrangers() throws Exception {
    for (String path : List.of("/login.html", "/api/cubes", "/api/nothing-here")) {
      HttpResponse<String> r = withTokenUnchecked(TestUsers.ADMIN_TOKEN, "GET", path, null);
      assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).as(path)
          .contains("default-src 'self'").contains("frame-ancestors 'none'");
      assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
    }
    HttpResponse<String> cors = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/cubes"))
        .header("Origin", "https://evil.example").header("Authorization", TestUsers.adminBearer()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(cors.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/schedules/1/send-now"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isBetween(400, 499);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private HttpResponse<String> withToken(String token, String method, String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> withTokenUnchecked(String token, String method, String path, String json) {
    try {
      return withToken(token, method, path, json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String code(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body()).path("code").asText();
    } catch (Exception e) {
      return "not JSON: " + r.body();
    }
  }

  private static String detail(HttpResponse<String> r) {
    try {
      return JSON.readTree(r.body()).path("detail").asText();
    } catch (Exception e) {
      return "not JSON: " + r.body();
    }
  }
}
