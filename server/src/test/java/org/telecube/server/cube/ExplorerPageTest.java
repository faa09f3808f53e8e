package org.telecube.server.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.Browsers;
import org.telecube.server.testing.SampleWarehouse;

/**
 * The cube explorer in a real Chromium: an analyst builds revenue by province, drills into a
 * province, swaps the axes, filters a month and exports — and every number on the page is checked
 * against the API's answer for the same view or against sums worked out by hand from the feeds.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerPageTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
  }

  @LocalServerPort
  int port;

  private Browsers browsers;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void launch() {
    browsers = Browsers.launch();
  }

  @AfterAll
  void close() {
    browsers.close();
  }

  @Test
  void anAnalystBuildsDrillsSwapsFiltersAndExportsAndTheNumbersAreTheCubes() throws Exception {
    Page page = browsers.browser().newPage(new com.microsoft.playwright.Browser.NewPageOptions()
        .setViewportSize(1440, 900).setAcceptDownloads(true));
    page.navigate(url("/?lang=zh-CN"));
    page.waitForFunction("window.explorerReady === true");
    Browsers.screenshot(page, "explorer-1-start");

    // revenue by province: take the year off the columns, put provinces on the rows
    page.locator("#columns-zone [data-action=remove-level]").click();
    awaitTable(page);
    page.locator("[data-action=to-rows][data-level='region.province']").click();
    awaitTable(page);
    assertThat(page.url()).contains("rows=region.province").contains("m=revenue");
    Map<String, Double> provinces = rowValues(page);
    JsonNode byProvince = query("{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"],\"locale\":\"zh-CN\"}");
    assertThat(provinces).hasSize(byProvince.path("cells").size());
    for (JsonNode cell : byProvince.path("cells")) {
      assertThat(provinces.get(cell.path("region.province.caption").asText()))
          .isCloseTo(cell.path("revenue").asDouble(), within(0.5));
    }
    BigDecimal byHand = SampleWarehouse.get().billedAmount(YearMonth.of(2025, 5))
        .add(SampleWarehouse.get().billedAmount(SampleWarehouse.LAST_MONTH));
    assertThat(grandTotal(page)).isCloseTo(byHand.doubleValue(), within(0.5));
    Browsers.screenshot(page, "explorer-2-provinces");

    // drill into the largest province: its cities add up to it, and equal the API's answer
    JsonNode largest = byProvince.path("cells").get(0);
    for (JsonNode cell : byProvince.path("cells")) {
      if (cell.path("revenue").asDouble() > largest.path("revenue").asDouble()) {
        largest = cell;
      }
    }
    String province = largest.path("region.province").asText();
    String provinceName = largest.path("region.province.caption").asText();
    page.locator("button.member[data-key='" + province + "']").click();
    awaitTable(page);
    assertThat(page.locator("#breadcrumb").innerText()).contains(provinceName);
    assertThat(page.locator("#rows-zone").innerText()).contains("城市");
    Map<String, Double> cities = rowValues(page);
    JsonNode byCity = query("{\"measures\":[\"revenue\"],\"rows\":[\"region.city\"],\"locale\":\"zh-CN\","
        + "\"filters\":[{\"level\":\"region.province\",\"members\":[\"" + province + "\"]}]}");
    assertThat(cities).hasSize(byCity.path("cells").size());
    for (JsonNode cell : byCity.path("cells")) {
      assertThat(cities.get(cell.path("region.city.caption").asText()))
          .isCloseTo(cell.path("revenue").asDouble(), within(0.5));
    }
    double citySum = cities.values().stream().mapToDouble(Double::doubleValue).sum();
    assertThat(citySum).isCloseTo(largest.path("revenue").asDouble(), within(1.0));
    assertThat(grandTotal(page)).isCloseTo(largest.path("revenue").asDouble(), within(0.5));
    Browsers.screenshot(page, "explorer-3-drilled");

    // swap axes: the cities become columns
    page.locator("#swap").click();
    awaitTable(page);
    assertThat(page.locator("#columns-zone").innerText()).contains("城市");
    assertThat(page.locator("thead th.col-member").allInnerTexts()).containsAll(cities.keySet());
    page.locator("#swap").click();
    awaitTable(page);

    // roll back up through the breadcrumb
    page.locator("#breadcrumb [data-action=roll-up][data-depth='-1']").click();
    awaitTable(page);
    assertThat(page.locator("#rows-zone").innerText()).doesNotContain("城市");

    // slice: June only, through the filter dialog; the total is June's bills summed by hand
    page.locator("[data-action=to-rows][data-level='region.province']").click();
    awaitTable(page);
    page.locator("#add-filter").click();
    page.locator("#filter-level").selectOption("time.month");
    page.locator("#filter-members li").first().waitFor();
    page.locator("#filter-search").fill("6月");
    page.locator("#filter-members li:not([hidden]) input").check();
    page.locator("#filter-apply").click();
    awaitTable(page);
    assertThat(page.locator("#filter-chips").innerText()).contains("2025年6月");
    assertThat(grandTotal(page)).isCloseTo(
        SampleWarehouse.get().billedAmount(SampleWarehouse.LAST_MONTH).doubleValue(), within(0.5));
    Browsers.screenshot(page, "explorer-4-june");

    // the view is in the URL: a fresh page on it shows the same table
    String table = page.locator("#pivot").innerText();
    Page shared = browsers.browser().newPage();
    shared.navigate(page.url());
    shared.waitForFunction("window.explorerReady === true");
    awaitTable(shared);
    assertThat(shared.locator("#pivot").innerText()).isEqualTo(table);
    shared.close();

    // export the view as CSV: the same provinces and numbers
    Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
    Path csv = download.path();
    String text = Files.readString(csv, StandardCharsets.UTF_8);
    for (Map.Entry<String, Double> p : rowValues(page).entrySet()) {
      assertThat(text).contains(p.getKey());
    }
    double exported = 0;
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text.replace("\uFEFF", ""))) {
      Map<String, Double> onPage = rowValues(page);
      for (CsvRecord r : reader) {
        if (onPage.containsKey(r.getField(0))) {
          exported += Double.parseDouble(r.getField(r.getFieldCount() - 1));
        }
      }
    }
    assertThat(exported).isCloseTo(SampleWarehouse.get().billedAmount(SampleWarehouse.LAST_MONTH).doubleValue(),
        within(1.0));

    // English
    page.locator("#lang-switch [data-lang=en]").click();
    awaitTable(page);
    PlaywrightAssertions.assertThat(page.locator("thead")).containsText("Revenue");
    PlaywrightAssertions.assertThat(page.locator("#filter-chips")).containsText("Month");
    Browsers.screenshot(page, "explorer-5-english");
    page.close();
  }

  @Test
  void timeIntelligenceColumnsAreColouredByTheirSign() {
    Page page = browsers.browser().newPage(new com.microsoft.playwright.Browser.NewPageOptions()
        .setViewportSize(1440, 900));
    page.navigate(url("/?cube=revenue&rows=region.macro_region&cols=time.month&m=revenue&tot=1&ti=1&chart=line&lang=en"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    Locator changes = page.locator("td.up, td.down");
    assertThat(changes.count()).isGreaterThan(0);
    for (String t : page.locator("td.up").allInnerTexts()) {
      assertThat(t).startsWith("+");
    }
    for (String t : page.locator("td.down").allInnerTexts()) {
      assertThat(t).startsWith("-");
    }
    Browsers.screenshot(page, "explorer-6-time-intelligence");
    page.close();
  }

  @Test
  void aTwoThousandCellViewRendersAndItsTimeIsReported() {
    Page page = browsers.browser().newPage(new com.microsoft.playwright.Browser.NewPageOptions()
        .setViewportSize(1440, 900));
    page.navigate(url("/?cube=usage&rows=region.province&cols=time.day&m=events&tot=1&chart=none&lang=zh-CN"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    JsonNode stats = JSON.valueToTree(page.evaluate("window.explorerStats"));
    int cells = stats.path("cells").asInt();
    assertThat(cells).isGreaterThan(1_500);
    System.out.printf(java.util.Locale.ROOT, "explorer: %d cells rendered in %.1f ms (query %.0f ms)%n", cells,
        stats.path("renderMillis").asDouble(), stats.path("queryMillis").asDouble());
    Browsers.screenshot(page, "explorer-7-two-thousand-cells");
    page.close();
  }

  @Test
  void anApiErrorIsShownNotSwallowed() {
    Page page = browsers.browser().newPage();
    page.navigate(url("/?cube=revenue&rows=region.province&m=revenue&f=time.month:2025-01..2025-13&lang=en"));
    page.waitForFunction("window.explorerReady === true");
    assertThat(page.locator("#message.error").innerText()).contains("2025-13");
    page.close();
  }

  // --- helpers ---

  private static void awaitTable(Page page) {
    page.waitForFunction("document.querySelector('#busy').hidden && document.querySelector('#pivot table') != null");
  }

  /** Row caption → the last value column of each body row (the total column when there are columns). */
  private static Map<String, Double> rowValues(Page page) {
    Map<String, Double> values = new HashMap<>();
    List<Object> rows = new ArrayList<>((List<?>) page.evaluate("""
        () => [...document.querySelectorAll('#pivot tbody tr:not(.subtotal):not(.grand-total)')].map(tr => {
          const tds = tr.querySelectorAll('td');
          return [tr.querySelector('th').innerText.trim(), Number(tds[tds.length - 1].dataset.value)];
        })"""));
    for (Object row : rows) {
      List<?> r = (List<?>) row;
      values.put((String) r.get(0), ((Number) r.get(1)).doubleValue());
    }
    return values;
  }

  private static double grandTotal(Page page) {
    Object v = page.evaluate("() => { const tds = document.querySelectorAll('#pivot tr.grand-total td');"
        + " return Number(tds[tds.length - 1].dataset.value); }");
    return ((Number) v).doubleValue();
  }

  private JsonNode query(String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/cubes/revenue/query")))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
