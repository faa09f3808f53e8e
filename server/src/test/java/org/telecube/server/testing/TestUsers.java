package org.telecube.server.testing;

import java.net.http.HttpRequest;
import java.util.Map;

/**
 * The users every test server starts with: the first admin, with a known password and a known API
 * token made at its first start ({@code telecube.admin.*}), and bcrypt at its cheapest work factor
 * so logins cost tests nothing. Tests that need other roles create them through the API or
 * {@code UserService}. Rate limits are far above what any test sends (LoadApiTest's 50 concurrent
 * clients, the bad-input suite), so a 429 never hides what a test checks.
 */
public final class TestUsers {
  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  public static final String ADMIN_TOKEN = "tc_testadmin_" + "0123456789abcdefghijklmnopqrstuv";

  private TestUsers() {
  }

  /** Gives a Spring test server these users. */
  public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
    properties().forEach((k, v) -> registry.add(k, () -> v));
  }

  /** The properties that give a server these users. */
  public static Map<String, String> properties() {
    return Map.of("telecube.admin.password", ADMIN_PASSWORD, "telecube.admin.token", ADMIN_TOKEN,
        "telecube.security.bcrypt-strength", "4", "telecube.security.rate-limit.per-minute", "1000000",
        "telecube.security.rate-limit.login-per-minute", "1000000");
  }

  /** {@code Authorization: Bearer} for the admin. */
  public static String adminBearer() {
    return "Bearer " + ADMIN_TOKEN;
  }

  /** A request to {@code uri} as the admin (bearer token, so no CSRF token is needed). */
  public static HttpRequest.Builder request(java.net.URI uri) {
    return HttpRequest.newBuilder(uri).header("Authorization", adminBearer());
  }

  /** {@code request} as the admin. */
  public static HttpRequest.Builder asAdmin(HttpRequest.Builder request) {
    return request.header("Authorization", adminBearer());
  }
}
