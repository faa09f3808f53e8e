package org.telecube.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
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

/** {@code /api/schedules} over HTTP: every bad field named, fire times in the schedule's zone, CRUD. */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScheduleApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @ParameterizedTest(name = "{0} = {1} → {2}")
  @CsvSource(delimiter = '|', value = {
      "name       | ''                  | missing_name",
      "reportId   | monthly-profit      | unknown_report",
      "scope      | atlantis            | unknown_scope",
      "cron       | 0 0 8 1 *           | bad_cron",
      "cron       | * * * * * ?         | too_frequent",
      "cron       | 0 0 8 1 1 ? 2020    | never_fires",
      "timeZone   | Asia/Shang          | unknown_time_zone",
      "timeZone   | +08:00x             | unknown_time_zone",
      "locale     | fr                  | unknown_locale",
      "format     | docx                | unknown_format",
      "subject    | {report} for {boss} | unknown_placeholder"})
  void aBadFieldIsRefusedByName(String field, String value, String code) throws Exception {
    ObjectNode body = valid();
    body.put(field, value);
    HttpResponse<String> response = send("POST", "/api/schedules", body.toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(problem.path("code").asText()).isEqualTo(code);
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
        t -> assertThat(t).startsWith("application/problem+json"));
  }

  @Test
  void badRecipientsAreNamedToo() throws Exception {
    ObjectNode bad = valid();
    bad.putArray("to").add("boss@example.com").add("not an address");
    assertProblem(send("POST", "/api/schedules", bad.toString()), 400, "to[1]", "bad_address");
    ObjectNode none = valid();
    none.putArray("to");
    assertProblem(send("POST", "/api/schedules", none.toString()), 400, "to", "missing_recipient");
    ObjectNode badCc = valid();
    badCc.putArray("cc").add("a@@b");
    assertProblem(send("POST", "/api/schedules", badCc.toString()), 400, "cc[0]", "bad_address");
    ObjectNode offset = valid();
    offset.put("monthOffset", 1);
    assertProblem(send("POST", "/api/schedules", offset.toString()), 400, "monthOffset", "bad_month_offset");
    ObjectNode owner = valid();
    owner.put("owner", "x".repeat(101));
    assertProblem(send("POST", "/api/schedules", owner.toString()), 400, "owner", "too_long");
    assertProblem(send("POST", "/api/schedules", "{\"name\": "), 400, "body", "malformed_body");
  }

  @Test
  void thePreviewGivesTheNextFiveTimesInTheSchedulesZone() throws Exception {
    JsonNode preview = JSON.readTree(send("GET", "/api/schedules/preview?cron=0+0+8+1+*+%3F&timeZone=Asia/Shanghai",
        null).body());
    List<OffsetDateTime> times = new ArrayList<>();
    preview.path("fireTimes").forEach(t -> times.add(OffsetDateTime.parse(t.asText())));
    // by hand: 08:00 Beijing time on the 1st of each of the next five months
    ZonedDateTime first = ZonedDateTime.now(SHANGHAI).withDayOfMonth(1).withHour(8).withMinute(0).withSecond(0)
        .withNano(0);
    if (!first.isAfter(ZonedDateTime.now(SHANGHAI))) {
      first = first.plusMonths(1);
    }
    List<OffsetDateTime> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add(first.plusMonths(i).toOffsetDateTime());
    }
    assertThat(times).containsExactlyElementsOf(expected);
    assertThat(preview.path("fireTimes").get(0).asText()).endsWith("T08:00:00+08:00");

    JsonNode kolkata = JSON.readTree(send("GET", "/api/schedules/preview?cron=0+30+9+*+*+%3F&timeZone=Asia/Kolkata",
        null).body());
    assertThat(kolkata.path("fireTimes")).hasSize(5)
        .allSatisfy(t -> assertThat(t.asText()).endsWith("T09:30:00+05:30"));
    assertProblem(send("GET", "/api/schedules/preview?cron=nonsense", null), 400, "cron", "bad_cron");
  }

  @Test
  void createReadReplaceDisableDelete() throws Exception {
    HttpResponse<String> created = send("POST", "/api/schedules", valid().toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode view = JSON.readTree(created.body());
    long id = view.path("schedule").path("id").asLong();
    assertThat(created.headers().firstValue("location")).hasValue("/api/schedules/" + id);
    assertThat(view.path("schedule").path("timeZone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(view.path("schedule").path("monthOffset").asInt()).isEqualTo(-1);
    assertThat(view.path("schedule").path("subject").asText()).isEqualTo("{report} · {scope} · {month}");
    assertThat(view.path("nextRun").asText()).endsWith("T08:00:00+08:00");
    assertThat(view.path("lastRun").isNull()).isTrue();

    JsonNode list = JSON.readTree(send("GET", "/api/schedules", null).body());
    assertThat(list.findValues("name")).extracting(JsonNode::asText).contains("华南收入月报");

    ObjectNode weekly = valid();
    weekly.put("cron", "0 30 7 ? * MON");
    weekly.put("timeZone", "Asia/Kolkata");
    JsonNode replaced = JSON.readTree(send("PUT", "/api/schedules/" + id, weekly.toString()).body());
    OffsetDateTime next = OffsetDateTime.parse(replaced.path("nextRun").asText());
    assertThat(next.getOffset().getId()).isEqualTo("+05:30");
    assertThat(next.getDayOfWeek().getValue()).isEqualTo(1);
    assertThat(next.toLocalTime().toString()).isEqualTo("07:30");

    ObjectNode off = valid();
    off.put("enabled", false);
    JsonNode disabled = JSON.readTree(send("PUT", "/api/schedules/" + id, off.toString()).body());
    assertThat(disabled.path("nextRun").isNull()).isTrue();

    assertThat(send("DELETE", "/api/schedules/" + id, null).statusCode()).isEqualTo(204);
    assertProblem(send("GET", "/api/schedules/" + id, null), 404, "id", "unknown_schedule");
    assertProblem(send("PUT", "/api/schedules/" + id, valid().toString()), 404, "id", "unknown_schedule");
    assertProblem(send("POST", "/api/schedules/" + id + "/send-now", ""), 404, "id", "unknown_schedule");
  }

  @Test
  void aScheduleMayNameAFixedMonthWhichItsDeliveriesReport() throws Exception {
    ObjectNode fixed = valid();
    fixed.put("month", SampleWarehouse.LAST_MONTH.toString());
    HttpResponse<String> created = send("POST", "/api/schedules", fixed.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode schedule = JSON.readTree(created.body()).path("schedule");
    long id = schedule.path("id").asLong();
    assertThat(schedule.path("month").asText()).isEqualTo("2025-06");
    assertThat(schedule.path("monthOffset").isNull()).isTrue();
    assertThat(JSON.readTree(send("GET", "/api/schedules/" + id, null).body()).path("schedule").path("month").asText())
        .isEqualTo("2025-06");

    // whenever it fires (now, December 2026 or later), the delivery is of the named month
    assertThat(send("POST", "/api/schedules/" + id + "/send-now", "").statusCode()).isEqualTo(202);
    JsonNode delivery = null;
    for (int i = 0; i < 300 && delivery == null; i++) {
      JsonNode list = JSON.readTree(send("GET", "/api/deliveries?scheduleId=" + id, null).body());
      delivery = list.isEmpty() ? null : list.get(0);
      Thread.sleep(100);
    }
    assertThat(delivery).as("a delivery of the fixed-month schedule").isNotNull();
    assertThat(delivery.path("reportMonth").asText()).isEqualTo("2025-06");

    // back to a month relative to the fire time: the fixed month goes
    ObjectNode relative = valid();
    relative.put("monthOffset", -2);
    JsonNode replaced = JSON.readTree(send("PUT", "/api/schedules/" + id, relative.toString()).body()).path("schedule");
    assertThat(replaced.path("monthOffset").asInt()).isEqualTo(-2);
    assertThat(replaced.path("month").isNull()).isTrue();
    assertThat(send("DELETE", "/api/schedules/" + id, null).statusCode()).isEqualTo(204);
  }

  @ParameterizedTest(name = "month = \"{0}\" → {1}")
  @CsvSource(delimiter = '|', value = {
      "2025-13  | bad_date",
      "June     | bad_date",
      "2025-6   | bad_date",
      "''       | missing_month",
      "1999-12  | bad_date"})
  void aBadFixedMonthIsRefusedByName(String month, String code) throws Exception {
    ObjectNode body = valid();
    body.put("month", month);
    assertProblem(send("POST", "/api/schedules", body.toString()), 400, "month", code);
  }

  @Test
  void aFixedMonthAndAnOffsetTogetherAreRefused() throws Exception {
    ObjectNode both = valid();
    both.put("month", "2025-11");
    both.put("monthOffset", -1);
    assertProblem(send("POST", "/api/schedules", both.toString()), 400, "month", "month_and_offset");
  }

  @Test
  void theDeliveryHistoryRefusesBadFilters() throws Exception {
    assertProblem(send("GET", "/api/deliveries?status=lost", null), 400, "status", "unknown_status");
    assertProblem(send("GET", "/api/deliveries?limit=0", null), 400, "limit", "bad_limit");
    assertThat(send("GET", "/api/deliveries?status=sent", null).statusCode()).isEqualTo(200);
    assertProblem(send("GET", "/api/deliveries/987654", null), 404, "id", "unknown_delivery");
  }

  private static ObjectNode valid() {
    ObjectNode s = JSON.createObjectNode();
    s.put("name", "华南收入月报");
    s.put("reportId", "monthly-revenue");
    s.put("scope", "south");
    s.put("cron", "0 0 8 1 * ?");
    s.putArray("to").add("区域经理 <manager@example.com>");
    return s;
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("field").asText()).isEqualTo(field);
    assertThat(problem.path("code").asText()).isEqualTo(code);
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b = TestUsers.request(URI.create("http://127.0.0.1:" + port + path))
        .header("content-type", "application/json");
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
