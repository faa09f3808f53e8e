package org.telecube.server.churn;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telecube.warehouse.churn.AtRiskSubscriber;
import org.telecube.warehouse.churn.ChurnListQuery;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.telecube.server.security.AuditLog;
import org.telecube.server.security.ScopedServices;
import org.telecube.server.security.Viewer;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.churn.ChurnedSubscriber;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.QueryException;

/** {@code /api/churn/...}: subscriber lists for retention and win-back. */
@RestController
@RequestMapping("/api/churn")
class ChurnController {
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");

  private final ScopedServices services;
  private final AuditLog audit;

  ChurnController(ScopedServices services, AuditLog audit) {
    this.services = services;
    this.audit = audit;
  }

  record AtRiskList(String month, String region, List<AtRiskSubscriber> subscribers) {
  }

  record ChurnedList(String month, String region, List<ChurnedSubscriber> subscribers) {
  }

  @Operation(summary = "Active subscribers at risk of churning, by warning score × value, with masked numbers")
  @GetMapping("/at-risk")
  AtRiskList atRisk(@AuthenticationPrincipal Viewer viewer, @RequestParam String month, @RequestParam(required = false) String region,
                    @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String locale,
                    HttpServletRequest http) {
    AtRiskList list = new AtRiskList(month, region, services.lists(viewer).atRisk(new ChurnListQuery(month(month), region, limit), language(locale)));
    audited(viewer, "list_view", "at-risk", month, region, null, http);
    return list;
  }

  @Operation(summary = "The churned-customer base (离网客户库) of a month: tenure, ARPU and segment before churn, reason, last signals")
  @GetMapping("/churned")
  ChurnedList churned(@AuthenticationPrincipal Viewer viewer, @RequestParam String month, @RequestParam(required = false) String region,
                      @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String locale,
                      HttpServletRequest http) {
    ChurnedList list = new ChurnedList(month, region, services.lists(viewer).churned(new ChurnListQuery(month(month), region, limit), language(locale)));
    audited(viewer, "list_view", "churned", month, region, null, http);
    return list;
  }

  @Operation(summary = "The at-risk list as a CSV file (UTF-8 with BOM), headers in the locale's language")
  @GetMapping("/at-risk/export")
  ResponseEntity<byte[]> atRiskCsv(@AuthenticationPrincipal Viewer viewer, @RequestParam String month, @RequestParam(required = false) String region,
                                   @RequestParam(defaultValue = "" + ChurnLists.MAX_LIMIT) int limit,
                                   @RequestParam(required = false) String locale, HttpServletRequest http) {
    Language language = language(locale);
    ResponseEntity<byte[]> file = csv(ChurnListCsv.atRisk(services.lists(viewer).atRisk(new ChurnListQuery(month(month), region, limit), language), language),
        "at-risk", month, region);
    audited(viewer, "report_download", "at-risk", month, region, "csv", http);
    return file;
  }

  @Operation(summary = "The churned-customer base as a CSV file (UTF-8 with BOM), headers in the locale's language")
  @GetMapping("/churned/export")
  ResponseEntity<byte[]> churnedCsv(@AuthenticationPrincipal Viewer viewer, @RequestParam String month, @RequestParam(required = false) String region,
                                    @RequestParam(defaultValue = "" + ChurnLists.MAX_LIMIT) int limit,
                                    @RequestParam(required = false) String locale, HttpServletRequest http) {
    Language language = language(locale);
    ResponseEntity<byte[]> file = csv(ChurnListCsv.churned(services.lists(viewer).churned(new ChurnListQuery(month(month), region, limit), language), language),
        "churned", month, region);
    audited(viewer, "report_download", "churned", month, region, "csv", http);
    return file;
  }

  /** A list seen or downloaded, in the audit log: a blank region is the viewer's own. */
  private void audited(Viewer viewer, String kind, String list, String month, String region, String format,
                       HttpServletRequest http) {
    audit.record(viewer, kind, "churn/" + list, "ok", http.getRemoteAddr(), "month=" + month + " region="
        + AuditLog.region(viewer, region) + (format == null ? "" : " format=" + format));
  }

  /** {@code attachment; filename="at-risk_2025-06_440000.csv"}: the list, month and region in an ASCII name. */
  private static ResponseEntity<byte[]> csv(byte[] file, String list, String month, String region) {
    String scope = region == null || region.isBlank() ? "all" : region.replaceAll("[^A-Za-z0-9_-]", "_");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(list + "_" + month + "_" + scope + ".csv").build().toString())
        .body(file);
  }

  private static int month(String month) {
    var m = MONTH.matcher(month == null ? "" : month);
    if (!m.matches()) {
      throw new QueryException("month", "bad_date", "bad month \"" + month + "\" (expected YYYY-MM)", month, "YYYY-MM");
    }
    return Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
  }

  private static Language language(String locale) {
    return Language.parse(locale).orElseThrow(() -> new QueryException("locale", "unknown_locale",
        "unknown locale \"" + locale + "\": zh-CN or en", locale));
  }
}
