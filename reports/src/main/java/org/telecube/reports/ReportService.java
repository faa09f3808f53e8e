package org.telecube.reports;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.telecube.reports.data.MonthlyChurnDataBuilder;
import org.telecube.reports.data.MonthlyRevenueDataBuilder;
import org.telecube.reports.data.ReportData;
import org.telecube.reports.data.ReportMessages;
import org.telecube.reports.data.Scope;
import org.telecube.reports.data.Scopes;
import org.telecube.reports.definition.ReportCatalog;
import org.telecube.reports.definition.ReportDefinition;
import org.telecube.reports.jasper.JasperReportRenderer;
import org.telecube.warehouse.churn.ChurnLists;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.QueryEngine;

/**
 * What the server and the CLI call: the catalog, and rendering a report for a month and a scope.
 * Thread-safe; templates are compiled once per service and shared by the services
 * {@link #scoped scoped} from it (call {@link #warmUp()} at start-up to take that second off the
 * first request).
 */
public final class ReportService {
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  /** Viewers' scopes kept at once: a province or city each, so a few dozen in practice. */
  private static final int SCOPED_SERVICES = 64;

  private final QueryEngine engine;
  private final ReportRenderer renderer;
  private final Clock clock;
  private final ChurnLists churnLists;
  private final MonthlyRevenueDataBuilder monthlyRevenue;
  private final MonthlyChurnDataBuilder monthlyChurn;
  /** The services scoped from this one (or from the service this one was scoped from): one per scope. */
  private final Cache<org.telecube.warehouse.query.Scope, ReportService> scopedServices;

  public ReportService(QueryEngine engine) {
    this(engine, new JasperReportRenderer(), Clock.systemUTC());
  }

  /** With the at-risk list of the churn report from {@code churnLists}. */
  public ReportService(QueryEngine engine, ChurnLists churnLists) {
    this(engine, new JasperReportRenderer(), Clock.systemUTC(), churnLists);
  }

  public ReportService(QueryEngine engine, ReportRenderer renderer, Clock clock) {
    this(engine, renderer, clock, null);
  }

  /**
   * @param churnLists the source of the churn report's top at-risk list (subscriber-level, so not a
   *     cube query); null leaves that section out
   */
  public ReportService(QueryEngine engine, ReportRenderer renderer, Clock clock, ChurnLists churnLists) {
    this(engine, renderer, clock, churnLists, Caffeine.newBuilder().maximumSize(SCOPED_SERVICES).build());
  }

  private ReportService(QueryEngine engine, ReportRenderer renderer, Clock clock, ChurnLists churnLists,
                        Cache<org.telecube.warehouse.query.Scope, ReportService> scopedServices) {
    this.engine = Objects.requireNonNull(engine);
    this.renderer = Objects.requireNonNull(renderer);
    this.clock = Objects.requireNonNull(clock);
    this.churnLists = churnLists;
    this.monthlyRevenue = new MonthlyRevenueDataBuilder(engine, clock);
    this.monthlyChurn = new MonthlyChurnDataBuilder(engine, clock, churnLists);
    this.scopedServices = scopedServices;
  }

  /**
   * This service for a viewer restricted to {@code scope} ({@code region.province ∈ {440000}}):
   * every number it shows comes from {@code engine.scoped(scope)} (the churn report's at-risk list
   * too), a blank report scope is the viewer's own region, and one outside it or above it is
   * refused ({@link ReportException.Kind#FORBIDDEN}, {@code out_of_scope}). It shares this
   * service's renderer (the compiled templates: compiling them costs seconds) and clock, and is
   * made once per scope. Like {@link QueryEngine#scoped}, the scope replaces this service's own:
   * call it on the unscoped service.
   */
  public ReportService scoped(org.telecube.warehouse.query.Scope scope) {
    Objects.requireNonNull(scope, "scope");
    if (scope.equals(engine.scope())) {
      return this;
    }
    return scopedServices.get(scope, s -> {
      QueryEngine scopedEngine = engine.scoped(s);
      return new ReportService(scopedEngine, renderer, clock, churnLists == null ? null : new ChurnLists(scopedEngine),
          scopedServices);
    });
  }

  /** The scope every answer of this service is restricted to ({@link org.telecube.warehouse.query.Scope#all()} for none). */
  public org.telecube.warehouse.query.Scope scope() {
    return engine.scope();
  }

  /** What renders this service's documents (shared with the services {@link #scoped} from it). */
  ReportRenderer renderer() {
    return renderer;
  }

  /** The reports there are, with their parameters. */
  public List<ReportDefinition> catalog() {
    return ReportCatalog.all();
  }

