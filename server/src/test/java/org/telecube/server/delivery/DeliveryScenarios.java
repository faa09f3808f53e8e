package org.telecube.server.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telecube.reports.data.ReportNumbers;
import org.telecube.server.cli.TelecubeCommand;
import org.telecube.server.schedule.Schedule;
import org.telecube.server.schedule.ScheduleRequest;
import org.telecube.server.schedule.ScheduleService;
import org.telecube.server.security.UserService;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestInstance;
import org.telecube.server.testing.TestUsers;

/**
 * Scheduled delivery end to end against a real SMTP server (GreenMail): real Quartz on a real
 * metadata store, real reports from a generated warehouse, servers started, stopped, killed and
 * run side by side. Each scenario counts the mails that arrive: one, never zero, never two.
 * Subclasses choose the metadata store (H2 file, PostgreSQL).
 */
abstract class DeliveryScenarios {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata"); // a half-hour offset, +05:30
  private static final Duration MISSED_AFTER = Duration.ofSeconds(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();
  private MailBox mail;
  private Store store;

  /** A metadata store of its own for one test. */
  record Store(String url, String username, String password) {
  }

  abstract Store newStore(String name);

  @BeforeEach
  void freshStoreAndMailBox() {
    mail = new MailBox();
    open.add(mail);
    store = newStore("s" + System.nanoTime());
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void firesAtItsTimeInItsOwnZoneAndMailsThePdfWithTheMonthsNumbers() throws Exception {
    mail.up();
    TestInstance server = start("a", Map.of());
    Instant at = soon(4);
    ScheduleService schedules = server.bean(ScheduleService.class);
    Schedule schedule = schedules.create(oneShot("全国收入月报", at, KOLKATA, true, "manager@telecube.test"));
    assertThat(schedules.view(schedule.id()).nextRun()).isEqualTo(at.atZone(KOLKATA).toOffsetDateTime());

    MimeMessage message = awaitMails(1).get(0);
    assertThat(message.getSubject()).isEqualTo("月度收入报告 · 全国 · 2025年6月");
    assertThat(message.getRecipients(Message.RecipientType.TO))
        .containsExactly(new InternetAddress("manager@telecube.test"));
    String revenue = ReportNumbers.yuan(SampleWarehouse.get().billedAmount(SampleWarehouse.LAST_MONTH));
    assertThat(MailBox.html(message)).contains("月度收入报告", "2025年6月", revenue);
    Map<String, byte[]> attachments = MailBox.attachments(message);
    assertThat(attachments).containsOnlyKeys("monthly-revenue_2025-06_all.pdf");
    try (PDDocument pdf = Loader.loadPDF(attachments.get("monthly-revenue_2025-06_all.pdf"))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("月度收入报告", "2025年6月", revenue);
    }

    Delivery d = awaitSent(server, schedule.id());
    assertThat(d.attempts()).isEqualTo(1);
    assertThat(d.fireTime()).isEqualTo(at);
    assertThat(d.reportMonth()).isEqualTo("2025-06");
    assertThat(message.getMessageID()).isEqualTo(d.messageId());
    // sent within seconds of its Kolkata time: not hours off because of the JVM's own zone
    assertThat(Duration.between(at, d.sentAt())).isBetween(Duration.ZERO, Duration.ofSeconds(60));
  }

  /**
   * "Every province manager": each receives, once, the report of their own province — not the
   * city manager, the analyst, the disabled manager or the one without an email — and a repeat of
   * the firing sends nothing again. Created over HTTP as an admin would.
   */
  @Test
  void aBurstSendsEachProvinceManagerTheirOwnProvinceOnce() throws Exception {
    mail.up();
    TestInstance server = start("a", Map.of());
    JsonNode provinces = JSON.readTree(get(server.port(), "/api/cubes/revenue/members/region.province").body())
        .path("members");
    assertThat(provinces.size()).as("the sample spans several provinces").isGreaterThanOrEqualTo(3);
    UserService users = server.bean(UserService.class);
    Map<String, String[]> managers = new HashMap<>(); // email -> province key, caption
    for (int i = 0; i < 3; i++) {
      String key = provinces.get(i).path("key").asText();
      String email = "manager-" + key + "@telecube.test";
      users.add(new UserService.NewUser("manager-" + key, null, email, "manager", "P" + key, "password-for-" + key,
          false));
      managers.put(email, new String[] {key, provinces.get(i).path("caption").asText()});
    }
    String first = provinces.get(0).path("key").asText();
    users.add(new UserService.NewUser("analyst-" + first, null, "analyst@telecube.test", "analyst", "P" + first,
        "password-for-analyst", false));
    users.add(new UserService.NewUser("no-mail-" + first, null, null, "manager", "P" + first, "password-for-x", false));
    users.add(new UserService.NewUser("gone-" + first, null, "gone@telecube.test", "manager", "P" + first,
        "password-for-gone", false));
    users.setEnabled("gone-" + first, false);

    Instant at = soon(6);
    ScheduleRequest shot = oneShot("省分月报", at, SHANGHAI, true, "x@telecube.test");
    ScheduleRequest burst = new ScheduleRequest(shot.name(), shot.reportId(), shot.monthOffset(), null, null,
        "pdf", "zh-CN", shot.cron(), shot.timeZone(), List.of(), List.of(), null, true, null,
        new ScheduleRequest.Audience("manager", "province"));
    HttpResponse<String> created = post(server.port(), "/api/schedules", JSON.writeValueAsString(burst));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    long id = JSON.readTree(created.body()).path("schedule").path("id").asLong();

    List<MimeMessage> messages = awaitMails(3);
    assertNoMoreMailThan(3);
    for (MimeMessage m : messages) {
      assertThat(m.getRecipients(Message.RecipientType.TO)).hasSize(1);
      assertThat(m.getRecipients(Message.RecipientType.CC)).isNull();
      String to = ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
      String[] own = managers.remove(to);
      assertThat(own).as("a mail to " + to + ", once").isNotNull();
      Map<String, byte[]> attachments = MailBox.attachments(m);
      String file = "monthly-revenue_" + SampleWarehouse.LAST_MONTH + "_" + own[0] + ".pdf";
      assertThat(attachments).containsOnlyKeys(file);
      assertThat(m.getSubject()).contains(own[1]);
      try (PDDocument pdf = Loader.loadPDF(attachments.get(file))) {
        String text = new PDFTextStripper().getText(pdf);
        assertThat(text).contains(own[1]).doesNotContain("全国");
        for (int i = 0; i < 3; i++) {
          String caption = provinces.get(i).path("caption").asText();
          if (!caption.equals(own[1])) {
            assertThat(text).as(to + " gets another province's numbers").doesNotContain(caption);
          }
        }
      }
    }
    assertThat(managers).as("every province manager got theirs").isEmpty();
    JsonNode history = JSON.readTree(get(server.port(), "/api/deliveries?scheduleId=" + id).body());
    assertThat(history.size()).isEqualTo(3);
    history.forEach(d -> assertThat(d.path("status").asText()).isEqualTo("SENT"));

    // the same firing delivered again (a recovery, another instance) finds every delivery and sends none
    server.bean(Deliverer.class).deliver(server.bean(org.telecube.server.schedule.ScheduleService.class).get(id),
        JSON.readTree(get(server.port(), "/api/deliveries?scheduleId=" + id).body()).path(0).path("idempotencyKey")
            .asText().replaceAll("#user:.*$", ""), at, TriggerKind.SCHEDULED);
    assertNoMoreMailThan(3);
    // sending it now is a new firing: each manager once more
    assertThat(post(server.port(), "/api/schedules/" + id + "/send-now", "").statusCode()).isEqualTo(202);
    awaitMails(6);
    assertNoMoreMailThan(6);
  }

  @Test
  void smtpDownThenUpIsDeliveredExactlyOnceAfterRetrying() throws Exception {
    TestInstance server = start("a", Map.of());
    ScheduleService schedules = server.bean(ScheduleService.class);
    Schedule schedule = schedules.create(oneShot("retry", soon(3600), SHANGHAI, true, "retry@telecube.test"));
    schedules.sendNow(schedule.id());
    DeliveryRepository deliveries = server.bean(DeliveryRepository.class);
    await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.recent(schedule.id(), DeliveryStatus.RETRYING, 1)
        .stream().anyMatch(d -> d.error() != null && d.error().contains("onnect")));

    mail.up();
    awaitMails(1);
    Delivery d = awaitSent(server, schedule.id());
    assertThat(d.attempts()).isGreaterThanOrEqualTo(2);
    assertThat(d.triggerKind()).isEqualTo(TriggerKind.MANUAL);
    assertNoMoreMailThan(1);
  }

  @Test
  void aRunMissedWhileNoServerWasUpIsSentOnceWhenOneIsBack() throws Exception {
    Instant at;
    try (TestInstance first = start("first", Map.of())) {
      at = soon(5);
      first.bean(ScheduleService.class).create(oneShot("missed", at, SHANGHAI, true, "missed@telecube.test"));
    }
    assertThat(Instant.now()).as("the first server stopped before the fire time").isBefore(at);
    sleepUntil(at.plus(MISSED_AFTER).plusSeconds(1));
    mail.up();
    TestInstance second = start("second", Map.of());

    awaitMails(1);
    Delivery d = awaitSent(second, null);
    assertThat(d.triggerKind()).isEqualTo(TriggerKind.CATCH_UP);
    assertThat(d.fireTime()).isEqualTo(at);
    assertNoMoreMailThan(1);
  }

  @Test
  void aMissedRunIsRecordedAsSkippedUnderTheSkipPolicy() throws Exception {
    Instant at;
    try (TestInstance first = start("first", Map.of())) {
      at = soon(5);
      first.bean(ScheduleService.class).create(oneShot("skipped", at, SHANGHAI, true, "skipped@telecube.test"));
    }
    sleepUntil(at.plus(MISSED_AFTER).plusSeconds(1));
    mail.up();
    TestInstance second = start("second", Map.of("telecube.delivery.missed", "SKIP"));
    DeliveryRepository deliveries = second.bean(DeliveryRepository.class);
    await().atMost(Duration.ofSeconds(60)).until(() -> !deliveries.recent(null, DeliveryStatus.SKIPPED, 1).isEmpty());
    Delivery d = only(deliveries.recent(null, null, 10));
    assertThat(d.fireTime()).isEqualTo(at);
    assertThat(d.error()).contains("missed");
    assertThat(mail.received()).isEmpty();
  }

  @Test
  void aServerKilledWhileSendingIsRecoveredByAnotherAndTheMailGoesOutOnce() throws Exception {
    long scheduleId;
    try (BlackHoleSmtp hole = new BlackHoleSmtp()) {
      // The first server's SMTP server accepts connections and never answers: the delivery hangs
      // in SENDING until the server is killed (SIGKILL: no shutdown, no cleanup).
      startChildServer("child", hole.port);
      int port = childPort;
      JsonNode created = JSON.readTree(post(port, "/api/schedules", JSON.writeValueAsString(
          oneShot("killed", soon(3600), SHANGHAI, true, "recovered@telecube.test"))).body());
      scheduleId = created.path("schedule").path("id").asLong();
      assertThat(post(port, "/api/schedules/" + scheduleId + "/send-now", "").statusCode()).isEqualTo(202);
      await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(get(port, "/api/deliveries").body())
          .path(0).path("status").asText().equals("SENDING"));
      childProcess.destroyForcibly().waitFor();
    }
    mail.up();
    TestInstance survivor = start("survivor", Map.of());
    awaitMails(1, Duration.ofSeconds(90));
    Delivery d = awaitSent(survivor, scheduleId);
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(mail.received().get(0).getAllRecipients()).containsExactly(new InternetAddress("recovered@telecube.test"));
    assertNoMoreMailThan(1);
  }

