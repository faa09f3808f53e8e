package org.telecube.server.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.Multipart;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestInstance;
import org.telecube.server.testing.TestUsers;

/**
 * Loads without a client naming a path on the server, over real HTTP: uploads (multipart, names
 * reduced and checked, limits answered with a 413 the client reads, nothing left in the spool)
 * and the inbox (names only; a miss, a directory, a way out by {@code ..}, an absolute path or a
 * link are one and the same 404).
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BILLING_HEADER = "bill_month,subscriber_id,plan_code,charge_item,amount,paid_amount,"
      + "due_date,paid_date";
  private static Path inbox;
  private static Path outside;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) throws IOException {
    SampleWarehouse.register(registry);
    Path dir = Files.createTempDirectory("telecube-inbox-test");
    inbox = dir.resolve("inbox");
    // a real feed file next to the inbox: no way of naming it may reach it
    outside = Files.writeString(dir.resolve("billing_2025-06-outside.csv"), BILLING_HEADER + "\n");
    registry.add("telecube.etl.inbox", inbox::toString);
    // small limits so that an oversized upload is quick to send; a body past Tomcat's default
    // 2 MB swallow would be cut off with a reset unless the server swallows it all
    registry.add("telecube.etl.max-upload", () -> "1MB");
    registry.add("telecube.etl.max-upload-file", () -> "600KB");
    registry.add("telecube.etl.max-upload-files", () -> "6");
  }

  @LocalServerPort
  int port;

  @Value("${telecube.data-dir}")
  String dataDir;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anUploadedCorrectionLoadsAndTheAnswerChangesByIt() throws Exception {
    BigDecimal before = juneRevenue();
    // the same bill with 100.00 more: a correction replaces the row by its key
    byte[] fix = (BILLING_HEADER + "\n" + billOfJune(1, new BigDecimal("100.00"))).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> r = send(upload(new Multipart().file("files", "billing_2025-06-fix1.csv", fix)));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode summary = JSON.readTree(r.body());
    assertThat(summary.path("files")).hasSize(1);
    assertThat(summary.path("files").get(0).path("fileName").asText()).isEqualTo("billing_2025-06-fix1.csv");
    assertThat(summary.path("files").get(0).path("rowsLoaded").asLong()).isEqualTo(1);
    assertThat(juneRevenue()).isEqualByComparingTo(before.add(new BigDecimal("100.00")));
    assertSpoolEmpty();
  }

  @Test
  void aPathInTheFileNameIsReducedToItsName() throws Exception {
    // browsers and scripts may send a whole path: only the last name counts, and a refusal names only it
    byte[] broken = "bill_month,subscriber_id\n2025-06,S1\n".getBytes(StandardCharsets.UTF_8);
    for (String name : List.of("../../etc/billing_2025-06-evil.csv", "C:\\feeds\\billing_2025-06-evil.csv")) {
      HttpResponse<String> r = send(upload(new Multipart().file("files", name, broken)));
      assertProblem(r, 400, "files", "batch_refused");
      JsonNode problem = JSON.readTree(r.body());
      assertThat(problem.path("problems")).hasSize(1);
      assertThat(problem.path("problems").get(0).asText()).startsWith("billing_2025-06-evil.csv: missing required column");
      assertThat(r.body()).doesNotContain("..", "etc", "feeds", dataDir, "spool");
    }
    assertSpoolEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "billing 2025-06.csv", "billing_2025-06.txt", "billing_2025-06.CSV", "账单_2025-06.csv",
      "billing_2025-06.csv.zip", "..", "/", "a;b.csv"})
  void aFileNameTheServerDoesNotTakeIsRefusedByItsField(String name) throws Exception {
    HttpResponse<String> r = send(upload(new Multipart()
        .file("files", "billing_2025-06-a.csv", "x".getBytes(StandardCharsets.UTF_8))
        .file("files", name, "x".getBytes(StandardCharsets.UTF_8))).header("Accept-Language", "en"));
    assertProblem(r, 400, "files[1]", "bad_file_name");
    assertThat(JSON.readTree(r.body()).path("detail").asText()).startsWith("files[1]: a feed file's name is 1 to 128");
    assertSpoolEmpty();
  }

  @Test
  void otherMistakesOfAnUploadAreNamed() throws Exception {
    byte[] x = "x".getBytes(StandardCharsets.UTF_8);
    assertProblem(send(upload(new Multipart().file("files", "a".repeat(125) + ".csv", x))), 400, "files[0]",
        "bad_file_name");
    assertProblem(send(upload(new Multipart().file("files", "billing_a.csv", x).file("files", "x/billing_a.csv", x))),
        400, "files[1]", "duplicate_file_name");
    assertProblem(send(upload(new Multipart().field("feed", "billing"))), 400, "files", "missing_files");
    assertProblem(send(upload(new Multipart().file("files", "b.csv", x).field("feed", "bills"))), 400, "feed",
        "unknown_feed");
    assertProblem(send(upload(new Multipart().file("files", "b.csv", x).field("other", "1"))), 400, "other",
        "unknown_parameter");
    assertProblem(send(request("/api/etl/uploads").header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"files\":[\"/etc/passwd\"]}"))), 415, "files", "not_multipart");
    assertProblem(send(request("/api/etl/uploads").header("content-type", "multipart/form-data; boundary=zz")
        .POST(HttpRequest.BodyPublishers.ofString("--zz\r\nContent-Disposition: form-data; name=\"files\"; filena"))),
        400, "body", "bad_multipart");
    assertSpoolEmpty();
  }

  @Test
  void anUploadOverTheLimitsIsA413TheClientReads() throws Exception {
    // the whole request over telecube.etl.max-upload (1 MB), declared up front: refused before
    // anything is read, and read to its end so the client, still sending, gets the answer
    byte[] big = ("x".repeat(1023) + "\n").repeat(24 * 1024).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> whole = send(upload(new Multipart().file("files", "billing_2025-06-big.csv", big))
        .header("Accept-Language", "en"));
    assertProblem(whole, 413, "null", "too_large");
    assertThat(JSON.readTree(whole.body()).path("detail").asText()).isEqualTo("the request is too large");
    // one file over telecube.etl.max-upload-file (600 KB) in a request under the whole's limit
    byte[] file = ("y".repeat(1023) + "\n").repeat(700).getBytes(StandardCharsets.UTF_8);
    assertProblem(send(upload(new Multipart().file("files", "billing_2025-06-big.csv", file))), 413, "null",
        "too_large");
    // more parts than the server takes in one request
    Multipart many = new Multipart();
    for (int i = 0; i < 7; i++) {
      many.file("files", "billing_2025-06-" + i + ".csv", "x".getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> parts = send(upload(many).header("Accept-Language", "en"));
    assertProblem(parts, 413, "files", "too_many_parts");
    assertThat(JSON.readTree(parts.body()).path("detail").asText()).startsWith("more than 6 parts");
    // and the server still answers on
    assertThat(send(request("/api/etl/inbox").GET()).statusCode()).isEqualTo(200);
    assertSpoolEmpty();
  }

  @Test
  void theInboxListsItsFeedFilesAndLoadsThemByName() throws Exception {
    Files.createDirectories(inbox);
    String fix = BILLING_HEADER + "\n" + billOfJune(2, new BigDecimal("7.00"));
    Files.writeString(inbox.resolve("billing_2025-06-fix2.csv"), fix);
    Files.writeString(inbox.resolve("notes.txt"), "not a feed");
    Files.createDirectories(inbox.resolve("old.csv"));
    Files.createSymbolicLink(inbox.resolve("billing_2025-06-link.csv"), outside);
    JsonNode listing = JSON.readTree(send(request("/api/etl/inbox").GET()).body());
    assertThat(listing.path("files").findValuesAsText("name")).contains("billing_2025-06-fix2.csv")
        .doesNotContain("notes.txt", "old.csv", "billing_2025-06-link.csv");
    for (JsonNode f : listing.path("files")) {
      if (f.path("name").asText().equals("billing_2025-06-fix2.csv")) {
        assertThat(f.path("size").asLong()).isEqualTo(fix.getBytes(StandardCharsets.UTF_8).length);
        assertThat(f.path("modified").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
      }
    }
    assertThat(listing.toString()).doesNotContain(inbox.toString());

    BigDecimal before = juneRevenue();
    HttpResponse<String> r = send(batch("{\"inbox\":[\"billing_2025-06-fix2.csv\"]}"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(JSON.readTree(r.body()).path("files").get(0).path("fileName").asText()).isEqualTo("billing_2025-06-fix2.csv");
    assertThat(juneRevenue()).isEqualByComparingTo(before.add(new BigDecimal("7.00")));
  }

  @Test
  void everyNameThatIsNoFileOfTheInboxGetsTheSameAnswer() throws Exception {
    Files.createDirectories(inbox.resolve("a-directory.csv"));
    Files.writeString(inbox.resolve("billing_2025-06.txt"), BILLING_HEADER + "\n");
    Path link = inbox.resolve("billing_2025-06-escape.csv");
    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(link, outside);
    }
    List<String> names = List.of("billing_2025-06-nope.csv", "../" + outside.getFileName(), outside.toString(),
        "/etc/passwd", "a-directory.csv", "billing_2025-06.txt", ".csv", "billing_2025-06-escape.csv", "..", ".", "a\u0000b.csv",
        "inbox/../../" + outside.getFileName(), "..\\" + outside.getFileName());
    String reference = null;
    for (String name : names) {
      ObjectNode body = JSON.createObjectNode();
      body.putArray("inbox").add(name);
      HttpResponse<String> r = send(batch(body.toString()).header("Accept-Language", "en"));
      assertProblem(r, 404, "inbox[0]", "not_in_inbox");
      JsonNode problem = JSON.readTree(r.body());
      assertThat(problem.path("detail").asText()).isEqualTo("no feed file named " + name + " in the inbox");
      // byte for byte the same answer apart from the name
      String same = r.body().replace(JSON.writeValueAsString(name).replaceAll("^\"|\"$", ""), "NAME");
      if (reference == null) {
        reference = same;
      }
      assertThat(same).as(name).isEqualTo(reference);
      assertThat(r.body()).doesNotContain(inbox.toString(), dataDir);
    }
    HttpResponse<String> zh = send(batch("{\"inbox\":[\"/etc/passwd\"]}"));
    assertThat(JSON.readTree(zh.body()).path("detail").asText()).isEqualTo("收件目录中没有名为 /etc/passwd 的数据文件。");
  }

  @Test
  void aRefusedInboxBatchNamesTheFileOnly() throws Exception {
    Files.createDirectories(inbox);
    Files.writeString(inbox.resolve("billing_2025-06-short.csv"), "bill_month,subscriber_id\n2025-06,S1\n");
    HttpResponse<String> r = send(batch("{\"inbox\":[\"billing_2025-06-short.csv\"]}"));
    assertProblem(r, 400, "inbox", "batch_refused");
    assertThat(JSON.readTree(r.body()).path("problems").get(0).asText())
        .startsWith("billing_2025-06-short.csv: missing required column");
    assertThat(r.body()).doesNotContain(inbox.toString(), dataDir);
  }

  @Test
  void pathsAreNoLongerAccepted() throws Exception {
    for (String files : List.of("[\"" + outside + "\"]", "[]", "\"x\"", "null")) {
      HttpResponse<String> r = send(batch("{\"files\":" + files + "}").header("Accept-Language", "en"));
      assertProblem(r, 400, "files", "paths_not_accepted");
      assertThat(JSON.readTree(r.body()).path("detail").asText()).contains("/api/etl/uploads", "inbox");
    }
  }

  @Test
  void theOpenApiDescriptionShowsTheUploadAsMultipartAndNoPaths() throws Exception {
    JsonNode paths = JSON.readTree(send(request("/v3/api-docs").GET()).body()).path("paths");
    assertThat(paths.path("/api/etl/uploads").path("post").path("requestBody").path("content")
        .has("multipart/form-data")).isTrue();
    assertThat(paths.path("/api/etl/inbox").has("get")).isTrue();
    JsonNode batches = paths.path("/api/etl/batches").path("post");
    assertThat(batches.isMissingNode()).isFalse();
    assertThat(JSON.readTree(send(request("/v3/api-docs").GET()).body()).path("components").path("schemas")
        .path("BatchRequest").path("properties").fieldNames()).toIterable().containsExactlyInAnyOrder("inbox", "feed");
  }

  @Test
  void aCrashsLeftoversGoAtStartAndOnlyTheServersUserMayReadTheSpool() throws Exception {
    Path data = SampleWarehouse.get().copyTo(Files.createTempDirectory("telecube-spool-test").resolve("data"));
    Path spool = Files.createDirectories(data.resolve("spool"));
    Path batch = Files.createDirectories(spool.resolve("0b7ec3d2-5a0e-4c1f-9a53-2f9d1c0e8b11"));
    Files.writeString(batch.resolve("billing_2025-06.csv"), BILLING_HEADER);
    Files.writeString(Files.createDirectories(spool.resolve("upload")).resolve("upload_1.tmp"), "x");
    Path foreign = Files.writeString(spool.resolve("keep.txt"), "not the server's");
    try (TestInstance server = TestInstance.start(Map.of("telecube.data-dir", data.toString()))) {
      assertThat(batch).doesNotExist();
      assertThat(spool.resolve("upload")).isEmptyDirectory();
      assertThat(foreign).exists();
      assertThat(server.port()).isPositive();
    }
    Path mine = Path.of(dataDir).resolve("spool");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mine))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mine.resolve("upload"))))
        .isEqualTo("rwx------");
    assertThat(inbox).isDirectory();
  }

  // ------------------------------------------------------------------ helpers

  /** Revenue of June 2025 as the server answers it now. */
  private BigDecimal juneRevenue() throws Exception {
    HttpResponse<String> r = send(request("/api/cubes/revenue/query").header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"measures\":[\"revenue\"],"
            + "\"filters\":[{\"level\":\"time.month\",\"members\":[\"2025-06\"]}]}")));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).path("cells").get(0).path("revenue").decimalValue();
  }

  /**
   * Bill {@code line} of June in the sample's feed, its amount raised by {@code more}; each test
   * corrects a bill of its own, so that the order they run in does not matter.
   */
  private static String billOfJune(int line, BigDecimal more) throws IOException {
    List<String> lines = Files.readAllLines(SampleWarehouse.get().feeds().resolve("billing_2025-06.csv"));
    assertThat(lines.get(0)).isEqualTo(BILLING_HEADER);
    String[] row = lines.get(line).split(",", -1);
    row[4] = new BigDecimal(row[4]).add(more).toPlainString();
    return String.join(",", row);
  }

  /** Nothing of any upload is left: neither the parts Tomcat wrote nor a batch's directory. */
  private void assertSpoolEmpty() {
    Path spool = Path.of(dataDir).resolve("spool");
    // the container deletes its part files when the request is recycled, just after the answer
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(files(spool)).isEmpty());
  }

  private static List<Path> files(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> !p.equals(dir) && !p.equals(dir.resolve("upload"))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertProblem(HttpResponse<String> r, int status, String field, String code) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
    JsonNode problem = JSON.readTree(r.body());
    assertThat(problem.path("field").asText()).as(r.body()).isEqualTo(field);
    assertThat(problem.path("code").asText()).as(r.body()).isEqualTo(code);
  }

  private HttpRequest.Builder upload(Multipart body) {
    return request("/api/etl/uploads").header("content-type", body.contentType()).POST(body.publisher());
  }

  private HttpRequest.Builder batch(String json) {
    return request("/api/etl/batches").header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  /** Every request of this test starts here. */
  private HttpRequest.Builder request(String path) {
    return TestUsers.request(URI.create("http://127.0.0.1:" + port + path));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
