package org.telecube.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

/**
 * A server with small rate limits, over real HTTP: a token or a session user past its allowance
 * gets 429 {@code rate_limited} with Retry-After in problem JSON, in the request's language, while
 * other callers go on; login attempts are limited per client address whoever they name.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PER_MINUTE = 5;
  private static final int LOGINS_PER_MINUTE = 3;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
    // after the test users' (high) limits: the later value of a name wins
    registry.add("telecube.security.rate-limit.per-minute", () -> PER_MINUTE);
    registry.add("telecube.security.rate-limit.login-per-minute", () -> LOGINS_PER_MINUTE);
  }

  @LocalServerPort
  int port;
  @Autowired
  UserService users;

  private final HttpClient http = HttpClient.newHttpClient();
  private String one;
  private String two;
  private String threeToken;
  private HttpSession three;

  @BeforeAll
  void users() {
    for (String name : new String[] {"one", "two", "three"}) {
      users.add(new UserService.NewUser(name, null, null, "analyst", "HQ", AuthApiTest.PASSWORD, false));
    }
    one = users.createToken("one", "tests", null).secret();
    two = users.createToken("two", "tests", null).secret();
    threeToken = users.createToken("three", "tests", null).secret();
    three = HttpSession.login(base(), "three", AuthApiTest.PASSWORD); // one of the address's login attempts
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void aTokenPastItsAllowanceGets429WithRetryAfterAndOthersGoOn() throws Exception {
    for (int i = 0; i < PER_MINUTE; i++) {
      assertThat(get(one, "/api/me").statusCode()).as("request " + (i + 1)).isEqualTo(200);
    }
    HttpResponse<String> limited = get(one, "/api/me?locale=en");
    assertThat(limited.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    // 5 a minute come back one every 12 s
    assertThat(retryAfter).isBetween(1L, 60L);
    assertThat(limited.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(limited.body());
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(problem.path("code").asText()).isEqualTo("rate_limited");
    assertThat(problem.path("retryAfter").asLong()).isEqualTo(retryAfter);
    assertThat(problem.path("detail").asText()).startsWith("too many requests");
    assertThat(JSON.readTree(get(one, "/api/me").body()).path("detail").asText()).startsWith("请求过于频繁");

    // another user, static files and the health probe are not held back
    assertThat(get(two, "/api/me").statusCode()).isEqualTo(200);
    assertThat(get(one, "/css/telecube.css").statusCode()).isEqualTo(200);
    assertThat(get(one, "/api/health").statusCode()).isEqualTo(200);
  }

  @Test
  void aSessionUserHasAnAllowanceApartFromTheirTokens() throws Exception {
    for (int i = 0; i < PER_MINUTE; i++) {
      assertThat(three.get("/api/me").statusCode()).as("request " + (i + 1)).isEqualTo(200);
    }
    HttpResponse<String> limited = three.get("/api/me");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(JSON.readTree(limited.body()).path("code").asText()).isEqualTo("rate_limited");
    assertThat(get(threeToken, "/api/me").statusCode()).isEqualTo(200);
  }

  @Test
  void loginAttemptsAndRefusedTokensAreLimitedPerClientAddress() throws Exception {
    HttpSession guesser = new HttpSession(base());
    HttpResponse<String> r = null;
    int attempts = 0;
    // wrong passwords and made-up tokens by turns; the set-up's login took one attempt already
    while (attempts <= LOGINS_PER_MINUTE) {
      boolean password = attempts % 2 == 0;
      r = password ? guesser.logIn("one", "wrong-password-" + attempts)
          : get("tc_madeup" + attempts + "_0123456789abcdefghijklmnopqrstuv", "/api/me");
      attempts++;
      if (r.statusCode() != 401) {
        break;
      }
      assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo(password ? "bad_credentials" : "bad_token");
    }
    assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
    assertThat(attempts).isLessThanOrEqualTo(LOGINS_PER_MINUTE);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("rate_limited");
    // the address waits whatever it tries next; a caller with a good token does not
    assertThat(new HttpSession(base()).logIn("two", AuthApiTest.PASSWORD).statusCode()).isEqualTo(429);
    assertThat(get("tc_madeup_0123456789abcdefghijklmnopqrstuv", "/api/me").statusCode()).isEqualTo(429);
    assertThat(get(two, "/api/me").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String token, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofString());
  }
}