  @Test
  void twoServersOnOneStoreSendEachScheduledReportOnce() throws Exception {
    mail.up();
    // Quartz keeps a cluster's connection providers in a JVM-wide registry by scheduler name, so
    // a second member of the same cluster runs in a JVM of its own, as it would in production.
    startChildServer("b", mail.port);
    TestInstance a = start("a", Map.of());
    Instant at = soon(5);
    List<String> recipients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      recipients.add("twin" + i + "@telecube.test");
      a.bean(ScheduleService.class).create(oneShot("twin " + i, at, SHANGHAI, true, recipients.get(i)));
    }
    awaitMails(4);
    assertNoMoreMailThan(4);
    List<String> got = new ArrayList<>();
    for (MimeMessage m : mail.received()) {
      got.add(((InternetAddress) m.getAllRecipients()[0]).getAddress());
    }
    assertThat(got).containsExactlyInAnyOrderElementsOf(recipients);
    DeliveryRepository repository = a.bean(DeliveryRepository.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> repository.recent(null, DeliveryStatus.SENT, 100).size() == 4);
    assertThat(repository.recent(null, null, 100)).hasSize(4).allMatch(d -> d.attempts() == 1);
  }

  @Test
  void aDisabledScheduleSendsNothing() throws Exception {
    mail.up();
    TestInstance server = start("a", Map.of());
    ScheduleService schedules = server.bean(ScheduleService.class);
    Instant at = soon(4);
    Schedule off = schedules.create(oneShot("off", at, SHANGHAI, false, "off@telecube.test"));
    // a later enabled schedule tells when the disabled one has had its chance
    schedules.create(oneShot("on", at.plusSeconds(2), SHANGHAI, true, "on@telecube.test"));
    assertThat(schedules.view(off.id()).nextRun()).isNull();

    awaitMails(1);
    assertThat(mail.received().get(0).getAllRecipients()).containsExactly(new InternetAddress("on@telecube.test"));
    assertThat(server.bean(DeliveryRepository.class).recent(off.id(), null, 10)).isEmpty();
  }

  @Test
  void deletingAScheduleCancelsItsPendingRetryAndNothingIsSentWhenSmtpIsBack() throws Exception {
    // a retry far enough away that the schedule is surely deleted while its delivery waits for it
    TestInstance server = start("a", Map.of("telecube.delivery.backoff", "6s", "telecube.delivery.max-backoff", "6s"));
    ScheduleService schedules = server.bean(ScheduleService.class);
    Schedule schedule = schedules.create(oneShot("cancel", soon(3600), SHANGHAI, true, "cancel@telecube.test"));
    Delivery retrying = awaitRetrying(server, schedule);

    schedules.delete(schedule.id());
    Delivery cancelled = server.bean(DeliveryRepository.class).find(retrying.id()).orElseThrow();
    assertThat(cancelled.status()).isEqualTo(DeliveryStatus.CANCELLED);
    assertThat(cancelled.nextAttemptAt()).isNull();
    assertThat(cancelled.scheduleId()).isNull();

    mail.up();
    sleepUntil(retrying.nextAttemptAt().plusSeconds(3));
    assertNoMoreMailThan(0);
    assertThat(server.bean(DeliveryRepository.class).find(retrying.id()).orElseThrow().status())
        .isEqualTo(DeliveryStatus.CANCELLED);
  }

  @Test
  void disablingAScheduleCancelsItsPendingRetryAndNothingIsSentWhenSmtpIsBack() throws Exception {
    TestInstance server = start("a", Map.of("telecube.delivery.backoff", "6s", "telecube.delivery.max-backoff", "6s"));
    ScheduleService schedules = server.bean(ScheduleService.class);
    ScheduleRequest on = oneShot("pause", soon(3600), SHANGHAI, true, "pause@telecube.test");
    Schedule schedule = schedules.create(on);
    Delivery retrying = awaitRetrying(server, schedule);

    schedules.replace(schedule.id(), new ScheduleRequest(on.name(), on.reportId(), on.monthOffset(), on.scope(),
        on.format(), on.locale(), on.cron(), on.timeZone(), on.to(), on.cc(), on.subject(), false, on.owner()));
    assertThat(server.bean(DeliveryRepository.class).find(retrying.id()).orElseThrow().status())
        .isEqualTo(DeliveryStatus.CANCELLED);
    assertThat(schedules.view(schedule.id()).lastRun().status()).isEqualTo("CANCELLED");

    mail.up();
    sleepUntil(retrying.nextAttemptAt().plusSeconds(3));
    assertNoMoreMailThan(0);
    assertThat(server.bean(DeliveryRepository.class).find(retrying.id()).orElseThrow().status())
        .isEqualTo(DeliveryStatus.CANCELLED);
  }

  /** Sends {@code schedule} now while SMTP is down; the delivery once it waits for its retry. */
  private static Delivery awaitRetrying(TestInstance server, Schedule schedule) {
    server.bean(ScheduleService.class).sendNow(schedule.id());
    DeliveryRepository deliveries = server.bean(DeliveryRepository.class);
    await().atMost(Duration.ofSeconds(60)).until(() -> !deliveries.recent(schedule.id(), DeliveryStatus.RETRYING, 1)
        .isEmpty());
    Delivery d = only(deliveries.recent(schedule.id(), DeliveryStatus.RETRYING, 1));
    assertThat(d.nextAttemptAt()).isAfter(Instant.now());
    return d;
  }

  // --- helpers ---

  private TestInstance start(String instanceId, Map<String, String> extra) {
    Map<String, String> p = new HashMap<>(properties(instanceId, mail.port));
    p.putAll(extra);
    TestInstance instance = TestInstance.start(p);
    open.add(instance);
    return instance;
  }

  private Map<String, String> properties(String instanceId, int smtpPort) {
    Map<String, String> p = new HashMap<>(TestUsers.properties());
    p.put("telecube.metadata.url", store.url());
    p.put("telecube.metadata.username", store.username());
    p.put("telecube.metadata.password", store.password());
    p.put("spring.mail.host", "127.0.0.1");
    p.put("spring.mail.port", String.valueOf(smtpPort));
    p.put("telecube.scheduler.instance-id", instanceId);
    p.put("telecube.scheduler.checkin-interval", "1s");
    p.put("telecube.delivery.backoff", "1s");
    p.put("telecube.delivery.max-backoff", "2s");
    p.put("telecube.delivery.missed-after", MISSED_AFTER.toSeconds() + "s");
    p.put("telecube.delivery.from", "TeleCube <reports@telecube.test>");
    return p;
  }

  private int childPort;
  private Process childProcess;

  /** A server in a JVM of its own (so it can be killed for real), up and answering. */
  private void startChildServer(String instanceId, int smtpPort) throws IOException {
    childPort = MailBox.freePort();
    Path dir = Files.createTempDirectory("telecube-child");
    Path data = SampleWarehouse.get().copyTo(dir.resolve("data"));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xmx1g", "-Duser.timezone=America/Bahia_Banderas"));
    Map<String, String> p = properties(instanceId, smtpPort);
    p.put("spring.mail.properties.mail.smtp.timeout", "300000");
    p.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of(TelecubeCommand.class.getName(), "--data-dir", data.toString(), "serve", "--port",
        String.valueOf(childPort)));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
    open.add(() -> child.destroyForcibly().waitFor());
    childProcess = child;
    int port = childPort;
    Path log = dir.resolve("child.log");
    await().atMost(Duration.ofSeconds(120)).ignoreExceptions().failFast("the child server died; see " + log,
        () -> !child.isAlive()).until(() -> get(port, "/api/schedules").statusCode() == 200);
  }

  /** A schedule that fires once, at {@code at} (to the second), written as a cron in {@code zone}. */
  static ScheduleRequest oneShot(String name, Instant at, ZoneId zone, boolean enabled, String to) {
    ZonedDateTime t = at.atZone(zone);
    String cron = String.format(Locale.ROOT, "%d %d %d %d %d ? %d", t.getSecond(), t.getMinute(), t.getHour(),
        t.getDayOfMonth(), t.getMonthValue(), t.getYear());
    int offset = (int) ChronoUnit.MONTHS.between(YearMonth.from(t), SampleWarehouse.LAST_MONTH);
    return new ScheduleRequest(name, "monthly-revenue", offset, null, "pdf", "zh-CN", cron, zone.getId(),
        List.of(to), List.of(), null, enabled, null);
  }

  static Instant soon(int seconds) {
    return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
  }

  private List<MimeMessage> awaitMails(int count) {
    return awaitMails(count, Duration.ofSeconds(60));
  }

  private List<MimeMessage> awaitMails(int count, Duration atMost) {
    await().atMost(atMost).until(() -> mail.received().size() >= count);
    return mail.received();
  }

  /** Waits long enough for a duplicate (a retry, a second instance) to have arrived, then counts. */
  private void assertNoMoreMailThan(int count) throws InterruptedException {
    Thread.sleep(3_000);
    assertThat(mail.received()).hasSize(count);
  }

  /** The one delivery (of a schedule, or of all), once it is recorded as SENT (just after the SMTP reply). */
  private static Delivery awaitSent(TestInstance server, Long scheduleId) {
    DeliveryRepository deliveries = server.bean(DeliveryRepository.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> !deliveries.recent(scheduleId, DeliveryStatus.SENT, 1).isEmpty());
    return only(deliveries.recent(scheduleId, null, 10));
  }

  private static <T> T only(List<T> list) {
    assertThat(list).hasSize(1);
    return list.get(0);
  }

  private static void sleepUntil(Instant t) throws InterruptedException {
    long ms = Duration.between(Instant.now(), t).toMillis();
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(TestUsers.request(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(int port, String path, String body) throws Exception {
    return HTTP.send(TestUsers.request(URI.create("http://127.0.0.1:" + port + path))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** An SMTP port that accepts connections and never says a word. */
  static final class BlackHoleSmtp implements AutoCloseable {
    final int port;
    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    BlackHoleSmtp() throws IOException {
      socket = new ServerSocket(0);
      port = socket.getLocalPort();
      Thread t = new Thread(() -> {
        try {
          while (true) {
            held.add(socket.accept());
          }
        } catch (IOException closed) {
          // closed by close()
        }
      }, "black-hole-smtp");
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : held) {
        s.close();
      }
    }
  }
}
