package org.telecube.server.cube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.telecube.server.TelecubeApplication;
import org.telecube.server.testing.SampleWarehouse;
import org.telecube.server.testing.TestUsers;

/**
 * {@code POST /api/cubes/{cube}/export} over real HTTP on the generated sample warehouse: the file
 * read back (FastCSV, fastexcel-reader) against the {@code /query} answer for the same body and
 * against the billing feed summed by hand; under surefire's tr-TR locale.
 */
@SpringBootTest(classes = TelecubeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CubeExportApiTest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final String REVENUE_BY_PROVINCE_AND_MONTH =
      "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"],\"columns\":[\"time.month\"],\"totals\":true}";
  private static final YearMonth MAY = YearMonth.of(2025, 5);
  private static final YearMonth JUNE = YearMonth.of(2025, 6);

  @DynamicPropertySource
  static void stores(DynamicPropertyRegistry registry) {
    SampleWarehouse.register(registry);
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void csvIsThePivotWithMonthHeadersProvinceRowsAndTotals() throws Exception {
    HttpResponse<byte[]> response = post("/api/cubes/revenue/export?format=csv", REVENUE_BY_PROVINCE_AND_MONTH);
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type").orElseThrow().replace(" ", ""))
        .isEqualToIgnoringCase("text/csv;charset=UTF-8");
    String disposition = response.headers().firstValue("content-disposition").orElseThrow();
    assertThat(disposition).startsWith("attachment;")
        .contains("filename=\"revenue_region.province_x_time.month.csv\"");
    String encoded = disposition.substring(disposition.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
    assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo("收入分析_省份×月份.csv");

    byte[] body = response.body();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF); // the UTF-8 byte order mark Excel needs
    List<List<String>> csv = parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));

    Answer q = query(REVENUE_BY_PROVINCE_AND_MONTH);
    List<String> monthCaptions = new ArrayList<>(q.monthCaptions().values());
    assertThat(monthCaptions).hasSize(2);
    assertThat(csv.get(0)).containsExactly("月份", monthCaptions.get(0), monthCaptions.get(1), "合计");
    assertThat(csv.get(1)).containsExactly("省份", "收入", "收入", "收入");

    List<String> months = new ArrayList<>(q.monthCaptions().keySet());
    List<List<String>> body2 = csv.subList(2, csv.size() - 1);
    assertThat(body2).extracting(r -> r.get(0)).containsExactlyElementsOf(q.provinceCaptions().values());
    assertThat(body2).extracting(r -> r.get(0)).anyMatch(c -> c.matches(".*\\p{IsHan}.*省"));
    int i = 0;
    for (Map.Entry<String, String> province : q.provinceCaptions().entrySet()) {
      List<String> row = body2.get(i++);
      for (int m = 0; m < months.size(); m++) {
        BigDecimal expected = q.cell(province.getKey(), months.get(m));
        if (expected == null) {
          assertThat(row.get(1 + m)).isEmpty();
        } else {
          assertThat(number(row.get(1 + m))).as(province.getValue() + " " + months.get(m)).isEqualByComparingTo(expected);
        }
      }
      assertThat(number(row.get(3))).isEqualByComparingTo(q.total(province.getKey(), null));
    }
    List<String> total = csv.get(csv.size() - 1);
    assertThat(total.get(0)).isEqualTo("合计");
    BigDecimal may = SampleWarehouse.get().billedAmount(MAY);
    BigDecimal june = SampleWarehouse.get().billedAmount(JUNE);
    assertThat(number(total.get(1)).doubleValue()).isCloseTo(may.doubleValue(), within(0.005));
    assertThat(number(total.get(2)).doubleValue()).isCloseTo(june.doubleValue(), within(0.005));
    assertThat(number(total.get(3)).doubleValue()).isCloseTo(may.add(june).doubleValue(), within(0.005));

    // plain numbers with a '.' decimal point although the JVM runs in tr-TR (surefire's argLine)
    List<String> numbers = csv.subList(2, csv.size()).stream().flatMap(r -> r.subList(1, r.size()).stream()).toList();
    assertThat(numbers).allMatch(s -> s.isEmpty() || s.matches("-?\\d+(\\.\\d+)?"), "plain numbers")
        .anyMatch(s -> s.contains("."));
  }

  @Test
  void xlsxHasTheSameNumbersAsNumericCellsWithMoneyFormatAndTheCubeAsSheetName() throws Exception {
    HttpResponse<byte[]> response = post("/api/cubes/revenue/export?format=xlsx", REVENUE_BY_PROVINCE_AND_MONTH);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue(XLSX);
    assertThat(response.headers().firstValue("content-disposition").orElseThrow())
        .contains("filename=\"revenue_region.province_x_time.month.xlsx\"");
    String cubeCaption = JSON.readTree(get("/api/cubes/revenue").body()).path("caption").asText();
    assertThat(cubeCaption).isEqualTo("收入分析");

    Answer q = query(REVENUE_BY_PROVINCE_AND_MONTH);
    List<String> months = new ArrayList<>(q.monthCaptions().keySet());
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.body()),
        new ReadingOptions(true, false))) {
      Sheet sheet = workbook.getFirstSheet();
      assertThat(sheet.getName()).isEqualTo(cubeCaption);
      List<Row> rows = sheet.read();
      assertThat(text(rows.get(0))).containsExactly("月份", q.monthCaptions().get(months.get(0)),
          q.monthCaptions().get(months.get(1)), "合计");
      assertThat(text(rows.get(1))).containsExactly("省份", "收入", "收入", "收入");
      assertThat(rows).hasSize(2 + q.provinceCaptions().size() + 1);
      int r = 2;
      for (Map.Entry<String, String> province : q.provinceCaptions().entrySet()) {
        Row row = rows.get(r++);
        assertThat(row.getCellText(0)).isEqualTo(province.getValue());
        for (int m = 0; m < months.size(); m++) {
          if (q.cell(province.getKey(), months.get(m)) == null) {
            continue;
          }
          Cell cell = row.getCell(1 + m);
          assertThat(cell.getType()).isEqualTo(CellType.NUMBER);
          assertThat(cell.asNumber()).isEqualByComparingTo(q.cell(province.getKey(), months.get(m)));
          assertThat(cell.getDataFormatString()).isEqualTo("#,##0.00");
        }
      }
      Row total = rows.get(rows.size() - 1);
      assertThat(total.getCellText(0)).isEqualTo("合计");
      BigDecimal both = SampleWarehouse.get().billedAmount(MAY).add(SampleWarehouse.get().billedAmount(JUNE));
      assertThat(total.getCell(3).asNumber().doubleValue()).isCloseTo(both.doubleValue(), within(0.005));
      assertThat(total.getCell(3).getDataFormatString()).isEqualTo("#,##0.00");
    }
    // the header rows and the province column stay in view
    assertThat(sheetXml(response.body())).containsPattern("<pane [^>]*xSplit=\"1\"[^>]*ySplit=\"2\"[^>]*state=\"frozen\"");
  }

  @Test
  void englishPlainTableHasAColumnPerMeasureIncludingTimeIntelligenceAndATotalRow() throws Exception {
    String body = "{\"measures\":[\"revenue\",\"bill_lines\"],\"rows\":[\"time.month\"],\"locale\":\"en\",\"totals\":true,"
        + "\"timeIntelligence\":[\"previous_period_change\"]}";
    JsonNode answer = JSON.readTree(postString("/api/cubes/revenue/query", body).body());
    List<String> captions = new ArrayList<>();
    answer.path("columns").forEach(c -> captions.add(c.path("caption").asText()));
    assertThat(captions).containsExactly("Month", "Revenue", "Revenue · change vs previous period", "Bill lines",
        "Bill lines · change vs previous period");

    List<List<String>> csv = csvOf(post("/api/cubes/revenue/export?format=csv", body));
    assertThat(csv.get(0)).containsExactlyElementsOf(captions);
    assertThat(csv).hasSize(1 + answer.path("cells").size() + 1);
    for (int i = 0; i < answer.path("cells").size(); i++) {
      JsonNode cell = answer.path("cells").get(i);
      List<String> row = csv.get(1 + i);
      assertThat(row.get(0)).isEqualTo(cell.path("time.month.caption").asText());
      assertThat(number(row.get(1))).isEqualByComparingTo(cell.path("revenue").decimalValue());
      assertThat(number(row.get(3))).isEqualByComparingTo(cell.path("bill_lines").decimalValue());
      JsonNode change = cell.path("revenue:previous_period_change");
      if (change.isNull()) {
        assertThat(row.get(2)).isEmpty();
      } else {
        assertThat(number(row.get(2))).isEqualByComparingTo(change.decimalValue());
      }
    }
    List<String> total = csv.get(csv.size() - 1);
    assertThat(total.get(0)).isEqualTo("Total");
    BigDecimal both = SampleWarehouse.get().billedAmount(MAY).add(SampleWarehouse.get().billedAmount(JUNE));
    assertThat(number(total.get(1)).doubleValue()).isCloseTo(both.doubleValue(), within(0.005));

    HttpResponse<byte[]> xlsx = post("/api/cubes/revenue/export?format=xlsx", body);
    try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()),
        new ReadingOptions(true, false))) {
      Sheet sheet = workbook.getFirstSheet();
      assertThat(sheet.getName()).isEqualTo("Revenue");
      List<Row> rows = sheet.read();
      assertThat(text(rows.get(0))).containsExactlyElementsOf(captions);
      Row june = rows.get(2); // May has no previous month in the warehouse; June has a change
      assertThat(june.getCellText(0)).isEqualTo(answer.path("cells").get(1).path("time.month.caption").asText());
      assertThat(june.getCell(1).getDataFormatString()).isEqualTo("#,##0.00");
      assertThat(june.getCell(2).getType()).isEqualTo(CellType.NUMBER);
      assertThat(june.getCell(2).getDataFormatString()).isEqualTo("0.0%");
      assertThat(june.getCell(3).getDataFormatString()).isEqualTo("#,##0");
      assertThat(june.getCell(2).asNumber()).isEqualByComparingTo(
          answer.path("cells").get(1).path("revenue:previous_period_change").decimalValue());
      assertThat(rows.get(rows.size() - 1).getCellText(0)).isEqualTo("Total");
    }
    assertThat(sheetXml(xlsx.body())).containsPattern("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
  }

  @Test
  void subtotalsFollowEachGroupOfTheOuterLevel() throws Exception {
    String body = "{\"measures\":[\"revenue\"],\"rows\":[\"region.macro_region\",\"region.province\"],"
        + "\"totals\":true,\"locale\":\"en\"}";
    JsonNode answer = JSON.readTree(postString("/api/cubes/revenue/query", body).body());
    List<List<String>> csv = csvOf(post("/api/cubes/revenue/export?format=csv", body));
    assertThat(csv.get(0)).containsExactly("Macro-region", "Province", "Revenue");
    // expected: the cells in order, a "<region>, Total" row after each region's last province, then "Total"
    List<List<String>> expected = new ArrayList<>();
    Map<String, JsonNode> regionTotals = new LinkedHashMap<>();
    JsonNode grand = null;
    for (JsonNode t : answer.path("totals")) {
      if (t.path("region.macro_region").isNull()) {
        grand = t;
      } else if (t.path("region.province").isNull()) {
        regionTotals.put(t.path("region.macro_region").asText(), t);
      }
    }
    JsonNode cells = answer.path("cells");
    for (int i = 0; i < cells.size(); i++) {
      JsonNode c = cells.get(i);
      expected.add(List.of(c.path("region.macro_region.caption").asText(), c.path("region.province.caption").asText(),
          c.path("revenue").decimalValue().toPlainString()));
      String region = c.path("region.macro_region").asText();
      if (i + 1 == cells.size() || !cells.get(i + 1).path("region.macro_region").asText().equals(region)) {
        expected.add(List.of(c.path("region.macro_region.caption").asText(), "Total",
            regionTotals.get(region).path("revenue").decimalValue().toPlainString()));
      }
    }
    expected.add(List.of("Total", "", grand.path("revenue").decimalValue().toPlainString()));
    assertThat(regionTotals).hasSizeGreaterThan(1);
    List<List<String>> actual = csv.subList(1, csv.size()).stream()
        .map(r -> List.of(r.get(0), r.get(1), number(r.get(2)).toPlainString())).toList();
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).subList(0, 2)).as("row " + i).isEqualTo(expected.get(i).subList(0, 2));
      assertThat(new BigDecimal(actual.get(i).get(2))).as("row " + i)
          .isEqualByComparingTo(new BigDecimal(expected.get(i).get(2)));
    }
  }

  @Test
  void aTruncatedResultEndsWithANoteRow() throws Exception {
    String body = "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"],\"limit\":3}";
    List<List<String>> csv = csvOf(post("/api/cubes/revenue/export", body)); // csv by default
    assertThat(csv).hasSize(1 + 3 + 1);
    assertThat(csv.get(4)).containsExactly("结果已截断：仅含前 3 行", "");
    List<List<String>> en = csvOf(post("/api/cubes/revenue/export?format=CSV",
        "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"],\"limit\":3,\"locale\":\"en\"}"));
    assertThat(en.get(4).get(0)).isEqualTo("Result truncated at 3 rows");
    List<List<String>> whole = csvOf(post("/api/cubes/revenue/export", "{\"measures\":[\"revenue\"],\"rows\":[\"region.province\"]}"));
    assertThat(whole.get(whole.size() - 1).get(0)).doesNotContain("截断");
  }

  @Test
  void mistakesAre400ProblemJsonNamingTheField() throws Exception {
    HttpResponse<String> format = http.send(TestUsers.request(uri("/api/cubes/revenue/export?format=pdf"))
            .header("content-type", "application/json").header("accept", "text/csv, */*;q=0.1")
            .POST(HttpRequest.BodyPublishers.ofString(REVENUE_BY_PROVINCE_AND_MONTH)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.headers().firstValue("content-type").orElseThrow()).contains("json");
    JsonNode problem = JSON.readTree(format.body());
    assertThat(problem.path("field").asText()).isEqualTo("format");
    assertThat(problem.path("code").asText()).isEqualTo("unknown_format");

    HttpResponse<String> level = postString("/api/cubes/revenue/export?format=xlsx",
        "{\"measures\":[\"revenue\"],\"rows\":[\"region.provinc\"]}");
    assertThat(level.statusCode()).isEqualTo(400);
    assertThat(level.headers().firstValue("content-type").orElseThrow()).contains("json");
    JsonNode bad = JSON.readTree(level.body());
    assertThat(bad.path("field").asText()).isEqualTo("rows[0]");
    assertThat(bad.path("code").asText()).isEqualTo("unknown_level");

    HttpResponse<String> cube = postString("/api/cubes/nope/export?format=csv", "{\"measures\":[\"revenue\"]}");
    assertThat(cube.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(cube.body()).path("code").asText()).isEqualTo("unknown_cube");
  }

  @Test
  void theEndpointIsInTheOpenApiDescription() throws Exception {
    JsonNode paths = JSON.readTree(get("/v3/api-docs").body()).path("paths");
    assertThat(paths.path("/api/cubes/{cube}/export").path("post").path("parameters").findValuesAsText("name"))
        .contains("cube", "format");
  }

  /** The /query answer for a province × month body, indexed for lookups. */
  private record Answer(JsonNode json) {
    /** month key → caption, in month order. */
    Map<String, String> monthCaptions() {
      Map<String, String> months = new TreeMap<>();
      json.path("cells").forEach(c -> months.put(c.path("time.month").asText(), c.path("time.month.caption").asText()));
      return months;
    }

    /** province key → caption, in the answer's row order. */
    Map<String, String> provinceCaptions() {
      Map<String, String> provinces = new LinkedHashMap<>();
      json.path("cells").forEach(c -> provinces.putIfAbsent(c.path("region.province").asText(),
          c.path("region.province.caption").asText()));
      return provinces;
    }

    /** The cell's revenue, null where the answer has no cell. */
    BigDecimal cell(String province, String month) {
      for (JsonNode c : json.path("cells")) {
        if (c.path("region.province").asText().equals(province) && c.path("time.month").asText().equals(month)) {
          return c.path("revenue").decimalValue();
        }
      }
      return null;
    }

    BigDecimal total(String province, String month) {
      for (JsonNode t : json.path("totals")) {
        if (t.path("region.province").asText(null) != null && t.path("region.province").asText().equals(province)
            && (month == null ? t.path("time.month").isNull() : t.path("time.month").asText().equals(month))) {
          return t.path("revenue").decimalValue();
        }
      }
      throw new AssertionError("no total " + province + " " + month);
    }
  }

  private Answer query(String body) throws Exception {
    HttpResponse<String> response = postString("/api/cubes/revenue/query", body);
    assertThat(response.statusCode()).isEqualTo(200);
    return new Answer(JSON.readTree(response.body()));
  }

  private static List<List<String>> csvOf(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    byte[] body = response.body();
    assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
    return parseCsv(new String(body, 3, body.length - 3, StandardCharsets.UTF_8));
  }

  private static List<List<String>> parseCsv(String text) {
    List<List<String>> rows = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
      reader.forEach(r -> rows.add(r.getFields()));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    int width = rows.get(0).size();
    assertThat(rows).allMatch(r -> r.size() == width, "every record as wide as the header");
    return rows;
  }

  private static BigDecimal number(String field) {
    return new BigDecimal(field);
  }

  private static List<String> text(Row row) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < row.getCellCount(); i++) {
      out.add(row.getCellText(i));
    }
    return out;
  }

  /** The sheet's XML, for what fastexcel-reader does not expose (frozen panes, merged cells). */
  private static String sheetXml(byte[] xlsx) throws Exception {
    // a file, not ZipInputStream: the writer streams entries with sizes in data descriptors only
    Path file = Files.createTempFile("export", ".xlsx");
    try (ZipFile zip = new ZipFile(Files.write(file, xlsx).toFile())) {
      return new String(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")).readAllBytes(),
          StandardCharsets.UTF_8);
    } finally {
      Files.delete(file);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<byte[]> post(String path, String body) throws Exception {
    return http.send(TestUsers.request(uri(path)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> postString(String path, String body) throws Exception {
    return http.send(TestUsers.request(uri(path)).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(TestUsers.request(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
