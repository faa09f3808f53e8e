package org.telecube.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.Browsers;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestUsers;

/**
 * The report schedules page in a real browser (Debian's Chromium) against a real server: switch
 * the language, create a schedule with the form, see the API's next run in the list, an API error
 * beside the field it names, edit, send now and watch the delivery appear, preview, delete.
 * No SMTP server runs, so the delivery ends up retrying or failed; the page must show it either way.
 * Screenshots: server/target/screenshots/schedules-*.png.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SchedulesPageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm ", Locale.ROOT);
  private static final Map<String, String> STATUS_ZH = Map.of("QUEUED", "排队中", "RENDERING", "生成中",
      "SENDING", "发送中", "RETRYING", "重试中", "SENT", "已发送", "FAILED", "失败", "SKIPPED", "已跳过");
  private static final Pattern SETTLED = Pattern.compile("RETRYING|FAILED|SENT|SKIPPED");

  private static Browsers browsers;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    SampleWarehouse.register(registry);
    String mailPort = String.valueOf(unusedPort());
    registry.add("spring.mail.port", () -> mailPort);
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void launchBrowser() {
    browsers = Browsers.launch();
    PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
  }

  @AfterAll
  static void closeBrowser() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void aReportOwnerCreatesEditsSendsPreviewsAndDeletesASchedule() throws Exception {
    String base = "http://127.0.0.1:" + port;
    // the browser's own zone and locale are as hostile as the JVM's: the page must show the schedule's zone
    try (BrowserContext context = browsers.browser().newContext(new Browser.NewContextOptions()
        .setViewportSize(1360, 900).setLocale("tr-TR").setTimezoneId("America/Bahia_Banderas")
        .setStorageState(browsers.admin(base)))) {
      List<String> external = new CopyOnWriteArrayList<>();
      context.route(url -> !url.startsWith(base), route -> {
        external.add(route.request().url());
        route.abort();
      });
      Page page = context.newPage();
      List<String> pageErrors = new CopyOnWriteArrayList<>();
      page.onPageError(pageErrors::add);

      // Chinese by default, with the nav to both pages
      page.navigate(base + "/schedules.html");
      ready(page);
      assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
      expect(page.locator("h1")).hasText("定时报告");
      expect(page.locator(".tc-nav a").nth(0)).hasText("立方体分析");
      expect(page.locator(".tc-nav a").nth(1)).hasText("定时报告");
      assertThat(page.locator(".tc-nav a").nth(0).getAttribute("href")).startsWith("/?");
      assertThat(page.locator(".tc-nav a").nth(1).getAttribute("href")).startsWith("/schedules.html");
      expect(page.locator("#schedules-body")).containsText("还没有定时报告");

      // English, remembered across a reload, and ?lang= wins over what is remembered
      page.locator("[data-lang=en]").click();
      expect(page.locator("h1")).hasText("Report schedules");
      expect(page.locator(".tc-nav a").nth(0)).hasText("Cube explorer");
      expect(page.locator("#schedules-body")).containsText("No report schedules yet");
      assertThat(page.locator("html").getAttribute("lang")).isEqualTo("en");
      assertThat(page.url()).contains("lang=en");
      assertThat(page.evaluate("localStorage.getItem('telecube.lang')")).isEqualTo("en");
      Browsers.screenshot(page, "schedules-1-empty-en");
      page.navigate(base + "/schedules.html");
      ready(page);
      expect(page.locator("h1")).hasText("Report schedules");
      expect(page.locator("[data-lang=en]")).hasAttribute("aria-pressed", "true");
      page.navigate(base + "/schedules.html?lang=zh-CN");
      ready(page);
      expect(page.locator("h1")).hasText("定时报告");
      assertThat(page.evaluate("localStorage.getItem('telecube.lang')")).isEqualTo("zh-CN");

      // keyboard only: Tab reaches "new schedule" with a visible focus ring, Enter opens the form with
      // the focus on its first field, Escape closes it
      for (int i = 0; i < 15 && !"new-schedule".equals(page.evaluate("document.activeElement.id")); i++) {
        page.keyboard().press("Tab");
      }
      expect(page.locator("#new-schedule")).isFocused();
      assertThat(page.evaluate("getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
      page.keyboard().press("Enter");
      expect(page.locator("#editor")).isVisible();
      expect(page.locator("#f-name")).isFocused();
      page.keyboard().press("Escape");
      expect(page.locator("#editor")).isHidden();

      // create: Chinese name, report, scope, a cron preset, recipients; the preview shows 5 Mondays at +08:00
      page.locator("#new-schedule").click();
      expect(page.locator("#editor-title")).hasText("新建定时报告");
      page.locator("#f-name").fill("华南收入周报");
      page.locator("#f-report").selectOption("monthly-revenue");
      expect(page.locator("#f-scope option[value='440000']")).hasCount(1);
      page.locator("#f-scope").selectOption("440000");
      page.locator("#cron-presets button", new Page.LocatorOptions().setHasText("每周一 08:00")).click();
      expect(page.locator("#f-cron")).hasValue("0 0 8 ? * MON");
      expect(page.locator("#cron-presets [data-preset=weekly]")).hasAttribute("aria-pressed", "true");
      Locator preview = page.locator("#preview-list li time");
      expect(preview).hasCount(5);
      for (int i = 0; i < 5; i++) {
        expect(preview.nth(i)).containsText("+08:00");
        expect(preview.nth(i)).containsText("周一");
        expect(preview.nth(i)).containsText("08:00");
      }
      JsonNode expectedPreview = get("/api/schedules/preview?cron=0+0+8+%3F+*+MON&timeZone=Asia/Shanghai")
          .path("fireTimes");
      assertThat(preview.nth(0).getAttribute("datetime")).isEqualTo(expectedPreview.get(0).asText());
      page.locator("#f-to").fill("manager@telecube.test\nanalyst@telecube.test");
      Browsers.screenshot(page, "schedules-2-form");
      page.locator("#save").click();
      expect(page.locator("#editor")).isHidden();

      // the list shows it with the next run the API computes, in the schedule's zone with its offset
      JsonNode views = get("/api/schedules");
      assertThat(views).hasSize(1);
      JsonNode created = views.get(0);
      long id = created.path("schedule").path("id").asLong();
      assertThat(created.path("schedule").path("name").asText()).isEqualTo("华南收入周报");
      assertThat(created.path("schedule").path("scope").asText()).isEqualTo("440000");
      assertThat(created.path("schedule").path("cron").asText()).isEqualTo("0 0 8 ? * MON");
      assertThat(created.path("schedule").path("timeZone").asText()).isEqualTo("Asia/Shanghai");
      assertThat(created.path("schedule").path("to")).hasSize(2);
      Locator row = page.locator("#schedules-body tr[data-schedule-id='" + id + "']");
      expect(row).containsText("华南收入周报");
      expect(row).containsText("广东");
      expect(row).containsText("每周一 08:00");
      expect(row.locator(".tc-recipients")).hasText("收件人：manager@telecube.test, analyst@telecube.test");
      String nextRun = created.path("nextRun").asText();
      Locator next = row.locator("td.tc-next-run time");
      expect(next).hasAttribute("datetime", nextRun);
      expect(next).hasText(shown(nextRun));
      assertThat(shown(nextRun)).endsWith("+08:00");
      expect(page.locator("#schedule-count")).hasText("1");
      Browsers.screenshot(page, "schedules-3-created");

      // edit: the form holds the schedule; a bad address is refused and the API's words stand beside "to"
      row.locator("[data-action=edit]").click();
      expect(page.locator("#editor-title")).hasText("编辑定时报告");
      expect(page.locator("#f-name")).hasValue("华南收入周报");
      expect(page.locator("#f-scope")).hasValue("440000");
      expect(page.locator("#f-to")).hasValue("manager@telecube.test\nanalyst@telecube.test");
      page.locator("#f-to").fill("manager@telecube.test\nnot an address");
      Response refused = page.waitForResponse(r -> r.url().endsWith("/api/schedules/" + id)
          && "PUT".equals(r.request().method()), () -> page.locator("#save").click());
      assertThat(refused.status()).isEqualTo(400);
      JsonNode problem = JSON.readTree(refused.text());
      assertThat(problem.path("field").asText()).isEqualTo("to[1]");
      String detail = problem.path("detail").asText();
      // in the page's language (zh-CN), whatever the browser's own: not "请填写…" + English
      assertThat(detail).contains("not an address", "邮箱地址").doesNotContain("bad email address");
      Locator toError = page.locator("#error-to");
      expect(toError).isVisible();
      expect(toError).containsText(detail);
      expect(page.locator("#f-to")).hasAttribute("aria-invalid", "true");
      expect(page.locator("#f-to")).isFocused();
      // beside the field: in the same form field, right under the text area, and no other field is marked
      assertThat(page.evaluate("document.getElementById('error-to').parentElement"
          + ".contains(document.getElementById('f-to'))")).isEqualTo(true);
      var area = page.locator("#f-to").boundingBox();
      var message = toError.boundingBox();
      assertThat(message.y).isBetween(area.y + area.height - 1, area.y + area.height + 40);
      assertThat(Math.abs(message.x - area.x)).isLessThan(2.0);
      expect(page.locator("#schedule-form [aria-invalid=true]")).hasCount(1);
      expect(page.locator("#editor")).isVisible();
      Browsers.screenshot(page, "schedules-4-error");

      // fixing the field clears its error; the change is saved
      page.locator("#f-to").fill("manager@telecube.test\nfinance@telecube.test");
      expect(toError).isEmpty();
      page.locator("#f-name").fill("华南收入日报");
      page.locator("#cron-presets [data-preset=daily]").click();
      expect(page.locator("#preview-list li time").first()).containsText("+08:00");
      page.locator("#save").click();
      expect(page.locator("#editor")).isHidden();
      expect(row).containsText("华南收入日报");
      expect(row).containsText("每天 08:00");
      JsonNode edited = get("/api/schedules/" + id);
      assertThat(edited.path("schedule").path("name").asText()).isEqualTo("华南收入日报");
      assertThat(edited.path("schedule").path("cron").asText()).isEqualTo("0 0 8 * * ?");
      assertThat(edited.path("schedule").path("to").get(1).asText()).isEqualTo("finance@telecube.test");
      expect(row.locator("td.tc-next-run time")).hasAttribute("datetime", edited.path("nextRun").asText());

      // send now, confirmed: a manual delivery shows up in the history with its status badge
      expect(page.locator("#history-body")).containsText("暂无投递记录");
      row.locator("[data-action=send-now]").click();
      expect(page.locator("#confirm")).isVisible();
      expect(page.locator("#confirm-title")).containsText("华南收入日报");
      page.locator("#confirm-ok").click();
      Locator delivery = page.locator("#history-body tr[data-delivery-id]");
      expect(delivery).hasCount(1);
      expect(delivery).containsText("华南收入日报");
      expect(delivery).containsText("手动");
      Locator badge = delivery.locator(".tc-badge[data-status]");
      expect(badge).isVisible();
      String status = badge.getAttribute("data-status");
      expect(badge).hasText(STATUS_ZH.get(status));
      JsonNode deliveries = get("/api/deliveries?scheduleId=" + id);
      assertThat(deliveries).hasSize(1);
      assertThat(delivery.getAttribute("data-delivery-id")).isEqualTo(deliveries.get(0).path("id").asText());
      assertThat(deliveries.get(0).path("triggerKind").asText()).isEqualTo("MANUAL");
      // no SMTP server (and no data for the month): it settles as retrying or failed, with the reason shown
      expect(badge).hasAttribute("data-status", SETTLED, new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
      status = badge.getAttribute("data-status");
      expect(badge).hasText(STATUS_ZH.get(status));
      JsonNode settled = get("/api/deliveries?scheduleId=" + id).get(0);
      if (!settled.path("error").isNull()) {
        expect(delivery.locator(".tc-error-text")).hasText(settled.path("error").asText());
      }
      expect(row.locator("td.tc-last-run .tc-badge")).hasText(STATUS_ZH.get(status));
      Browsers.screenshot(page, "schedules-5-sent");

      // preview of the stored schedule: its next 5 fire times, as the API gives them
      row.locator("[data-action=preview]").click();
      expect(row.locator("[data-action=preview]")).hasAttribute("aria-expanded", "true");
      Locator fires = page.locator("#preview-row-" + id + " time");
      expect(fires).hasCount(5);
      JsonNode stored = get("/api/schedules/" + id + "/preview").path("fireTimes");
      for (int i = 0; i < 5; i++) {
        expect(fires.nth(i)).hasAttribute("datetime", stored.get(i).asText());
        expect(fires.nth(i)).containsText(shown(stored.get(i).asText()).split(" ")[0]);
        expect(fires.nth(i)).containsText("+08:00");
      }
      Browsers.screenshot(page, "schedules-6-preview");

      // the page in English: the same data, English labels
      page.locator("[data-lang=en]").click();
      expect(row).containsText("Daily 08:00");
      expect(row).containsText("Guangdong");
      expect(delivery).containsText("Manual");
      expect(badge).hasText(Map.of("RETRYING", "Retrying", "FAILED", "Failed", "SENT", "Sent", "SKIPPED", "Skipped")
          .get(status));
      Browsers.screenshot(page, "schedules-7-en");
      fitsWidth(page);
      // the API's words in the English page are English (the page sends its language; the browser is tr-TR)
      page.locator("#new-schedule").click();
      page.locator("#f-cron").fill("0 0 8 1 *");
      expect(page.locator("#preview-error")).containsText("bad cron expression \"0 0 8 1 *\"");
      page.locator("#editor [data-close]").first().click();
      expect(page.locator("#editor")).isHidden();
      page.locator("[data-lang=zh-CN]").click();

      // delete, confirmed: the schedule is gone, its delivery history stays
      row.locator("[data-action=delete]").click();
      expect(page.locator("#confirm-title")).containsText("华南收入日报");
      page.locator("#confirm-ok").click();
      expect(row).hasCount(0);
      expect(page.locator("#schedules-body")).containsText("还没有定时报告");
      assertThat(get("/api/schedules")).isEmpty();
      expect(page.locator("#history-body tr[data-delivery-id]")).hasCount(1);
      expect(page.locator("#history-body tr[data-delivery-id] .tc-badge--deleted")).hasText("已删除");
      if (status.equals("RETRYING")) {
        // its pending retry went with the schedule
        Locator cancelled = page.locator("#history-body tr[data-delivery-id] .tc-badge[data-status]");
        expect(cancelled).hasAttribute("data-status", "CANCELLED");
        expect(cancelled).hasText("已取消");
        assertThat(get("/api/deliveries").get(0).path("status").asText()).isEqualTo("CANCELLED");
      }
      Browsers.screenshot(page, "schedules-8-deleted");

      assertThat(pageErrors).as("script errors on the page").isEmpty();
      assertThat(external).as("requests that left the server under test").isEmpty();
    }
  }

  @Test
  void aScheduleMayNameAFixedMonthOnThePage() throws Exception {
    String base = "http://127.0.0.1:" + port;
    try (BrowserContext context = browsers.browser().newContext(new Browser.NewContextOptions()
        .setViewportSize(1360, 900).setLocale("tr-TR").setTimezoneId("America/Bahia_Banderas")
        .setStorageState(browsers.admin(base)))) {
      Page page = context.newPage();
      List<String> pageErrors = new CopyOnWriteArrayList<>();
      page.onPageError(pageErrors::add);
      page.navigate(base + "/schedules.html");
      ready(page);

      page.locator("#new-schedule").click();
      page.locator("#f-name").fill("六月收入补发");
      page.locator("#f-report").selectOption("monthly-revenue");
      expect(page.locator("#f-month-fixed")).isHidden();
      page.locator("#f-month").selectOption("fixed");
      expect(page.locator("#f-month option[value=fixed]")).hasText("固定月份…");
      expect(page.locator("#f-month-fixed")).isVisible();
      page.locator("#f-to").fill("manager@telecube.test");
      // no month typed: the API's refusal stands beside the month
      page.locator("#save").click();
      expect(page.locator("#error-month")).containsText("请填写报告月份（YYYY-MM）。");
      expect(page.locator("#f-month-fixed")).hasAttribute("aria-invalid", "true");

      page.locator("#f-month-fixed").fill("2025-06");
      page.locator("#save").click();
      expect(page.locator("#editor")).isHidden();
      JsonNode views = get("/api/schedules");
      JsonNode created = null;
      for (JsonNode v : views) {
        if (v.path("schedule").path("name").asText().equals("六月收入补发")) {
          created = v.path("schedule");
        }
      }
      assertThat(created).isNotNull();
      assertThat(created.path("month").asText()).isEqualTo("2025-06");
      assertThat(created.path("monthOffset").isNull()).isTrue();
      long id = created.path("id").asLong();
      Locator row = page.locator("#schedules-body tr[data-schedule-id='" + id + "']");
      expect(row).containsText("2025年6月");
      page.locator("[data-lang=en]").click();
      expect(row).containsText("Jun 2025");
      page.locator("[data-lang=zh-CN]").click();

      // edit: the form shows the fixed month; back to "the previous month"
      row.locator("[data-action=edit]").click();
      expect(page.locator("#f-month")).hasValue("fixed");
      expect(page.locator("#f-month-fixed")).hasValue("2025-06");
      page.locator("#f-month").selectOption("-1");
      expect(page.locator("#f-month-fixed")).isHidden();
      page.locator("#save").click();
      expect(page.locator("#editor")).isHidden();
      JsonNode edited = get("/api/schedules/" + id).path("schedule");
      assertThat(edited.path("month").isNull()).isTrue();
      assertThat(edited.path("monthOffset").asInt()).isEqualTo(-1);
      expect(row).containsText("上个月");
      Browsers.screenshot(page, "schedules-9-fixed-month");

      // leave the page as the other test expects to find it: no schedules
      http.send(TestUsers.request(URI.create(base + "/api/schedules/" + id)).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(pageErrors).as("script errors on the page").isEmpty();
    }
  }

  @Test
  void aBurstScheduleGoesToEveryUserOfARoleAtALevel() throws Exception {
    String base = "http://127.0.0.1:" + port;
    try (BrowserContext context = browsers.browser().newContext(new Browser.NewContextOptions()
        .setViewportSize(1360, 900).setLocale("tr-TR").setTimezoneId("America/Bahia_Banderas")
        .setStorageState(browsers.admin(base)))) {
      Page page = context.newPage();
      List<String> pageErrors = new CopyOnWriteArrayList<>();
      page.onPageError(pageErrors::add);
      page.navigate(base + "/schedules.html?lang=zh-CN");
      ready(page);

      // an admin is offered both ways; addresses (and the scope picker) by default
      page.locator("#new-schedule").click();
      page.locator("#f-name").fill("各省经理收入月报");
      page.locator("#f-report").selectOption("monthly-revenue");
      expect(page.locator("#recipients-mode")).isVisible();
      expect(page.locator("#f-mode-addresses")).isChecked();
      expect(page.locator("label[for=f-mode-burst]")).hasText("按角色群发");
      expect(page.locator("#f-to")).isVisible();
      expect(page.locator("#f-scope")).isVisible();
      expect(page.locator("#f-audience-role")).isHidden();

      // burst: no addresses and no scope, a role and a level instead
      page.locator("#f-mode-burst").check();
      expect(page.locator("#f-to")).isHidden();
      expect(page.locator("#f-cc")).isHidden();
      expect(page.locator("#f-scope")).isHidden();
      expect(page.locator("#f-audience-role")).isVisible();
      expect(page.locator("#f-audience-level")).isVisible();
      page.locator("#f-audience-role").selectOption("manager");
      page.locator("#f-audience-level").selectOption("province");
      expect(page.locator("#f-audience-level option[value=province]")).hasText("省级（每省的用户）");
      page.locator("#hint-audience").scrollIntoViewIfNeeded();
      Browsers.screenshot(page, "schedules-10-burst-form");
      Response saved = page.waitForResponse(r -> r.url().endsWith("/api/schedules")
          && "POST".equals(r.request().method()), () -> page.locator("#save").click());
      assertThat(saved.status()).as(saved.text()).isBetween(200, 201);
      JsonNode sent = JSON.readTree(saved.request().postData());
      assertThat(sent.path("audience").path("role").asText()).isEqualTo("manager");
      assertThat(sent.path("audience").path("level").asText()).isEqualTo("province");
      assertThat(sent.has("to") || sent.has("cc") || sent.has("scope")).as(sent.toString()).isFalse();
      expect(page.locator("#editor")).isHidden();

      JsonNode created = null;
      for (JsonNode v : get("/api/schedules")) {
        if (v.path("schedule").path("name").asText().equals("各省经理收入月报")) {
          created = v.path("schedule");
        }
      }
      assertThat(created).isNotNull();
      assertThat(created.path("audienceRole").asText()).isEqualTo("manager");
      assertThat(created.path("audienceLevel").asText()).isEqualTo("province");
      assertThat(created.path("to")).isEmpty();
      assertThat(created.path("cc")).isEmpty();
      long id = created.path("id").asLong();
      try {
        // the list names the audience instead of addresses, and each recipient's own region as the scope
        Locator row = page.locator("#schedules-body tr[data-schedule-id='" + id + "']");
        expect(row.locator(".tc-recipients")).hasText("群发：各省经理");
        expect(row.locator(".tc-audience")).hasAttribute("data-audience-role", "manager");
        expect(row.locator(".tc-audience")).hasAttribute("data-audience-level", "province");
        expect(row.locator(".tc-schedule-scope")).hasText("各自辖区");
        Browsers.screenshot(page, "schedules-11-burst-list");
        page.locator("[data-lang=en]").click();
        expect(row.locator(".tc-recipients")).hasText("Burst: every province manager");
        expect(row.locator(".tc-schedule-scope")).hasText("each recipient’s own region");
        Browsers.screenshot(page, "schedules-12-burst-list-en");
        fitsWidth(page);
        page.locator("[data-lang=zh-CN]").click();

        // editing it opens with burst chosen and its audience
        row.locator("[data-action=edit]").click();
        expect(page.locator("#f-mode-burst")).isChecked();
        expect(page.locator("#f-to")).isHidden();
        expect(page.locator("#f-scope")).isHidden();
        expect(page.locator("#f-audience-role")).hasValue("manager");
        expect(page.locator("#f-audience-level")).hasValue("province");
        // back to addresses: to and the scope come back, and "to" is required again (the API says so beside it)
        page.locator("#f-mode-addresses").check();
        expect(page.locator("#f-to")).isVisible();
        expect(page.locator("#f-scope")).isVisible();
        expect(page.locator("#f-audience-role")).isHidden();
        page.locator("#save").click();
        expect(page.locator("#error-to")).not().isEmpty();
        expect(page.locator("#f-to")).hasAttribute("aria-invalid", "true");
        page.locator("#editor [data-close]").first().click();
        expect(page.locator("#editor")).isHidden();
        assertThat(get("/api/schedules/" + id).path("schedule").path("audienceRole").asText()).isEqualTo("manager");
      } finally {
        // leave the page as the other test expects to find it: no schedules
        http.send(TestUsers.request(URI.create(base + "/api/schedules/" + id)).DELETE().build(),
            HttpResponse.BodyHandlers.discarding());
      }
      assertThat(pageErrors).as("script errors on the page").isEmpty();
    }
  }

  /** The page has loaded its data. */
  private static void ready(Page page) {
    expect(page.locator("body[data-ready=true]")).hasCount(1);
  }

  /** The schedules table fits its card: no column (the row actions above all) is scrolled out of view. */
  private static void fitsWidth(Page page) {
    Object overflow = page.evaluate("(() => { const w = document.querySelector('#schedules-table').parentElement;"
        + " return w.scrollWidth - w.clientWidth; })()");
    assertThat(((Number) overflow).intValue()).as("pixels of the schedules table out of view").isLessThanOrEqualTo(0);
  }

  /** How the page shows a time the API gives with an offset: "2026-12-01 08:00 +08:00". */
  private static String shown(String offsetDateTime) {
    OffsetDateTime t = OffsetDateTime.parse(offsetDateTime);
    String offset = t.getOffset().getTotalSeconds() == 0 ? "+00:00" : t.getOffset().getId();
    return SHOWN.format(t) + offset;
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(TestUsers.request(URI.create("http://127.0.0.1:" + port + path))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
