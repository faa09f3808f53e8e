package org.telecube.server.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.metadata.MetadataStoreConfiguration;
import org.telecube.server.testing.Browsers;
import org.telecube.server.testing.TestUsers;

/**
 * The chart layer of the explorer ({@code static/js/charts.js}) in Debian's Chromium: the test-only page
 * {@code chart-check.html} draws a bar, a line and the China map; each must show, and every province of
 * the warehouse must have its area on the map. Screenshots go to {@code target/screenshots/charts-*.png}.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChartsPageTest {
  private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
  private static final String REGIONS = "org/telecube/warehouse/reference/regions.csv";

  private static Playwright playwright;
  private static Browser browser;

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) throws IOException {
    TestUsers.register(registry);
    Path dir = Files.createTempDirectory("telecube-charts");
    registry.add("telecube.data-dir", () -> dir.resolve("data").toString());
    registry.add("telecube.metadata.url", () -> MetadataStoreConfiguration.h2Url(dir.resolve("metadata")));
  }

  @LocalServerPort
  int port;

  private BrowserContext context;
  private Page page;
  private final List<String> consoleErrors = new ArrayList<>();

  @BeforeAll
  static void startBrowser() {
    playwright = Playwright.create();
    browser = launchChromium(playwright);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  /** Debian's Chromium (package chromium), never a browser Playwright would download. */
  private static Browser launchChromium(Playwright playwright) {
    Path chromium = Paths.get("/usr/bin/chromium");
    assertThat(chromium).as("Debian's Chromium (apt-get install chromium)").isExecutable();
    return playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(chromium)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run")));
  }

  @BeforeEach
  void openContext() {
    // A browser in neither the page's locale nor its zone: the charts must format by the locale they are given.
    context = browser.newContext(new Browser.NewContextOptions()
        .setLocale("tr-TR")
        .setTimezoneId("America/Bahia_Banderas")
        .setViewportSize(820, 1500)
        .setBypassCSP(true) // waitForFunction's predicates are compiled in the page; LoginPageTest checks the CSP
        .setStorageState(Browsers.loggedIn(browser, "http://localhost:" + port, TestUsers.ADMIN,
            TestUsers.ADMIN_PASSWORD)));
    page = context.newPage();
    page.onConsoleMessage(m -> {
      if ("error".equals(m.type())) {
        consoleErrors.add(m.text());
      }
    });
    page.onPageError(e -> consoleErrors.add("page error: " + e));
    page.onResponse(r -> {
      if (r.status() >= 400) {
        consoleErrors.add(r.status() + " " + r.url());
      }
    });
  }

  @AfterEach
  void closeContext() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void assetsAreServed() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String path : List.of("/webjars/echarts/echarts.min.js", "/js/charts.js", "/maps/china.json",
        "/chart-check.html")) {
      HttpResponse<byte[]> response = http.send(
          TestUsers.request(URI.create("http://localhost:" + port + path)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.body().length).as(path).isGreaterThan(1000);
    }
  }

  @Test
  void drawsTheThreeChartsAndMapsEveryProvince() throws Exception {
    page.navigate("http://localhost:" + port + "/chart-check.html");
    page.waitForFunction("() => window.chartsReady === true || window.chartsError !== undefined");
    assertThat(page.evaluate("() => window.chartsError ?? null")).isNull();

    Files.createDirectories(SCREENSHOTS);
    for (String id : List.of("bar", "line", "map")) {
      Locator chart = page.locator("#" + id);
      assertThat(chart.locator("svg, canvas").count()).as("%s draws an svg or a canvas", id).isGreaterThan(0);
      byte[] png = chart.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("charts-" + id + ".png")));
      assertNotBlank(id, png);
    }

    // Every province of the warehouse maps to a distinct feature of the GeoJSON...
    List<String> provinces = warehouseProvinces();
    assertThat(provinces).hasSize(31).contains("110000", "440000", "540000", "650000");
    @SuppressWarnings("unchecked")
    Map<String, Object> mapping = (Map<String, Object>) page.evaluate("""
        codes => {
          const features = new Set(echarts.getMap('china').geoJSON.features.map(f => f.properties.name));
          return Object.fromEntries(codes.map(c => {
            const name = charts.provinceFeatureName(c);
            return [c, name !== null && features.has(name) ? name : null];
          }));
        }""", provinces);
    Map<String, Object> unmapped = new LinkedHashMap<>();
    mapping.forEach((code, name) -> {
      if (name == null) {
        unmapped.put(code, null);
      }
    });
    assertThat(unmapped).as("province codes without a map feature").isEmpty();
    assertThat(new HashSet<>(mapping.values())).as("one feature per province").hasSize(provinces.size());
    assertThat(mapping).containsEntry("440000", "广东").containsEntry("110000", "北京")
        .containsEntry("650000", "新疆").containsEntry("540000", "西藏").containsEntry("150000", "内蒙古");

    // ...and the map series has the value the page gave for each of them, on that feature.
    @SuppressWarnings("unchecked")
    Map<String, Object> plotted = (Map<String, Object>) page.evaluate("""
        () => {
          const given = window.chartCheck.data.map.values;
          const data = window.chartCheck.map.getOption().series[0].data;
          const out = {};
          for (const code of Object.keys(given)) {
            const item = data.find(d => d.code === code);
            out[code] = item && item.value === given[code] && item.name === charts.provinceFeatureName(code);
          }
          return out;
        }""");
    assertThat(plotted.keySet()).containsExactlyInAnyOrderElementsOf(provinces);
    assertThat(plotted).allSatisfy((code, ok) -> assertThat(ok).as("value of %s on the map", code).isEqualTo(true));

    // Tooltips name the province and format the value in the chart's locale.
    page.evaluate("() => window.chartCheck.map.dispatchAction({type: 'showTip', seriesIndex: 0, name: '广东'})");
    Locator tip = page.locator("#map div").filter(new Locator.FilterOptions().setHasText("广东省"));
    tip.first().waitFor();
    assertThat(tip.first().innerText()).contains("广东省").contains("收入").contains("¥312,345,678.90");
    page.locator("#map").screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("charts-map-tooltip.png")));
    page.evaluate("() => window.chartCheck.bar.dispatchAction({type: 'showTip', seriesIndex: 0, dataIndex: 2})");
    page.locator("#bar").screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("charts-bar-tooltip.png")));
    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("charts-page.png")));

    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void redrawsFollowsItsSizeAndDisposes() throws Exception {
    page.navigate("http://localhost:" + port + "/chart-check.html");
    page.waitForFunction("() => window.chartsReady === true || window.chartsError !== undefined");

    // The map in English, with the page's own caption for one province; areas without data say so.
    page.evaluate("""
        async () => {
          const el = document.getElementById('map');
          const before = window.chartCheck.map;
          const again = await charts.chinaMap(el, {values: {'44': 0.25, '650000': 0.125}, name: 'Churn rate',
              format: 'percent', locale: 'en', captions: {'650000': 'Xinjiang Uyghur AR'}});
          window.chartCheck.mapAgain = again;
          window.chartCheck.mapReplaced = before !== again && before.isDisposed();
        }""");
    assertThat(page.evaluate("() => window.chartCheck.mapReplaced")).as("a new locale, a new instance").isEqualTo(true);
    page.evaluate("() => window.chartCheck.mapAgain.dispatchAction({type: 'showTip', seriesIndex: 0, name: '新疆'})");
    Locator xinjiang = page.locator("#map div").filter(new Locator.FilterOptions().setHasText("Xinjiang Uyghur AR"));
    xinjiang.first().waitFor();
    assertThat(xinjiang.first().innerText()).contains("Churn rate").contains("12.5%");
    page.evaluate("() => window.chartCheck.mapAgain.dispatchAction({type: 'showTip', seriesIndex: 0, name: '台湾'})");
    Locator taiwan = page.locator("#map div").filter(new Locator.FilterOptions().setHasText("Taiwan"));
    taiwan.first().waitFor();
    assertThat(taiwan.first().innerText()).contains("No data");
    Files.createDirectories(SCREENSHOTS);
    page.locator("#map").screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("charts-map-en.png")));

    // Drawing again into an element reuses its chart; the chart follows the element's size.
    @SuppressWarnings("unchecked")
    Map<String, Object> bar = (Map<String, Object>) page.evaluate("""
        async () => {
          const el = document.getElementById('bar');
          const again = charts.barChart(el, {categories: [], series: [], format: 'count', locale: 'zh-CN'});
          const reused = again === window.chartCheck.bar;
          el.style.width = '500px';
          await new Promise(r => setTimeout(r, 300));
          const width = again.getWidth();
          const noData = el.querySelector('svg').textContent.includes('无数据');
          charts.disposeChart(el);
          return {reused, width, noData, disposed: again.isDisposed() && echarts.getInstanceByDom(el) === undefined};
        }""");
    assertThat(bar).containsEntry("reused", true).containsEntry("width", 500)
        .containsEntry("noData", true).containsEntry("disposed", true);
    assertThat(consoleErrors).isEmpty();
  }

  @Test
  void numbersFollowTheGivenLocale() {
    page.navigate("http://localhost:" + port + "/chart-check.html");
    page.waitForFunction("() => window.chartsReady === true || window.chartsError !== undefined");
    @SuppressWarnings("unchecked")
    Map<String, Object> formatted = (Map<String, Object>) page.evaluate("""
        () => ({
          currencyZh: charts.formatValue(1234567.8, 'currency', 'zh-CN'),
          currencyEn: charts.formatValue(1234567.8, 'currency', 'en'),
          percent: charts.formatValue(0.12345, 'percent', 'zh-CN'),
          count: charts.formatValue(1234567, 'count', 'en'),
          none: charts.formatValue(null, 'currency', 'zh-CN'),
          axisWan: charts.formatAxisValue(1500000, 'currency', 'zh-CN'),
          axisYi: charts.formatAxisValue(300000000, 'currency', 'zh-CN'),
          axisSmall: charts.formatAxisValue(5000, 'currency', 'zh-CN'),
          axisEn: charts.formatAxisValue(300000000, 'currency', 'en'),
          axisPercent: charts.formatAxisValue(0.125, 'percent', 'en'),
          captionZh: charts.provinceCaption('650000', 'zh-CN'),
          captionEn: charts.provinceCaption('650000', 'en'),
          twoDigits: charts.provinceFeatureName('44'),
          unknown: charts.provinceFeatureName('990000'),
        })""");
    assertThat(formatted)
        .containsEntry("currencyZh", "¥1,234,567.80")
        .containsEntry("currencyEn", "¥1,234,567.80")
        .containsEntry("percent", "12.3%")
        .containsEntry("count", "1,234,567")
        .containsEntry("none", "—")
        .containsEntry("axisWan", "¥150万")
        .containsEntry("axisYi", "¥3亿")
        .containsEntry("axisSmall", "¥5,000")
        .containsEntry("axisEn", "¥300M")
        .containsEntry("axisPercent", "12.5%")
        .containsEntry("captionZh", "新疆维吾尔自治区")
        .containsEntry("captionEn", "Xinjiang")
        .containsEntry("twoDigits", "广东")
        .containsEntry("unknown", null);
  }

  @Test
  void provincesMatchAnotherMapByCodeOrName() {
    page.navigate("http://localhost:" + port + "/chart-check.html");
    page.waitForFunction("() => window.chartsReady === true || window.chartsError !== undefined");
    @SuppressWarnings("unchecked")
    Map<String, Object> matched = (Map<String, Object>) page.evaluate("""
        () => charts.matchProvinces({type: 'FeatureCollection', features: [
          {type: 'Feature', properties: {name: '广东省'}},
          {type: 'Feature', properties: {name: '新疆维吾尔自治区'}},
          {type: 'Feature', properties: {name: '北京'}},
          {type: 'Feature', properties: {name: 'Inner Mongolia'}},
          {type: 'Feature', properties: {name: '广西'}},
          {type: 'Feature', properties: {name: 'Xizang', adcode: 540000}},
          {type: 'Feature', id: '46', properties: {name: 'Hainan Island'}},
        ]})""");
    assertThat(matched).containsExactlyInAnyOrderEntriesOf(Map.of(
        "440000", "广东省", "650000", "新疆维吾尔自治区", "110000", "北京", "150000", "Inner Mongolia",
        "450000", "广西", "540000", "Xizang", "460000", "Hainan Island"));
  }

  /** The province codes of the warehouse's reference data (regions.csv, level province). */
  private static List<String> warehouseProvinces() throws IOException {
    List<String> codes = new ArrayList<>();
    try (InputStream in = ChartsPageTest.class.getClassLoader().getResourceAsStream(REGIONS)) {
      assertThat(in).as(REGIONS).isNotNull();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      reader.readLine(); // header: code,level,parent_code,...
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] cells = line.split(",", -1);
        if (cells.length > 1 && "province".equals(cells[1])) {
          codes.add(cells[0]);
        }
      }
    }
    return codes;
  }

  /** A drawn chart: inside its element's border, many pixels that are not the background, in several colours. */
  private static void assertNotBlank(String id, byte[] png) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int inset = 3;
    int background = image.getRGB(image.getWidth() / 2, inset) & 0xFFFFFF;
    long inked = 0;
    Set<Integer> colours = new HashSet<>();
    for (int y = inset; y < image.getHeight() - inset; y++) {
      for (int x = inset; x < image.getWidth() - inset; x++) {
        int rgb = image.getRGB(x, y) & 0xFFFFFF;
        if (rgb != background) {
          inked++;
          colours.add(rgb);
        }
      }
    }
    long total = (long) (image.getWidth() - 2 * inset) * (image.getHeight() - 2 * inset);
    assertThat(inked).as("%s: pixels drawn of %d", id, total).isGreaterThan(total / 100);
    assertThat(colours.size()).as("%s: colours drawn", id).isGreaterThan(8);
  }
}
