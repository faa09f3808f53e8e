package org.telecube.server.report;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.telecube.server.load.AsyncWork;
import org.telecube.server.load.WorkPool;
import org.telecube.warehouse.query.Cancellation;
import org.telecube.reports.ReportFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.telecube.reports.ReportService;
import org.telecube.server.security.AuditLog;
import org.telecube.server.security.ScopedServices;
import org.telecube.server.security.Viewer;
import org.telecube.warehouse.model.Language;
import org.telecube.reports.definition.ReportDefinition;

/**
 * {@code /api/reports}: the report catalog and rendered reports (PDF, HTML, XLSX); the reports
 * page uses both. Rendering runs on the bounded report pool (503 with Retry-After when full).
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {
  private final ScopedServices services;
  private final WorkPool pool;
  private final AuditLog audit;

  ReportController(ScopedServices services, @Qualifier("reportPool") WorkPool pool, AuditLog audit) {
    this.services = services;
    this.pool = pool;
    this.audit = audit;
  }

  @Operation(summary = "The report catalog with each report's parameters and formats")
  @GetMapping
  List<ReportDefinition> catalog(@AuthenticationPrincipal Viewer viewer) {
    return services.reports(viewer).catalog();
  }

  @Operation(summary = "Render a report: month YYYY-MM, scope (region key; empty = all the user may see), format pdf|html|xlsx, locale zh-CN|en")
  @GetMapping("/{id}")
  DeferredResult<ResponseEntity<byte[]>> render(@AuthenticationPrincipal Viewer viewer, @PathVariable String id,
                                // checked by the service, so a missing month and a blank one are both missing_month
                                @RequestParam(required = false) String month,
                                @RequestParam(required = false) String scope,
                                @RequestParam(required = false, defaultValue = "pdf") String format,
                                @RequestParam(required = false) String locale, HttpServletRequest http) {
    ReportService reports = services.reports(viewer); // on this thread: the pool's threads know no user
    String client = http.getRemoteAddr();
    // on the report pool: rendering (PDF above all) is slow and memory-hungry, and must not take the queries' threads
    return AsyncWork.run(pool, new Cancellation(), "report_timeout", () -> { }, () -> {
      byte[] document = reports.render(id, month, scope, locale, format);
      ReportFormat f = ReportFormat.parse(format).orElseThrow();
      // named for the scope it holds: a Guangdong manager's blank scope is Guangdong, not "all"
      String held = reports.checkScope(id, scope, Language.parse(locale).orElse(Language.ZH_CN)).key();
      String name = ReportService.fileName(id, ReportService.parseMonth(month), held, f);
      audit.record(viewer, "report_download", "report/" + id, "ok", client,
          "month=" + month + " scope=" + (held == null || held.isBlank() ? "all" : held) + " format=" + f.code());
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType(f.mediaType()))
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8)
              .build().toString())
          .body(document);
    });
  }
}
