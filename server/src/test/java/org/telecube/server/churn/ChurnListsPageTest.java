package org.telecube.server.churn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The churn lists page in a real browser against a real server: the at-risk and churned lists are
 * the API's answers row for row (masked numbers as the API gives them), the region and month
 * filters ask the API again, the CSV export is the server's file of the same list, an API error is
 * shown, and the page speaks both languages. Screenshots: server/target/screenshots/lists-*.png.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ChurnListsPageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Browsers browsers;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void launchBrowser() {
    browsers = Browsers.launch();
    PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
  }

  @AfterAll
  static void closeBrowser() {
    if (browsers != null) {
      browsers.close();
    }
  }

  @Test
  void aManagerFiltersTheListsAndExportsThem() throws Exception {
    String base = "http://127.0.0.1:" + port;
    List<String> months = new ArrayList<>();
    get("/api/cubes/subscribers/members/time.month").path("members").forEach(m -> months.add(m.path("key").asText()));
    months.sort(Comparator.reverseOrder());
    String month = months.get(0);
    // the province with the most at-risk subscribers in the month, as the API lists them
    JsonNode all = get("/api/churn/at-risk?month=" + month + "&limit=10000&locale=zh-CN").path("subscribers");
    assertThat(all.size()).isGreaterThan(0);
    String province = null;
    JsonNode macros = get("/api/cubes/subscribers/members/region.macro_region?locale=zh-CN").path("members");
    int most = 0;
    for (JsonNode macro : macros) {
      for (JsonNode p : get("/api/cubes/subscribers/members/region.province?parent=" + macro.path("key").asText()
          + "&locale=zh-CN").path("members")) {
        int n = get("/api/churn/at-risk?month=" + month + "&region=" + p.path("key").asText() + "&limit=10000")
            .path("subscribers").size();
        if (n > most) {
          most = n;
          province = p.path("key").asText();
        }
      }
    }
    assertThat(province).isNotNull();

    try (BrowserContext context = browsers.browser().newContext(new Browser.NewContextOptions()
        .setViewportSize(1360, 900).setLocale("tr-TR").setTimezoneId("America/Bahia_Banderas")
        .setAcceptDownloads(true).setStorageState(browsers.admin(base)))) {
      List<String> external = new CopyOnWriteArrayList<>();
      context.route(url -> !url.startsWith(base) && !url.startsWith("blob:"), route -> {
        external.add(route.request().url());
        route.abort();
      });
      Page page = context.newPage();
      List<String> pageErrors = new CopyOnWriteArrayList<>();
      page.onPageError(pageErrors::add);

      page.navigate(base + "/lists.html");
      ready(page);
      expect(page.locator("h1")).hasText("流失名单");
      expect(page.locator(".tc-nav a[aria-current=page]")).hasText("流失名单");
      assertThat(page.locator("#l-month option").allTextContents()).isEqualTo(months);
      expect(page.locator("#l-month")).hasValue(month);

      // the at-risk list of the whole country is the API's first 50, row for row
      listIs(page, "at-risk", month, null, "zh-CN", 50);
      assertThat(page.locator("#list-body td.tc-mono").allTextContents())
          .allSatisfy(n -> assertThat(n).matches("\\d{3}\\*{4}\\d{4}|—"));
      Browsers.screenshot(page, "lists-1-at-risk-zh");

      // a region filter asks the API again
      page.locator("#l-region").selectOption(province);
      listIs(page, "at-risk", month, province, "zh-CN", 50);

      // export: the server's CSV of the same list, every row, masked
      Download download = page.waitForDownload(() -> page.locator("#export").click());
      assertThat(download.suggestedFilename()).isEqualTo("at-risk_" + month + "_" + province + ".csv");
      byte[] bytes = Files.readAllBytes(download.path());
      String csv = new String(bytes, StandardCharsets.UTF_8);
      assertThat(csv).startsWith("\uFEFF排名,用户编号,号码,城市,价值分群,价值层级,价值分,ARPU(元),在网时长(月),预警分,预警信号,建议措施\r\n");
      JsonNode inRegion = get("/api/churn/at-risk?month=" + month + "&region=" + province + "&limit=10000&locale=zh-CN")
          .path("subscribers");
      List<String> lines = csv.substring(1).lines().toList();
      assertThat(lines).hasSize(inRegion.size() + 1);
      for (int i = 0; i < inRegion.size(); i++) {
        JsonNode s = inRegion.get(i);
        assertThat(lines.get(i + 1)).startsWith(s.path("rank").asInt() + "," + s.path("subscriberId").asText() + ","
            + s.path("msisdn").asText("") + "," + s.path("city").path("caption").asText());
        assertThat(lines.get(i + 1)).contains("," + new BigDecimal(s.path("arpu").asText()).setScale(2, RoundingMode.HALF_UP)
            .toPlainString() + ",");
      }
      assertThat(csv).doesNotContainPattern("1[3-9]\\d{9}");

      // the churned list, for the other month
      page.locator("[data-list=churned]").click();
      listIs(page, "churned", month, province, "zh-CN", 50);
      page.locator("#l-month").selectOption(months.get(months.size() - 1));
      page.locator("#l-region").selectOption("");
      listIs(page, "churned", months.get(months.size() - 1), null, "zh-CN", 50);
      Browsers.screenshot(page, "lists-2-churned-zh");
      Download churned = page.waitForDownload(() -> page.locator("#export").click());
      String churnedCsv = new String(Files.readAllBytes(churned.path()), StandardCharsets.UTF_8);
      assertThat(churnedCsv).startsWith("\uFEFF用户编号,号码,城市,离网日期,离网原因");
      assertThat(churnedCsv.lines().count() - 1).isEqualTo(get("/api/churn/churned?month=" + months.get(months.size() - 1)
          + "&limit=10000").path("subscribers").size());

      // an API error is shown on the page: a region the warehouse does not have
      page.evaluate("() => document.getElementById('l-region').add(new Option('nowhere', 'nowhere'))");
      page.locator("#l-region").selectOption("nowhere");
      JsonNode problem = JSON.readTree(http.send(TestUsers.request(URI.create(base
          + "/api/churn/churned?month=" + months.get(months.size() - 1) + "&region=nowhere&limit=50")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      expect(page.locator("#page-error")).isVisible();
      expect(page.locator("#page-error-text")).containsText(problem.path("detail").asText());
      page.locator("#l-region").selectOption("");
      expect(page.locator("#page-error")).isHidden();

      // English: headers and the API's English captions
      page.locator("[data-list=at-risk]").click();
      page.locator("[data-lang=en]").click();
      expect(page.locator("h1")).hasText("Churn lists");
      expect(page.locator("#list-head th").nth(1)).hasText("Number");
      listIs(page, "at-risk", months.get(months.size() - 1), null, "en", 50);
      Browsers.screenshot(page, "lists-3-at-risk-en");
      page.navigate(base + "/lists.html");
      ready(page);
      expect(page.locator("h1")).hasText("Churn lists");

      assertThat(pageErrors).isEmpty();
      assertThat(external).isEmpty();
    }
  }

  @Test
  void exportMistakesAreProblemsNamingTheField() throws Exception {
    for (String[] c : new String[][] {{"/api/churn/at-risk/export?month=2025-13", "month", "400"},
        {"/api/churn/churned/export", "month", "400"},
        {"/api/churn/at-risk/export?month=2025-06&region=nowhere", "region", "400"},
        {"/api/churn/churned/export?month=2025-06&locale=fr", "locale", "400"},
        {"/api/churn/at-risk/export?month=2025-06&limit=0", "limit", "400"},
        {"/api/churn/at-risk/export?month=2031-01", "month", "404"}}) {
      HttpResponse<String> response = http.send(TestUsers.request(URI.create("http://127.0.0.1:" + port + c[0]))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[2]));
      assertThat(JSON.readTree(response.body()).path("field").asText()).as(c[0]).isEqualTo(c[1]);
    }
  }

  /** The table shows the API's list for these filters: same rows, same order, same cells. */
  private void listIs(Page page, String list, String month, String region, String locale, int limit) throws Exception {
    expect(page.locator("body")).hasAttribute("data-list-ready",
        String.join("|", list, month, region == null ? "" : region, locale));
    JsonNode rows = get("/api/churn/" + list + "?month=" + month + (region == null ? "" : "&region=" + region)
        + "&limit=" + limit + "&locale=" + locale).path("subscribers");
    Locator shown = page.locator("#list-body tr[data-subscriber-id]");
    expect(shown).hasCount(rows.size());
    expect(page.locator("#row-count")).hasText(String.valueOf(rows.size()));
    // every row's id and cells in one read
    @SuppressWarnings("unchecked")
    List<List<String>> cells = (List<List<String>>) shown.evaluateAll(
        "rows => rows.map(r => [r.dataset.subscriberId, ...Array.from(r.cells, c => c.textContent)])");
    for (int i = 0; i < rows.size(); i++) {
      JsonNode s = rows.get(i);
      List<String> row = cells.get(i);
      String number = s.path("msisdn").isNull() ? "—" : s.path("msisdn").asText();
      if ("at-risk".equals(list)) {
        assertThat(row).as("row %d", i).startsWith(s.path("subscriberId").asText(), String.valueOf(s.path("rank").asInt()),
            number, s.path("city").path("caption").asText(), s.path("segment").path("caption").asText(),
            s.path("valueTier").path("caption").asText(), yuan(s.path("arpu").asText()));
      } else {
        assertThat(row).as("row %d", i).startsWith(s.path("subscriberId").asText(), number,
            s.path("city").path("caption").asText(), s.path("churnDate").asText(), s.path("reason").path("caption").asText());
        assertThat(row.get(6)).isEqualTo(s.path("arpuBefore").isNull() ? "—" : yuan(s.path("arpuBefore").asText()));
      }
    }
  }

  /** ¥1,234.50, written independently of the page. */
  private static String yuan(String amount) {
    return String.format(Locale.ROOT, "¥%,.2f", new BigDecimal(amount).setScale(2, RoundingMode.HALF_UP));
  }

  private static void ready(Page page) {
    expect(page.locator("body[data-ready=true]")).hasCount(1);
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
}
