package org.telecube.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.telecube.server.testing.TestInstance;

/**
 * {@code telecube user} as an operator runs it, as its own process beside a running server on the
 * same data directory: the user and token it makes work on that server at once, a disabled user's
 * token stops, and a mistake is one line naming the field.
 */
class UserCommandTest {
  private static TestInstance server;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startServer() {
    server = TestInstance.start(Map.of());
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aUserAndTokenMadeOnTheCommandLineWorkOnTheRunningServerUntilDisabled() throws Exception {
    CliProcess.Run add = user("add", "li.na", "--role", "manager", "--org", "P440000", "--email",
        "li.na@telecube.test", "--one-time");
    assertThat(add.code()).as(add.toString()).isZero();
    assertThat(add.out()).contains("Added li.na (manager, P440000); one-time password: ");

    CliProcess.Run token = user("token", "create", "li.na", "--name", "excel");
    assertThat(token.code()).as(token.toString()).isZero();
    String bearer = token.out().strip();
    assertThat(bearer).startsWith("tc_");
    HttpResponse<String> me = me(bearer);
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(me.body()).contains("\"role\":\"manager\"").contains("\"key\":\"440000\"");

    CliProcess.Run list = user("list");
    assertThat(list.out()).contains("li.na").contains("P440000").contains("li.na@telecube.test");
    assertThat(user("token", "list", "li.na").out()).contains("excel");

    assertThat(user("disable", "li.na").code()).isZero();
    // a running server re-reads users and tokens within its 10-second cache
    await().atMost(Duration.ofSeconds(30)).until(() -> me(bearer).statusCode() == 401);
  }

  @Test
  void aMistakeIsOneLineNamingTheField() throws Exception {
    CliProcess.Run role = user("add", "bob", "--role", "root", "--one-time");
    assertThat(role.code()).isNotZero();
    assertThat(role.err().strip().lines()).as(role.toString()).hasSize(1);
    assertThat(role.err()).contains("role").contains("root");
    CliProcess.Run org = user("add", "bob", "--role", "analyst", "--org", "P999999", "--one-time");
    assertThat(org.err()).contains("org").contains("P999999");
    CliProcess.Run nobody = user("token", "create", "nobody");
    assertThat(nobody.code()).isNotZero();
    assertThat(nobody.err()).contains("nobody");
  }

  private HttpResponse<String> me(String bearer) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url("/api/me")))
        .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static CliProcess.Run user(String... args) throws Exception {
    List<String> all = new java.util.ArrayList<>(List.of("--data-dir", server.dataDir().toString(), "user"));
    all.addAll(List.of(args));
    return CliProcess.run(List.of("-Duser.language=en"), Map.of(), all.toArray(String[]::new));
  }
}
