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
import org.telecube.server.testing.TestUsers;

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
  private String adminState;
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
    Page page = browsers.browser().newPage(pageOptions()
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
    Page shared = browsers.browser().newPage(pageOptions());
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
    Page page = browsers.browser().newPage(pageOptions()
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
    Page page = browsers.browser().newPage(pageOptions()
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
    Page page = browsers.browser().newPage(pageOptions());
    page.navigate(url("/?cube=revenue&rows=region.province&m=revenue&f=time.month:2025-01..2025-13&lang=en"));
    page.waitForFunction("window.explorerReady === true");
    assertThat(page.locator("#message.error").innerText()).contains("2025-13");
    page.close();
  }

  @Test
  void eachCrumbGoesBackToTheLevelItNames() throws Exception {
    Page page = newPage(1440, 900);
    page.navigate(url("/?cube=revenue&rows=region.province&m=revenue&tot=1&chart=none&lang=zh-CN"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    int provinces = query("revenue", "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"]}").path("cells").size();
    assertThat(bodyRows(page)).isEqualTo(provinces);

    // drill into a province, then its crumb: the provinces again (not its cities once more)
    Locator province = page.locator("#pivot tbody button.member").first();
    String name = province.innerText();
    province.click();
    awaitTable(page);
    assertThat(page.locator("#rows-zone").innerText()).contains("城市");
    assertThat(page.locator("#breadcrumb").innerText()).startsWith("全部地区").contains(name);
    page.locator("#breadcrumb .crumb", new Page.LocatorOptions().setHasText(name)).click();
    awaitTable(page);
    assertThat(page.locator("#rows-zone").innerText()).contains("省份").doesNotContain("城市");
    assertThat(page.locator("#filter-chips").innerText()).isEmpty();
    assertThat(bodyRows(page)).isEqualTo(provinces);

    // drill again, then the root: where the drilling started (provinces), not the country
    page.locator("#pivot tbody button.member").first().click();
    awaitTable(page);
    page.locator("#breadcrumb [data-action=roll-up][data-depth='-1']").click();
    awaitTable(page);
    assertThat(page.locator("#rows-zone").innerText()).contains("省份").doesNotContain("国家");
    assertThat(bodyRows(page)).isEqualTo(provinces);

    // two steps down from the macro-regions: the province crumb keeps the macro-region, the root drops both
    page.navigate(url("/?cube=revenue&rows=region.macro_region&m=revenue&tot=1&chart=none&lang=en"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    Locator macro = page.locator("#pivot tbody button.member").first();
    String macroKey = macro.getAttribute("data-key");
    macro.click();
    awaitTable(page);
    int inMacro = bodyRows(page);
    page.locator("#pivot tbody button.member").first().click();
    awaitTable(page);
    assertThat(page.locator("#breadcrumb li").first().innerText()).isEqualTo("All regions");
    page.locator("#breadcrumb [data-action=roll-up][data-depth='2']").click();
    awaitTable(page);
    assertThat(page.locator("#rows-zone").innerText()).contains("Province");
    assertThat(page.url()).contains("region.macro_region%3A" + macroKey).doesNotContain("region.province%3A");
    assertThat(bodyRows(page)).isEqualTo(inMacro);
    page.locator("#breadcrumb [data-action=roll-up][data-depth='-1']").click();
    awaitTable(page);
    assertThat(page.locator("#rows-zone").innerText()).contains("Macro-region");
    assertThat(page.locator("#filter-chips").innerText()).isEmpty();
    Browsers.screenshot(page, "explorer-8-rolled-up");
    page.close();
  }

  @Test
  void partialPeriodsAreMarkedInTheAnswerThePageAndTheExport() throws Exception {
    // the sample holds May and June 2025: Q2 has two of its three months, 2025 two of twelve
    JsonNode answer = query("revenue", "{\"measures\":[\"revenue\"],\"rows\":[\"region.macro_region\"],"
        + "\"columns\":[\"time.quarter\"],\"totals\":true}");
    assertThat(answer.path("periods")).hasSize(1);
    JsonNode q2 = answer.path("periods").get(0);
    assertThat(q2.path("key").asText()).isEqualTo("2025-Q2");
    assertThat(q2.path("monthsWithData").asInt()).isEqualTo(2);
    assertThat(q2.path("monthsInPeriod").asInt()).isEqualTo(3);
    assertThat(q2.path("partial").asBoolean()).isTrue();
    JsonNode months = query("revenue", "{\"measures\":[\"revenue\"],\"rows\":[\"time.month\"]}");
    for (JsonNode p : months.path("periods")) {
      assertThat(p.path("partial").asBoolean()).isFalse();
    }

    Page page = newPage(1440, 900);
    page.navigate(url("/?cube=revenue&rows=region.macro_region&cols=time.quarter&m=revenue&tot=1&chart=bar&lang=zh-CN"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    assertThat(page.locator("thead th.col-member").first().innerText()).isEqualTo("2025年第2季度（2/3个月）");
    PlaywrightAssertions.assertThat(page.locator(".partial-note")).isVisible();
    Download download = page.waitForDownload(() -> page.locator("#export-csv").click());
    assertThat(Files.readString(download.path(), StandardCharsets.UTF_8)).contains("2025年第2季度（2/3个月）");

    page.locator("#lang-switch [data-lang=en]").click();
    awaitTable(page);
    assertThat(page.locator("thead th.col-member").first().innerText()).isEqualTo("Q2 2025 (2 of 3 months)");
    page.navigate(url("/?cube=revenue&rows=time.year&m=revenue&tot=1&chart=none&lang=en"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    assertThat(page.locator("tbody th.row-member").first().innerText()).isEqualTo("2025 (2 of 12 months)");
    Browsers.screenshot(page, "explorer-9-partial-year");
    page.close();
  }

  @Test
  void changesFollowTheMeasuresDeclaration() throws Exception {
    Page page = newPage(1440, 900);
    page.navigate(url("/?cube=subscribers&rows=time.month&m=churn_rate,active_end&tot=1&ti=1&chart=none&lang=en"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    JsonNode answer = query("subscribers", "{\"measures\":[\"churn_rate\",\"active_end\"],\"rows\":[\"time.month\"],"
        + "\"timeIntelligence\":[\"previous_period_change\"],\"locale\":\"en\"}");
    JsonNode june = answer.path("cells").get(1);
    double rateChange = june.path("churn_rate:previous_period_change").asDouble();
    // a difference of rates: June's rate minus May's, in percentage points
    assertThat(rateChange).isCloseTo(june.path("churn_rate").asDouble() - answer.path("cells").get(0).path("churn_rate").asDouble(),
        within(1e-12));
    List<?> cells = (List<?>) page.evaluate("""
        () => { const heads = [...document.querySelectorAll('#pivot thead th.measure')].map(th => th.innerText);
          const tr = document.querySelectorAll('#pivot tbody tr:not(.grand-total)')[1];
          return [...tr.querySelectorAll('td')].map((td, i) => [heads[i], td.innerText, td.className, td.dataset.value ?? '']); }""");
    Map<String, List<?>> byHeader = new HashMap<>();
    cells.forEach(c -> byHeader.put((String) ((List<?>) c).get(0), (List<?>) c));
    List<?> rate = byHeader.get("Churn rate · change vs previous period");
    assertThat(Double.parseDouble((String) rate.get(3))).isCloseTo(rateChange, within(1e-12));
    String pp = String.format(java.util.Locale.ROOT, "%+.1f pp", rateChange * 100);
    assertThat(rate.get(1)).isEqualTo(rateChange == 0 ? "0.0 pp" : pp);
    if (rateChange != 0) {
      // a rise in churn is bad news, a fall good
      assertThat((String) rate.get(2)).contains(rateChange > 0 ? "bad" : "good");
    }
    List<?> active = byHeader.get("Active at end · change vs previous period");
    double activeChange = june.path("active_end:previous_period_change").asDouble();
    assertThat((String) active.get(1)).endsWith("%");
    if (activeChange != 0) {
      assertThat((String) active.get(2)).contains(activeChange > 0 ? "good" : "bad");
    }
    // the model says so in GET /api/cubes
    JsonNode model = JSON.readTree(get("/api/cubes?locale=en"));
    for (JsonNode cube : model.path("cubes")) {
      for (JsonNode m : cube.path("measures")) {
        if (m.path("name").asText().equals("churn_rate")) {
          assertThat(m.path("higherIsBetter").asBoolean()).isFalse();
          assertThat(m.path("change").asText()).isEqualTo("difference");
        }
      }
      if (cube.path("name").asText().equals("revenue")) {
        assertThat(cube.path("dimensions").get(1).path("all").asText()).isEqualTo("All regions");
      }
    }
    page.locator("#lang-switch [data-lang=zh-CN]").click();
    awaitTable(page);
    assertThat(page.locator("#pivot tbody tr").nth(1).locator("td").nth(1).innerText()).endsWith("个百分点");
    Browsers.screenshot(page, "explorer-10-churn-change");
    page.close();
  }

  @Test
  void subtotalsAndTheGrandTotalRowShowTheApisNumbers() throws Exception {
    Page page = newPage(1440, 900);
    page.navigate(url("/?cube=revenue&rows=region.macro_region,product.business_line&cols=time.month&m=revenue"
        + "&tot=1&ti=1&chart=none&lang=zh-CN"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    JsonNode answer = query("revenue", "{\"measures\":[\"revenue\"],\"rows\":[\"region.macro_region\",\"product.business_line\"],"
        + "\"columns\":[\"time.month\"],\"totals\":true,\"timeIntelligence\":[\"previous_period_change\","
        + "\"same_period_last_year_change\",\"year_to_date\"],\"locale\":\"zh-CN\"}");
    // each subtotal row's total column: the macro-region over all lines and months
    Map<String, Double> subtotalTotals = new HashMap<>();
    for (JsonNode t : answer.path("totals")) {
      if (!t.path("region.macro_region").isNull() && t.path("product.business_line").isNull() && t.path("time.month").isNull()) {
        subtotalTotals.put(t.path("region.macro_region.caption").asText(), t.path("revenue").asDouble());
      }
    }
    List<?> shown = (List<?>) page.evaluate("""
        () => [...document.querySelectorAll('#pivot tr.subtotal')].map(tr => {
          // the total column group: revenue, MoM, YoY, YTD — revenue is the fourth from the end
          const tds = tr.querySelectorAll('td');
          return [tr.querySelector('th').innerText, tds[tds.length - 4].innerText, tds[tds.length - 4].dataset.value ?? ''];
        })""");
    assertThat(shown).hasSize(subtotalTotals.size());
    for (Object row : shown) {
      List<?> r = (List<?>) row;
      String macro = ((String) r.get(0)).replace(" 小计", "");
      assertThat((String) r.get(1)).isNotEqualTo("—");
      assertThat(Double.parseDouble((String) r.get(2))).isCloseTo(subtotalTotals.get(macro), within(0.01));
    }
    // the grand-total row's MoM under June: all regions' June against May, as the API has it
    JsonNode juneTotal = null;
    for (JsonNode t : answer.path("totals")) {
      if (t.path("region.macro_region").isNull() && t.path("product.business_line").isNull()
          && "2025-06".equals(t.path("time.month").asText())) {
        juneTotal = t;
      }
    }
    assertThat(juneTotal).isNotNull();
    double mom = juneTotal.path("revenue:previous_period_change").asDouble();
    assertThat(juneTotal.path("revenue:previous_period_change").isNumber()).isTrue();
    // columns: May (revenue, MoM, YoY, YTD), June (...), then the total column group
    Object v = page.evaluate("() => document.querySelectorAll('#pivot tr.grand-total td')[5].dataset.value");
    assertThat(v).as("the grand total's June MoM").isNotNull();
    assertThat(Double.parseDouble((String) v)).isCloseTo(mom, within(1e-9));
    Browsers.screenshot(page, "explorer-11-subtotals");
    page.close();
  }

  @Test
  void aSlowQueryShowsAWaitThatBlocksTheStaleTableAndCanBeCancelled() throws Exception {
    Page page = newPage(1440, 900);
    page.navigate(url("/?cube=revenue&rows=region.macro_region&m=revenue&tot=1&chart=none&lang=en"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    String before = page.locator("#pivot").innerText();
    String beforeUrl = page.url();
    // hold the next query as a slow server would
    List<com.microsoft.playwright.Route> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> cancels = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
    page.onRequest(r -> {
      if (r.method().equals("DELETE") && r.url().contains("/api/cubes/queries/")) {
        cancels.add(r.url());
      }
    });
    page.onRequestFailed(r -> failed.add(r.url()));
    page.route("**/api/cubes/revenue/query", held::add);
    page.locator("#pivot tbody button.member").first().click();
    PlaywrightAssertions.assertThat(page.locator("#wait")).isVisible();
    PlaywrightAssertions.assertThat(page.locator("#wait")).containsText("Running query");
    // the stale table cannot be clicked: the wait lies over it
    Locator stale = page.locator("#pivot tbody button.member").nth(1);
    assertThat(stale.isVisible()).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> stale.click(new Locator.ClickOptions().setTimeout(1_000).setTrial(true)))
        .hasMessageContaining("intercepts pointer events");
    assertThat(page.locator("#pivot").getAttribute("inert")).isNotNull();
    Browsers.screenshot(page, "explorer-12-waiting");
    page.waitForCondition(() -> !held.isEmpty());
    Map<String, String> headers = held.get(0).request().allHeaders();
    // (Playwright lowercases header names in the JVM's locale: x-query-ıd under tr-TR)
    String queryId = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("X-Query-Id"))
        .map(Map.Entry::getValue).findFirst().orElse(null);
    assertThat(queryId).as(headers.toString()).isNotBlank();

    page.locator("#cancel-query").click();
    PlaywrightAssertions.assertThat(page.locator("#wait")).isHidden();
    page.waitForCondition(() -> !cancels.isEmpty());
    assertThat(cancels.get(0)).endsWith("/api/cubes/queries/" + queryId);
    page.waitForCondition(() -> failed.stream().anyMatch(u -> u.endsWith("/api/cubes/revenue/query")));
    // the previous table stands, with the view it answers
    assertThat(page.locator("#pivot").innerText()).isEqualTo(before);
    assertThat(page.url()).isEqualTo(beforeUrl);
    assertThat(page.locator("#message").innerText()).contains("cancelled");
    assertThat(page.locator("#pivot").getAttribute("inert")).isNull();
    // Escape cancels as well
    page.locator("#swap").click();
    PlaywrightAssertions.assertThat(page.locator("#wait")).isVisible();
    page.keyboard().press("Escape");
    PlaywrightAssertions.assertThat(page.locator("#wait")).isHidden();
    assertThat(page.url()).isEqualTo(beforeUrl);
    page.unroute("**/api/cubes/revenue/query");
    page.locator("#pivot tbody button.member").nth(1).click();
    awaitTable(page);
    assertThat(page.locator("#rows-zone").innerText()).contains("Province");
    page.close();
  }

  @Test
  void theQueryApiTakesAnIdToCancelBy() throws Exception {
    HttpResponse<String> cancel = http.send(TestUsers.request(URI.create(url("/api/cubes/queries/nothing-running")))
        .DELETE().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(cancel.statusCode()).isEqualTo(204);
    HttpResponse<String> named = http.send(TestUsers.request(URI.create(url("/api/cubes/revenue/query")))
        .header("content-type", "application/json").header("X-Query-Id", "q-1")
        .POST(HttpRequest.BodyPublishers.ofString("{\"measures\":[\"revenue\"],\"rows\":[\"region.macro_region\"]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(named.statusCode()).isEqualTo(200);
    HttpResponse<String> bad = http.send(TestUsers.request(URI.create(url("/api/cubes/revenue/query")))
        .header("content-type", "application/json").header("X-Query-Id", "x".repeat(101))
        .POST(HttpRequest.BodyPublishers.ofString("{\"measures\":[\"revenue\"],\"rows\":[\"region.macro_region\"]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("field").asText()).isEqualTo("X-Query-Id");
  }

  @Test
  void everyCategoryIsNamedOnTheAxisAndTheMapFitsItsPanel() {
    Page page = newPage(1440, 900);
    page.navigate(url("/?cube=revenue&rows=region.province&m=revenue&tot=1&chart=bar&lang=zh-CN"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    page.waitForFunction("echarts.getInstanceByDom(document.getElementById('chart')) != null");
    // 31 provinces: bars across, a labelled row each, no label skipped
    List<?> labels = (List<?>) page.evaluate(CATEGORY_LABELS);
    assertThat(((Number) labels.get(0)).intValue()).isEqualTo(((Number) labels.get(1)).intValue())
        .isEqualTo(bodyRows(page));
    Browsers.screenshot(page, "explorer-13-every-label");

    // 61 days along a line: a window of days, every one in it labelled, and a slider for the rest
    page.navigate(url("/?cube=usage&rows=time.day&m=events&tot=1&chart=line&lang=zh-CN"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);
    page.waitForFunction("echarts.getInstanceByDom(document.getElementById('chart')) != null");
    List<?> days = (List<?>) page.evaluate(CATEGORY_LABELS);
    int shown = ((Number) days.get(0)).intValue();
    assertThat(shown).isEqualTo(((Number) days.get(1)).intValue()).isLessThan(bodyRows(page));
    assertThat(((Number) days.get(2)).intValue()).isEqualTo(bodyRows(page));
    assertThat(page.evaluate("echarts.getInstanceByDom(document.getElementById('chart')).getOption().dataZoom.length"))
        .isEqualTo(2);
    Browsers.screenshot(page, "explorer-15-days-window");

    page.navigate(url("/?cube=revenue&rows=region.province&m=revenue&tot=1&chart=bar&lang=zh-CN"));
    page.waitForFunction("window.explorerReady === true");
    awaitTable(page);

    page.locator("#chart-select").selectOption("map");
    page.waitForFunction("(() => { const c = echarts.getInstanceByDom(document.getElementById('chart'));"
        + " return c && c.getModel().getSeriesByIndex(0)?.type === 'series.map'; })()");
    List<?> box = (List<?>) page.evaluate("""
        () => { const c = echarts.getInstanceByDom(document.getElementById('chart'));
          const r = c.getModel().getSeriesByIndex(0).coordinateSystem.getViewRect();
          return [r.x, r.y, r.x + r.width, r.y + r.height, c.getWidth(), c.getHeight()]; }""");
    double[] b = box.stream().mapToDouble(o -> ((Number) o).doubleValue()).toArray();
    assertThat(b[0]).as("left edge").isGreaterThanOrEqualTo(0);
    assertThat(b[1]).as("top edge").isGreaterThanOrEqualTo(0);
    assertThat(b[2]).as("right edge").isLessThanOrEqualTo(b[4]);
    assertThat(b[3]).as("bottom edge").isLessThanOrEqualTo(b[5]);
    Browsers.screenshot(page, "explorer-14-map-fits");
    page.close();
  }

  // --- helpers ---

  /** The chart's category axis: [labels drawn, categories in view, categories in all]. */
  private static final String CATEGORY_LABELS = """
      () => { const c = echarts.getInstanceByDom(document.getElementById('chart'));
        const axis = ['xAxis', 'yAxis'].map(n => c.getModel().getComponent(n, 0).axis).find(a => a.type === 'category');
        const [from, to] = axis.scale.getExtent();
        return [axis.getViewLabels().length, to - from + 1, axis.scale.getOrdinalMeta().categories.length]; }""";

  /**
   * A page of the admin logged in once for the whole class, as the browser keeps a session.
   * Playwright's waitForFunction compiles its predicate in the page, which the pages' CSP
   * (script-src 'self') forbids; LoginPageTest loads every page under the CSP instead.
   */
  private com.microsoft.playwright.Browser.NewPageOptions pageOptions() {
    return new com.microsoft.playwright.Browser.NewPageOptions().setStorageState(admin()).setBypassCSP(true);
  }

  /** The admin logged in once for the whole class, as the browser keeps a session. */
  private String admin() {
    if (adminState == null) {
      adminState = browsers.admin(url(""));
    }
    return adminState;
  }

  private Page newPage(int width, int height) {
    return browsers.browser().newPage(pageOptions()
        .setViewportSize(width, height).setAcceptDownloads(true));
  }

  private static int bodyRows(Page page) {
    return page.locator("#pivot tbody tr:not(.subtotal):not(.grand-total)").count();
  }

  private JsonNode query(String cube, String body) throws Exception {
    HttpResponse<String> response = http.send(TestUsers.request(URI.create(url("/api/cubes/" + cube + "/query")))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private String get(String path) throws Exception {
    return http.send(TestUsers.request(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static void awaitTable(Page page) {
    page.waitForFunction("document.querySelector('#busy').hidden && (document.querySelector('#wait') ?? {hidden: true}).hidden"
        + " && document.querySelector('#pivot table') != null");
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
    HttpResponse<String> response = http.send(TestUsers.request(URI.create(url("/api/cubes/revenue/query")))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
