package org.telecube.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestInstance;
import org.telecube.warehouse.Warehouse;
import picocli.CommandLine;
import org.telecube.server.testing.TestUsers;

/**
 * The command line in the state the quick start leaves you in: a server holds the warehouse file.
 * The server runs in this JVM on a copy of the sample warehouse; each command runs as its own
 * process, as a user runs it, on the same data directory.
 */
class CliBesideServerTest {
  private static TestInstance server;

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

  @ParameterizedTest
  @ValueSource(strings = {"query", "report", "serve", "demo", "generate", "etl", "etl load", "bench",
      "churn-evaluate", "analysis-settings"})
  void everyCommandPrintsItsUsageForHelpAndSucceeds(String command) {
    StringWriter out = new StringWriter();
    CommandLine cl = TelecubeCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add("--help");
    assertThat(cl.execute(args.toArray(String[]::new))).isZero();
    assertThat(out.toString()).startsWith("Usage: telecube " + command);
  }

  @Test
  void queryGoesThroughTheServerAndPrintsTheSameTable() throws Exception {
    CliProcess.Run run = cli("--data-dir", server.dataDir().toString(), "query", "--server", server.url(""),
        "--cube", "revenue", "--measures", "revenue", "--rows", "time.month", "--locale", "en");
    assertThat(run.code()).as(run.toString()).isZero();
    // the month's revenue as summed by hand from the billing feed file, formatted as the table does
    BigDecimal june = SampleWarehouse.get().billedAmount(SampleWarehouse.LAST_MONTH);
    String expected = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(june);
    assertThat(run.out()).contains(expected).contains("2 rows");
  }

  @Test
  void reportGoesThroughTheServerAndWritesTheFile() throws Exception {
    Path out = Files.createTempDirectory("telecube-cli-report").resolve("revenue.pdf");
    CliProcess.Run run = cli("--data-dir", server.dataDir().toString(), "report", "--server", server.url(""),
        "--id", "monthly-revenue", "--month", SampleWarehouse.LAST_MONTH.toString(), "--out", out.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    byte[] pdf = Files.readAllBytes(out);
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(run.out()).contains("Wrote " + out.toAbsolutePath());
  }

  @Test
  void aServerRefusingItsQuerySaysWhyInOneLine() throws Exception {
    CliProcess.Run run = cli("--data-dir", server.dataDir().toString(), "query", "--server", server.url(""),
        "--cube", "revenue", "--measures", "nope");
    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("measures").contains("nope");
  }

  @Test
  void serveOnAFileAnotherProcessHoldsSaysSoInOneLine() throws Exception {
    CliProcess.Run run = cli("--data-dir", server.dataDir().toString(), "serve", "--port", "0");
    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
    assertThat(run.err()).contains("cannot serve").contains("in use by another process");
    assertThat(run.out()).isBlank();

    // in a Chinese terminal, in Chinese
    CliProcess.Run zh = cli(List.of("-Duser.language=zh", "-Duser.country=CN"), "--data-dir", server.dataDir().toString(),
        "serve", "--port", "0");
    assertThat(zh.code()).as(zh.toString()).isNotZero();
    assertThat(zh.err().strip().lines()).as(zh.toString()).hasSize(1);
    assertThat(zh.err()).contains("无法启动服务").contains("正被另一个进程占用");
  }

  @Test
  void withoutATokenTheServerSaysWhichToGet() throws Exception {
    CliProcess.Run run = CliProcess.run(List.of(), java.util.Map.of("TELECUBE_TOKEN", ""), "--data-dir",
        server.dataDir().toString(), "query", "--server", server.url(""), "--cube", "revenue", "--measures", "revenue");
    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
    assertThat(run.err()).contains("TELECUBE_TOKEN").contains("telecube user token create");
  }

  @Test
  void loadRefusesAServerThatHoldsAnotherWarehouse() throws Exception {
    Path other = SampleWarehouse.get().copyTo(Files.createTempDirectory("telecube-other").resolve("data"));
    try (Warehouse held = Warehouse.openEmbedded(other)) { // this JVM holds the other warehouse's file
      CliProcess.Run run = cli("--data-dir", other.toString(), "etl", "load", "--server", server.url(""),
          SampleWarehouse.get().feeds().toString());
      assertThat(run.code()).as(run.toString()).isNotZero();
      assertThat(run.err()).contains("holds another warehouse").contains(server.dataDir().toRealPath().toString());
      assertThat(run.out()).doesNotContain("Batch");
    }
  }

  @Test
  void filesTheServerAlreadyLoadedAreReportedAsSkipped() throws Exception {
    // the directory is expanded here and its files uploaded: the server reads no path of the client's
    CliProcess.Run run = cli("--data-dir", server.dataDir().toString(), "etl", "load", "--server", server.url(""),
        SampleWarehouse.get().feeds().toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("handing the batch to " + server.url(""))
        .containsPattern("billing_2025-06\\.csv: skipped, already loaded in batch \\d+")
        .containsPattern("Batch \\d+: \\d+ files \\(\\d+ skipped\\)");
    // nothing of the upload stays on the server
    Path spool = server.dataDir().resolve("spool");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      try (Stream<Path> left = Files.walk(spool)) {
        assertThat(left.filter(Files::isRegularFile).toList()).isEmpty();
      }
    });
  }

  @Test
  void aFileTheServerDoesNotTakeIsNamedByItsPath() throws Exception {
    Path odd = Files.copy(SampleWarehouse.get().feeds().resolve("billing_2025-06.csv"),
        Files.createTempDirectory("telecube-cli-upload").resolve("billing 2025-06.csv"));
    CliProcess.Run run = cli("--data-dir", server.dataDir().toString(), "etl", "load", "--server", server.url(""),
        odd.toString());
    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
    assertThat(run.err()).contains("HTTP 400").contains(odd.toString()).contains("a feed file's name is")
        .doesNotContain("files[0]");
    // the server's words in the terminal's language, as the command line's own
    CliProcess.Run zh = cli(List.of("-Duser.language=zh", "-Duser.country=CN"), "--data-dir",
        server.dataDir().toString(), "etl", "load", "--server", server.url(""), odd.toString());
    assertThat(zh.err()).as(zh.toString()).contains(odd.toString()).contains("数据文件名须为");
  }

  /** Runs {@code telecube args...} as its own JVM on this test's classpath. */
  private static CliProcess.Run cli(String... args) throws IOException, InterruptedException {
    return cli(List.of(), args);
  }

  private static CliProcess.Run cli(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    return CliProcess.run(jvmOptions, java.util.Map.of("TELECUBE_TOKEN", TestUsers.ADMIN_TOKEN), args);
  }
}
