package org.telecube.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestUsers;

/**
 * Every client mistake is a 4xx problem naming the field, in the request's language, over real
 * HTTP: the cases that were 500s, parameters the endpoints do not read, the language of the
 * detail, and a few hundred malformed requests none of which may get a 5xx or a Java name.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClientMistakesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What must never reach a client: Java packages, exception names, framework internals. */
  private static final Pattern JAVA = Pattern.compile("java\\.|javax\\.|jakarta\\.|org\\.|com\\.fasterxml|Exception"
      + "|springframework|\\bat [a-z]+\\.[a-z]+\\.");

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  // ------------------------------------------------------------------ 6: what were 500s

  @Test
  void aRecipientLongerThanTheColumnIsNamed() throws Exception {
    ObjectNode s = schedule();
    s.putArray("to").add("boss@example.com").add("a".repeat(5000) + "@example.com");
    assertProblem(send("POST", "/api/schedules", s.toString(), "en"), 400, "to[1]", "too_long");
    ObjectNode cc = schedule();
    cc.putArray("cc").add("x".repeat(4990) + "@example.com");
    assertProblem(send("POST", "/api/schedules", cc.toString(), "en"), 400, "cc[0]", "too_long");
  }

  @Test
  void recipientsLongerThanTheColumnTogetherAreNamed() throws Exception {
    ObjectNode s = schedule();
    var to = s.putArray("to");
    for (int i = 0; i < 20; i++) {
      to.add("r" + i + "-" + "a".repeat(200) + "@example.com");
    }
    assertProblem(send("POST", "/api/schedules", s.toString(), "en"), 400, "to", "too_long");
  }

  @Test
  void aBodyOverTheBoundIsA413BeforeItIsRead() throws Exception {
    String big = "{\"measures\":[\"revenue\"],\"rows\":[\"" + "x".repeat(2 * 1024 * 1024) + "\"]}";
    HttpResponse<String> declared = send("POST", "/api/cubes/revenue/query", big, "zh-CN");
    assertProblem(declared, 413, "null", "too_large");
    assertThat(JSON.readTree(declared.body()).path("detail").asText()).isEqualTo("请求太大。");

    // chunked: no length to refuse up front, so the stream is cut off past the bound
    String chunked = "{\"measures\":[\"revenue\"],\"rows\":[\"" + "y".repeat(1536 * 1024) + "\"]}";
    HttpRequest request = TestUsers.request(uri("/api/cubes/revenue/query"))
        .header("content-type", "application/json").header("Accept-Language", "en")
        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(chunked))).build();
    assertProblem(http.send(request, HttpResponse.BodyHandlers.ofString()), 413, "null", "too_large");
  }

  @Test
  void aNulInAScheduleNameIsNamed() throws Exception {
    ObjectNode s = schedule();
    s.put("name", "华南\u0000月报");
    assertProblem(send("POST", "/api/schedules", s.toString(), "en"), 400, "name", "control_character");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "null name       | {\"inbox\":[null]}                                 | 400 | inbox[0] | missing_path",
      "NUL in a name   | {\"inbox\":[\"a\\u0000b.csv\"]}                     | 404 | inbox[0] | not_in_inbox",
      "a path          | {\"inbox\":[\"/tmp/nope.csv\"]}                     | 404 | inbox[0] | not_in_inbox",
      "blank name      | {\"inbox\":[\" \"]}                                  | 400 | inbox[0] | missing_path",
      "no files        | {\"inbox\":[]}                                     | 400 | inbox    | missing_files",
      "unknown feed    | {\"inbox\":[\"nope.csv\"],\"feed\":\"x\"}              | 400 | feed     | unknown_feed",
      "inbox a string  | {\"inbox\":\"x\"}                                    | 400 | inbox    | malformed_body",
      "paths           | {\"files\":[\"/tmp/nope.csv\"],\"inbox\":[\"a.csv\"]} | 400 | files    | paths_not_accepted"})
  void badEtlBatchesNameTheFile(String name, String body, int status, String field, String code) throws Exception {
    assertProblem(send("POST", "/api/etl/batches", body, "en"), status, field, code);
  }

  @Test
  void theErrorPathIsNoPage() throws Exception {
    for (String accept : List.of("text/html", "application/json", "*/*")) {
      HttpResponse<String> r = http.send(TestUsers.request(uri("/error")).header("Accept", accept).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(accept).isEqualTo(404);
      assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
      assertThat(r.body()).doesNotContain("Whitelabel", "<html");
      assertThat(JSON.readTree(r.body()).path("code").asText()).isEqualTo("not_found");
    }
    HttpResponse<String> nowhere = send("GET", "/api/nowhere", null, "en");
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(nowhere.body()).path("code").asText()).isEqualTo("not_found");
  }

  @Test
  void badRequestParametersAreNamedWithoutJavaTypes() throws Exception {
    HttpResponse<String> limit = send("GET", "/api/churn/at-risk?month=2025-06&limit=lots", null, "en");
    assertProblem(limit, 400, "limit", "bad_parameter");
    HttpResponse<String> id = send("GET", "/api/schedules/abc", null, "en");
    assertProblem(id, 400, "id", "bad_parameter");
    HttpResponse<String> body = send("POST", "/api/cubes/revenue/query", "{\"measures\":[\"revenue\"],\"limit\":\"x\"}",
        "en");
    assertProblem(body, 400, "limit", "malformed_body");
    assertThat(JSON.readTree(body.body()).path("detail").asText()).doesNotContain("Integer", "java");
  }

  // ------------------------------------------------------------------ 11: one name, no silent parameters

  @Test
  void theCatalogNamesTheParameterTheEndpointReads() throws Exception {
    JsonNode catalog = JSON.readTree(send("GET", "/api/reports", null, null).body());
    for (JsonNode report : catalog) {
      assertThat(report.path("parameters").findValuesAsText("name")).contains("locale").doesNotContain("language");
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "GET  | /api/reports/monthly-revenue?month=2025-06&language=en | language",
      "GET  | /api/reports/monthly-revenue?month=2025-06&lang=en     | lang",
      "GET  | /api/reports?locale=en                                 | locale",
      "GET  | /api/cubes?lang=en                                     | lang",
      "GET  | /api/cubes/revenue/members/region.city?parnt=440000     | parnt",
      "POST | /api/cubes/revenue/query?locale=en                     | locale",
      "POST | /api/cubes/revenue/export?format=csv&limit=5           | limit",
      "GET  | /api/churn/at-risk?month=2025-06&regoin=south          | regoin"})
  void anUnknownQueryParameterIsRefusedByName(String method, String path, String parameter) throws Exception {
    String body = method.equals("POST") ? "{\"measures\":[\"revenue\"]}" : null;
    HttpResponse<String> r = send(method, path, body, "en");
    assertProblem(r, 400, parameter, "unknown_parameter");
    assertThat(JSON.readTree(r.body()).path("detail").asText()).contains(parameter);
  }

  @Test
  void aMissingMonthHasOneCode() throws Exception {
    assertProblem(send("GET", "/api/reports/monthly-revenue", null, "en"), 400, "month", "missing_month");
    assertProblem(send("GET", "/api/reports/monthly-revenue?month=", null, "en"), 400, "month", "missing_month");
  }

  @Test
  void theReportReadsLocale() throws Exception {
    HttpResponse<String> r = send("GET", "/api/reports/monthly-revenue?month=2025-06&locale=fr", null, null);
    assertProblem(r, 400, "locale", "unknown_locale");
    assertThat(send("GET", "/api/reports/monthly-revenue?month=2025-06&locale=en&format=html", null, null)
        .body()).contains("Monthly revenue");
  }

  // ------------------------------------------------------------------ 16: the detail in the request's language

  @Test
  void theDetailIsInTheRequestsLanguage() throws Exception {
    String month = "/api/reports/monthly-revenue?month=2025-13";
    // no locale, no Accept-Language: Chinese, the default
    assertThat(detail(send("GET", month, null, null))).isEqualTo("月份“2025-13”格式不对（应为 YYYY-MM）。");
    assertThat(detail(send("GET", month, null, "en-US,en;q=0.9"))).isEqualTo("bad month \"2025-13\" (expected YYYY-MM)");
    assertThat(detail(send("GET", month, null, "fr-FR, en;q=0.5"))).startsWith("bad month");
    assertThat(detail(send("GET", month, null, "zh-CN,zh;q=0.9,en;q=0.8"))).startsWith("月份");
    assertThat(detail(send("GET", month, null, "%%not a header"))).startsWith("月份");
    // the locale parameter beats the header
    assertThat(detail(send("GET", month + "&locale=en", null, "zh-CN"))).startsWith("bad month");
    assertThat(detail(send("GET", month + "&locale=zh-CN", null, "en"))).startsWith("月份");
    assertThat(detail(send("GET", "/api/churn/at-risk?month=2025-13", null, null))).isEqualTo("日期“2025-13”格式不对（应为 YYYY-MM）。");
  }

  @Test
  void aQueryBodysLocaleChoosesTheLanguage() throws Exception {
    String bad = "{\"measures\":[\"revenue\",\"nope\"],\"locale\":\"%s\"}";
    assertThat(detail(send("POST", "/api/cubes/revenue/query", bad.formatted("en"), "zh-CN")))
        .startsWith("unknown measure \"nope\" of cube revenue");
    assertThat(detail(send("POST", "/api/cubes/revenue/query", bad.formatted("zh-CN"), "en")))
        .startsWith("立方体 revenue 中没有指标“nope”");
  }

  @Test
  void scheduleMistakesAreInOneLanguage() throws Exception {
    ObjectNode s = schedule();
    s.put("name", "");
    HttpResponse<String> zh = send("POST", "/api/schedules", s.toString(), null);
    assertProblem(zh, 400, "name", "missing_name");
    assertThat(detail(zh)).isEqualTo("请填写名称。");
    assertThat(detail(send("POST", "/api/schedules", s.toString(), "en"))).isEqualTo("name is required");
    ObjectNode cron = schedule();
    cron.put("cron", "0 0 8 1 *");
    assertThat(detail(send("POST", "/api/schedules", cron.toString(), null))).startsWith("cron 表达式“0 0 8 1 *”无效")
        .doesNotContain("Unexpected", "expression");
  }

  // ------------------------------------------------------------------ the class-level guard

  /**
   * A few hundred malformed requests to the query, schedule, ETL, report and churn endpoints: bad
   * JSON, wrong types, huge strings, NUL and other control characters, unknown fields and
   * parameters. None may be answered with a 5xx or name a Java type, in either language.
   */
  @Test
  void noMalformedRequestGetsA5xxOrAJavaName() throws Exception {
    Random random = new Random(20251205);
    List<String> values = List.of("\"\"", "\" \"", "null", "0", "-1", "1e309", "99999999999999999999", "true",
        "[]", "{}", "[null]", "[1,2]", "[\"\"]", "[\"\\u0000\"]", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\u001b[31m\"",
        "\"" + "x".repeat(5000) + "\"", "[\"" + "y".repeat(5000) + "\"]", "\"../../../../etc/passwd\"",
        "\"2025-13\"", "\"fr\"", "\"region.\"", "\".\"", "\"{boss}\"", "{\"a\":{\"b\":[]}}", "\"\\ud800\"");
    List<String> bodies = new ArrayList<>(List.of("", "{", "[", "nul", "{\"a\":", "\"just a string\"", "42",
        "[]", "null", "{\"measures\":[\"revenue\"]}garbage", "\u0000", "{\"measures\":[\"revenue\"],}"));
    record Target(String method, String path, List<String> fields) {
    }
    List<Target> targets = List.of(
        new Target("POST", "/api/cubes/revenue/query", List.of("cube", "measures", "rows", "columns", "filters",
            "order", "limit", "locale", "totals", "timeIntelligence", "unknownField")),
        new Target("POST", "/api/cubes/revenue/export", List.of("measures", "rows", "filters", "locale", "limit")),
        new Target("POST", "/api/schedules", List.of("name", "reportId", "monthOffset", "scope", "format", "locale",
            "cron", "timeZone", "to", "cc", "subject", "enabled", "owner", "extra")),
        new Target("POST", "/api/etl/batches", List.of("inbox", "files", "feed", "other")));
    int sent = 0;
    for (Target target : targets) {
      for (String body : bodies) {
        check(target.method(), target.path(), body, sent++);
      }
      for (int i = 0; i < 60; i++) {
        ObjectNode base = target.path().contains("schedules") ? schedule()
            : target.path().contains("etl") ? JSON.createObjectNode() : query();
        StringBuilder json = new StringBuilder(base.toString());
        json.setLength(json.length() - 1);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
          String field = target.fields().get(random.nextInt(target.fields().size()));
          String value = values.get(random.nextInt(values.size()));
          if (field.equals("filters") && random.nextBoolean()) {
            value = "[{\"level\":" + values.get(random.nextInt(values.size())) + ",\"members\":"
                + values.get(random.nextInt(values.size())) + ",\"from\":" + values.get(random.nextInt(values.size()))
                + "}]";
          }
          json.append(json.length() > 1 ? "," : "").append('"').append(field).append("\":").append(value);
        }
        json.append('}');
        check(target.method(), target.path(), json.toString(), sent++);
      }
    }
    List<String> gets = List.of("/api/reports/monthly-revenue?month=%s", "/api/reports/monthly-churn?month=2025-06&scope=%s",
        "/api/reports/monthly-revenue?month=2025-06&format=%s", "/api/reports/%s?month=2025-06",
        "/api/reports/monthly-revenue?month=2025-06&locale=%s", "/api/churn/at-risk?month=%s",
        "/api/churn/churned?month=2025-06&limit=%s", "/api/churn/at-risk?month=2025-06&region=%s",
        "/api/cubes/revenue/members/%s", "/api/cubes/revenue/members/region.city?parent=%s", "/api/cubes/%s",
        "/api/cubes?locale=%s", "/api/schedules/%s", "/api/schedules/preview?cron=%s",
        "/api/schedules/preview?cron=0+0+8+1+*+%%3F&timeZone=%s", "/api/deliveries?status=%s", "/api/deliveries?limit=%s",
        "/api/deliveries/%s", "/api/reports/monthly-revenue?%s=1");
    List<String> raw = List.of(" ", "2025-13", "-1", "abc", "\u0000", "a\u0000b", "x".repeat(5000),
        "99999999999999999999", "../../etc/passwd", "%", "南方", "\u001b", "{}");
    for (String get : gets) {
      for (String value : raw) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
        check("GET", get.formatted(encoded), null, sent++);
      }
    }
    // uploads: JSON where multipart belongs, and broken multipart bodies
    for (String body : bodies) {
      check("POST", "/api/etl/uploads", body, sent++);
    }
    for (String body : List.of("", "--x", "--x\r\n", "--x\r\nContent-Disposition: form-data; name=\"files\"\r\n\r\nx",
        "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"../../etc/passwd\"\r\n\r\nx\r\n--x--\r\n",
        "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a\u0000.csv\"\r\n\r\nx\r\n--x--\r\n",
        "--x\r\nContent-Disposition: form-data; name=\"feed\"\r\n\r\n\u0000\r\n--x--\r\n",
        "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + "y".repeat(5000) + "\"\r\n\r\nx\r\n--x--\r\n")) {
      HttpResponse<String> r = send("POST", "/api/etl/uploads", "multipart/form-data; boundary=x", body,
          sent % 2 == 0 ? "en" : null);
      assertClean(r, "multipart " + abbreviate(body));
      sent++;
    }
    // wrong methods and media types
    check("DELETE", "/api/reports/monthly-revenue", null, sent++);
    check("PUT", "/api/cubes/revenue/query", "{}", sent++);
    HttpResponse<String> text = http.send(TestUsers.request(uri("/api/schedules")).header("content-type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("name=x")).build(), HttpResponse.BodyHandlers.ofString());
    assertClean(text, "text/plain POST");
    assertThat(sent).isGreaterThan(300);
  }

  private void check(String method, String path, String body, int n) throws Exception {
    String language = n % 2 == 0 ? null : "en";
    assertClean(send(method, path, body, language), method + " " + abbreviate(path) + " " + abbreviate(body));
  }

  private static void assertClean(HttpResponse<String> r, String what) throws Exception {
    assertThat(r.statusCode()).as(what + " → " + abbreviate(r.body())).isLessThan(500);
    String type = r.headers().firstValue("content-type").orElse("");
    if (r.statusCode() >= 400) {
      assertThat(type).as(what + " → " + abbreviate(r.body())).contains("json");
      JsonNode problem = JSON.readTree(r.body());
      assertThat(problem.path("code").asText()).as(what + " → " + abbreviate(r.body())).isNotBlank();
      assertThat(problem.path("detail").asText()).as(what).isNotBlank();
      assertThat(JAVA.matcher(r.body()).find()).as(what + " → " + abbreviate(r.body())).isFalse();
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private static ObjectNode schedule() {
    ObjectNode s = JSON.createObjectNode();
    s.put("name", "华南收入月报");
    s.put("reportId", "monthly-revenue");
    s.put("scope", "south");
    s.put("cron", "0 0 8 1 * ?");
    s.putArray("to").add("manager@example.com");
    return s;
  }

  private static ObjectNode query() {
    ObjectNode q = JSON.createObjectNode();
    q.putArray("measures").add("revenue");
    q.putArray("rows").add("region.province");
    return q;
  }

  private static String detail(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    return JSON.readTree(response.body()).path("detail").asText();
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field, String code)
      throws Exception {
    assertThat(response.statusCode()).as(abbreviate(response.body())).isEqualTo(status);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(JAVA.matcher(problem.path("detail").asText()).find()).as(problem.path("detail").asText()).isFalse();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(String method, String path, String body, String acceptLanguage) throws Exception {
    return send(method, path, "application/json", body, acceptLanguage);
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body, String acceptLanguage)
      throws Exception {
    HttpRequest.Builder b = TestUsers.request(uri(path)).header("content-type", contentType);
    if (acceptLanguage != null) {
      b.header("Accept-Language", acceptLanguage);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
