package org.telecube.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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
 * The reports page in a real browser (Debian's Chromium) against a real server: the catalog is the
 * API's catalog, months are the warehouse's, a report is viewed in the page and downloaded in each
 * format, an API error is shown beside the field it names, and the language switch is remembered.
 * Screenshots: server/target/screenshots/reports-*.png.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ReportsPageTest {
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
  void aManagerPicksAReportViewsItAndDownloadsIt() throws Exception {
    String base = "http://127.0.0.1:" + port;
    JsonNode catalog = get("/api/reports");
    List<String> months = new ArrayList<>();
    get("/api/cubes/revenue/members/time.month").path("members").forEach(m -> months.add(m.path("key").asText()));
    months.sort(java.util.Comparator.reverseOrder());
    JsonNode macro = get("/api/cubes/revenue/members/region.macro_region?locale=zh-CN").path("members").get(0);
    JsonNode province = get("/api/cubes/revenue/members/region.province?parent=" + macro.path("key").asText()
        + "&locale=zh-CN").path("members").get(0);
    String provinceKey = province.path("key").asText();

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

      // Chinese by default; the nav leads to every page and marks this one
      page.navigate(base + "/reports.html");
      ready(page);
      assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");
      expect(page.locator("h1")).hasText("报告中心");
      expect(page.locator(".tc-nav a")).hasText(new String[] {"立方体分析", "定时报告", "报告中心", "流失名单"});
      expect(page.locator(".tc-nav a[aria-current=page]")).hasText("报告中心");

      // the catalog is the API's, titles in Chinese
      Locator rows = page.locator("#catalog-body tr[data-report-id]");
      expect(rows).hasCount(catalog.size());
      for (int i = 0; i < catalog.size(); i++) {
        JsonNode r = catalog.get(i);
        Locator row = page.locator("#catalog-body tr[data-report-id='" + r.path("id").asText() + "']");
        expect(row).containsText(r.path("title").path("text").path("zh-CN").asText());
        expect(row).containsText(r.path("description").path("text").path("zh-CN").asText());
      }
      expect(page.locator("#report-count")).hasText(String.valueOf(catalog.size()));

      // months are the warehouse's, newest first and chosen; the scope picker has the country and the API's regions
      assertThat(page.locator("#r-month option").allTextContents()).isEqualTo(months);
      expect(page.locator("#r-month")).hasValue(months.get(0));
      expect(page.locator("#r-scope option").first()).hasText("全国");
      expect(page.locator("#r-scope option[value='" + provinceKey + "']")).hasText(province.path("caption").asText());
      expect(page.locator("#r-locale")).hasValue("zh-CN");
      Browsers.screenshot(page, "reports-1-catalog-zh");

      // view the HTML edition of a province in the page
      page.locator("#r-report").selectOption("monthly-revenue");
      page.locator("#r-scope").selectOption(provinceKey);
      page.locator("#r-format").selectOption("html");
      page.locator("#view").click();
      expect(page.locator("#viewer-card")).isVisible();
      FrameLocator frame = page.frameLocator("#viewer");
      expect(frame.locator("body")).containsText("月度收入报告");
      expect(frame.locator("body")).containsText(province.path("caption").asText());
      assertThat(page.locator("#viewer").getAttribute("data-source")).isEqualTo("/api/reports/monthly-revenue?month="
          + months.get(0) + "&locale=zh-CN&format=html&scope=" + provinceKey);
      expect(page.locator("#open-tab")).hasAttribute("href", page.locator("#viewer").getAttribute("data-source"));
      Browsers.screenshot(page, "reports-2-viewed-html");

      // download the PDF: the same document the API gives, with its file name
      page.locator("#r-format").selectOption("pdf");
      Download pdf = page.waitForDownload(() -> page.locator("#download").click());
      assertThat(pdf.suggestedFilename()).isEqualTo("monthly-revenue_" + months.get(0) + "_" + provinceKey + ".pdf");
      assertThat(new String(Files.readAllBytes(pdf.path()), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("%PDF-");

      // XLSX cannot be viewed, only downloaded
      page.locator("#r-report").selectOption("monthly-churn");
      page.locator("#r-format").selectOption("xlsx");
      expect(page.locator("#view")).isDisabled();
      expect(page.locator("#hint-format")).containsText("只能下载");
      expect(page.locator("#open-tab")).isHidden();
      Download xlsx = page.waitForDownload(() -> page.locator("#download").click());
      assertThat(xlsx.suggestedFilename()).isEqualTo("monthly-churn_" + months.get(0) + "_" + provinceKey + ".xlsx");
      byte[] workbook = Files.readAllBytes(xlsx.path());
      assertThat(new String(workbook, 0, 2, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("PK");

      // an API error is shown, beside the field it names: a scope the warehouse does not have
      page.evaluate("() => { const s = document.getElementById('r-scope'); s.add(new Option('999999', '999999')); }");
      page.locator("#r-scope").selectOption("999999");
      page.locator("#download").click();
      JsonNode problem = JSON.readTree(http.send(TestUsers.request(URI.create(base
          + "/api/reports/monthly-churn?month=" + months.get(0) + "&scope=999999&format=xlsx&locale=zh-CN")).build(),
          HttpResponse.BodyHandlers.ofString()).body());
      expect(page.locator("#render-error")).isVisible();
      expect(page.locator("#render-error")).containsText(problem.path("detail").asText());
      expect(page.locator("#error-scope")).hasText(problem.path("detail").asText());
      expect(page.locator("#r-scope")).hasAttribute("aria-invalid", "true");
      Browsers.screenshot(page, "reports-3-error");
      page.locator("#r-scope").selectOption(provinceKey);
      expect(page.locator("#render-error")).isHidden();

      // English page, remembered across a reload; an English report viewed in the page
      page.locator("[data-lang=en]").click();
      expect(page.locator("h1")).hasText("Reports");
      expect(page.locator(".tc-nav a")).hasText(new String[] {"Cube explorer", "Report schedules", "Reports", "Churn lists"});
      expect(page.locator("#catalog-body tr[data-report-id='monthly-revenue']"))
          .containsText(catalog.get(0).path("title").path("text").path("en").asText());
      assertThat(page.evaluate("localStorage.getItem('telecube.lang')")).isEqualTo("en");
      page.navigate(base + "/reports.html");
      ready(page);
      expect(page.locator("h1")).hasText("Reports");
      expect(page.locator("#r-locale")).hasValue("en");
      expect(page.locator("#r-scope option").first()).hasText("Nationwide");
      page.locator("#r-report").selectOption("monthly-revenue");
      page.locator("#r-format").selectOption("html");
      page.locator("#view").click();
      expect(page.frameLocator("#viewer").locator("body")).containsText("Monthly revenue report");
      Browsers.screenshot(page, "reports-4-viewed-en");

      assertThat(pageErrors).isEmpty();
      assertThat(external).isEmpty();
    }
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