  public void warmUp() {
    renderer.warmUp();
  }

  /**
   * Renders report {@code id} for {@code month} and {@code scope} (a macro-region, province or
   * city key; null or blank for the whole country, or for a {@link #scoped} service the viewer's
   * own region).
   *
   * @throws ReportException NOT_FOUND for an unknown report or scope or a month without data;
   *     FORBIDDEN for a scope outside a scoped service's
   */
  public byte[] render(String id, YearMonth month, String scope, Language language, ReportFormat format) {
    return renderer.render(data(id, month, scope, language), format == null ? ReportFormat.PDF : format);
  }

  /** Renders data already built with {@link #data}, so a caller can use both without querying twice. */
  public byte[] render(ReportData data, ReportFormat format) {
    return renderer.render(data, format == null ? ReportFormat.PDF : format);
  }

  /**
   * The same from request strings: {@code month} YYYY-MM, {@code locale} zh-CN (default) or en,
   * {@code format} pdf (default), html or xlsx.
   *
   * @throws ReportException BAD_PARAMETER for a malformed month, locale or format
   */
  public byte[] render(String id, String month, String scope, String locale, String format) {
    YearMonth m = parseMonth(month);
    Language l = Language.parse(locale).orElseThrow(() -> ReportException.badParameter("locale",
        "unknown_locale", "unknown locale \"" + locale + "\": zh-CN or en", locale));
    ReportFormat f = ReportFormat.parse(format).orElseThrow(() -> ReportException.badParameter("format",
        "unknown_format", "unknown format \"" + format + "\": pdf, html or xlsx", format, "pdf, html, xlsx"));
    return render(id, m, scope, l, f);
  }

  /**
   * Checks that report {@code id} exists and {@code scope} is one of its regions, without building
   * the report: what a schedule is checked against when it is saved, long before it renders.
   *
   * @return the scope as resolved, with its caption in {@code language} (a blank scope of a
   *     {@link #scoped} service is the viewer's own region)
   * @throws ReportException NOT_FOUND for an unknown report or scope; FORBIDDEN for a scope outside
   *     a scoped service's, by the same rule as {@link #render}
   */
  public Scope checkScope(String id, String scope, Language language) {
    ReportDefinition definition = definition(id);
    Language l = language == null ? Language.ZH_CN : language;
    return new Scopes(engine, definition.cube()).resolve(scope, l, ReportMessages.of(l));
  }

  /** The report's data without rendering it (what the document shows, for tests and other front ends). */
  public ReportData data(String id, YearMonth month, String scope, Language language) {
    ReportDefinition definition = definition(id);
    if (month == null) {
      throw ReportException.badParameter("month", "missing_month", "month is required (YYYY-MM)");
    }
    Language l = language == null ? Language.ZH_CN : language;
    return switch (definition.id()) {
      case ReportCatalog.MONTHLY_REVENUE -> monthlyRevenue.build(month, scope, l);
      case ReportCatalog.MONTHLY_CHURN -> monthlyChurn.build(month, scope, l);
      default -> throw new IllegalStateException("report " + id + " has no data builder");
    };
  }

  private static ReportDefinition definition(String id) {
    return ReportCatalog.find(id).orElseThrow(() -> ReportException.notFound("id",
        "unknown_report", "unknown report \"" + id + "\": one of " + ReportCatalog.all().stream()
            .map(ReportDefinition::id).toList(), id, String.join(", ", ReportCatalog.all().stream()
            .map(ReportDefinition::id).toList())));
  }

  /** A file name for the document: {@code monthly-revenue_2025-03_440000.pdf}. */
  public static String fileName(String id, YearMonth month, String scope, ReportFormat format) {
    String s = scope == null || scope.isBlank() ? "all" : scope.trim().replaceAll("[^A-Za-z0-9_-]", "_");
    return id + "_" + month + "_" + s + "." + (format == null ? ReportFormat.PDF : format).code();
  }

  /** Parses YYYY-MM strictly (2025-03, not 2025-3 or 2025-13). */
  public static YearMonth parseMonth(String month) {
    if (month == null || month.isBlank()) {
      throw ReportException.badParameter("month", "missing_month", "month is required (YYYY-MM)");
    }
    String m = month.trim();
    if (MONTH.matcher(m).matches()) {
      try {
        return YearMonth.parse(m);
      } catch (DateTimeParseException e) {
        // falls through to the message below
      }
    }
    throw ReportException.badParameter("month", "bad_date", "bad month \"" + month + "\" (expected YYYY-MM)", month,
        "YYYY-MM");
  }
}
