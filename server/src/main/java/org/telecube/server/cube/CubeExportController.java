package org.telecube.server.cube;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.telecube.server.load.AsyncWork;
import org.telecube.server.load.WorkPool;
import org.telecube.server.cube.export.ExportFormat;
import org.telecube.server.cube.export.PivotTable;
import org.telecube.server.system.RequestLanguage;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.Cancellation;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.QueryAnswer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.telecube.server.security.AuditLog;
import org.telecube.server.security.ScopedServices;
import org.telecube.server.security.Viewer;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.QueryException;
import org.telecube.warehouse.query.ResultColumn;

/**
 * {@code POST /api/cubes/{cube}/export}: the answer to the same body as {@code /query}, laid out
 * as the pivot the analyst sees, as a CSV or XLSX download. The file is rendered whole before
 * anything is sent (results are capped), so a mistake is still a clean 400 problem JSON.
 */
@RestController
@RequestMapping("/api/cubes")
class CubeExportController {
  private final ScopedServices services;
  private final WorkPool queries;
  private final AuditLog audit;

  CubeExportController(ScopedServices services, @Qualifier("queryPool") WorkPool queries, AuditLog audit) {
    this.services = services;
    this.queries = queries;
    this.audit = audit;
  }

  @Operation(summary = "Export a cube query's answer as a pivot table: format csv (UTF-8 with BOM) or xlsx")
  @PostMapping("/{cube}/export")
  DeferredResult<ResponseEntity<byte[]>> export(@AuthenticationPrincipal Viewer viewer, @PathVariable String cube,
                                @Parameter(description = "csv or xlsx") @RequestParam(defaultValue = "csv") String format,
                                @RequestBody CubeQuery query,
                                @RequestHeader(name = HttpHeaders.CACHE_CONTROL, required = false) String cacheControl,
                                HttpServletRequest request) {
    RequestLanguage.fromBody(query.locale());
    ExportFormat f = ExportFormat.parse(format).orElseThrow(() -> new QueryException("format", "unknown_format",
        "unknown export format \"" + format + "\": csv or xlsx", format, "csv, xlsx"));
    CubeQuery q = CubeController.onPath(cube, query);
    boolean bypass = CacheHeaders.bypass(cacheControl);
    Cancellation cancellation = new Cancellation();
    QueryEngine engine = services.engine(viewer); // on this thread: the pool's threads know no user
    String client = request.getRemoteAddr();
    // on the query pool: an export is a query plus a small rendering of its capped answer
    return AsyncWork.run(queries, cancellation, "query_timeout", () -> { }, request, () -> {
      QueryAnswer result = engine.answer(q, cancellation, bypass);
      CellSet answer = result.cellSet();
      Language language = Language.parse(answer.locale()).orElse(Language.ZH_CN);
      String caption = engine.model().cube(answer.cube()).map(c -> c.caption().in(language)).orElse(answer.cube());
      byte[] file = f.render(PivotTable.of(answer), caption);
      audit.record(viewer, "report_download", "cube/" + answer.cube(), "ok", client, "format=" + f.extension()
          + " rows=" + String.join(",", answer.pivot().rowLevels())
          + " columns=" + String.join(",", answer.pivot().columnLevels()));
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(f.mediaType()))
          .header(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(answer, caption, f))
          .header(CacheHeaders.NAME, result.cache().header())
          .body(file);
    });
  }

  /**
   * {@code attachment; filename="revenue_region.province_x_time.month.csv"; filename*=UTF-8''收入分析_省份×月份.csv}
   * (percent-encoded): an ASCII name from the level names for any client, the captions for those
   * that read RFC 6266's {@code filename*}.
   */
  static String contentDisposition(CellSet answer, String caption, ExportFormat format) {
    Map<String, ResultColumn> levels = answer.columns().stream().filter(c -> "level".equals(c.kind()))
        .collect(Collectors.toMap(ResultColumn::name, c -> c));
    List<String> rows = answer.pivot().rowLevels();
    List<String> columns = answer.pivot().columnLevels();
    StringBuilder ascii = new StringBuilder(answer.cube());
    if (!rows.isEmpty()) {
      ascii.append('_').append(String.join("-", rows));
    }
    if (!columns.isEmpty()) {
      ascii.append("_x_").append(String.join("-", columns));
    }
    String asciiName = ascii.toString().replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
    StringBuilder utf8 = new StringBuilder(caption);
    String rowCaptions = rows.stream().map(l -> levels.get(l).caption()).collect(Collectors.joining("-"));
    String columnCaptions = columns.stream().map(l -> levels.get(l).caption()).collect(Collectors.joining("-"));
    if (!rows.isEmpty() || !columns.isEmpty()) {
      utf8.append('_').append(rowCaptions).append(rows.isEmpty() || columns.isEmpty() ? "" : "×").append(columnCaptions);
    }
    String utf8Name = utf8.toString().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + "." + format.extension();
    return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc5987(utf8Name);
  }

  /** RFC 5987 value-chars: attr-chars as they are, every other UTF-8 byte as %XX. */
  private static String rfc5987(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
      }
    }
    return out.toString();
  }
}
