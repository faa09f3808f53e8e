package org.telecube.server.cube;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import org.telecube.server.load.AsyncWork;
import org.telecube.server.load.WorkPool;
import org.telecube.server.system.ApiException;
import org.telecube.server.system.RequestLanguage;
import org.telecube.warehouse.model.Language;
import org.telecube.warehouse.query.Cancellation;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.Explain;
import org.telecube.warehouse.query.MemberList;
import org.telecube.warehouse.query.QueryAnswer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.telecube.server.security.ScopedServices;
import org.telecube.server.security.Viewer;
import org.telecube.warehouse.query.QueryEngine;
import org.telecube.warehouse.query.QueryException;

/** Cubes over HTTP/JSON: the model, members for drill-down, and queries. */
@RestController
@RequestMapping("/api/cubes")
class CubeController {
  /** A request header: {@code off} answers from the base facts, never an aggregate table. */
  static final String AGGREGATES_HEADER = "X-TeleCube-Aggregates";

  private final ScopedServices services;
  private final RunningQueries running;
  private final WorkPool queries;

  CubeController(ScopedServices services, RunningQueries running, @Qualifier("queryPool") WorkPool queries) {
    this.services = services;
    this.running = running;
    this.queries = queries;
  }

  @Operation(summary = "The cube model: cubes, dimensions, levels, measures and their captions")
  @GetMapping
  CubeCatalog cubes(@AuthenticationPrincipal Viewer viewer, @RequestParam(required = false) String locale) {
    return CubeCatalog.of(services.engine(viewer).model(), language(locale));
  }

  @Operation(summary = "One cube of the model")
  @GetMapping("/{cube}")
  CubeCatalog.CubeInfo cube(@AuthenticationPrincipal Viewer viewer, @PathVariable String cube,
                            @RequestParam(required = false) String locale) {
    QueryEngine engine = services.engine(viewer);
    return CubeCatalog.cube(engine.model().cube(cube).orElseThrow(() ->
        new QueryException("cube", "unknown_cube", "unknown cube \"" + cube + "\"", cube, String.join(", ",
            engine.model().cubes().stream().map(c -> c.name()).toList()))), language(locale));
  }

  @Operation(summary = "Members of a level (e.g. region.city), under a parent member for drill-down")
  @GetMapping("/{cube}/members/{level}")
  MemberList members(@AuthenticationPrincipal Viewer viewer, @PathVariable String cube, @PathVariable String level,
                     @Parameter(description = "key of a member of the level above") @RequestParam(required = false) String parent,
                     @RequestParam(required = false) String locale) {
    if (parent != null && parent.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest("parent", "control_character", "parent contains a control character", "parent");
    }
    return services.engine(viewer).members(cube, level, parent, locale);
  }

  @Operation(summary = "Answer a cube query: flat cell records, totals, and a pivot shape. X-TeleCube-Cache says"
      + " whether the result cache answered (hit, miss, bypass); Cache-Control: no-cache asks for a fresh answer."
      + " 503 with Retry-After when the server is at its bound; 504 when the query ran past telecube.query.timeout")
  @PostMapping("/{cube}/query")
  DeferredResult<ResponseEntity<CellSet>> query(@AuthenticationPrincipal Viewer viewer, @PathVariable String cube, @RequestBody CubeQuery query,
                @Parameter(description = "an id of the client's choosing, to cancel the query with DELETE /api/cubes/queries/{id}")
                @RequestHeader(name = RunningQueries.HEADER, required = false) String queryId,
                @RequestHeader(name = HttpHeaders.CACHE_CONTROL, required = false) String cacheControl,
                @Parameter(description = "off: answer from the base facts, never an aggregate table")
                @RequestHeader(name = AGGREGATES_HEADER, required = false) String aggregates,
                HttpServletRequest request) {
    RequestLanguage.fromBody(query.locale());
    CubeQuery q = onPath(cube, query);
    boolean bypass = CacheHeaders.bypass(cacheControl);
    QueryEngine answering = engine(viewer, aggregates); // on this thread: the pool's threads know no user
    Cancellation cancellation = running.register(queryId);
    return AsyncWork.run(queries, cancellation, "query_timeout", () -> running.release(queryId, cancellation), request,
        () -> {
          QueryAnswer answer = answering.answer(q, cancellation, bypass);
          return ResponseEntity.ok().header(CacheHeaders.NAME, answer.cache().header()).body(answer.cellSet());
        });
  }

  @Operation(summary = "What a cube query would run, without running it: backend, SQL dialect, Calcite's plan and every SQL statement")
  @PostMapping("/{cube}/explain")
  Explain explain(@AuthenticationPrincipal Viewer viewer, @PathVariable String cube, @RequestBody CubeQuery query,
                  @RequestHeader(name = AGGREGATES_HEADER, required = false) String aggregates) {
    RequestLanguage.fromBody(query.locale());
    return engine(viewer, aggregates).explain(onPath(cube, query));
  }

  @Operation(summary = "Explain a query given as parameters (measures, rows, columns as comma lists); filters need the POST form")
  @GetMapping("/{cube}/explain")
  Explain explain(@AuthenticationPrincipal Viewer viewer, @PathVariable String cube,
                  @RequestParam(required = false) java.util.List<String> measures,
                  @RequestParam(required = false) java.util.List<String> rows,
                  @RequestParam(required = false) java.util.List<String> columns,
                  @RequestParam(required = false) Integer limit, @RequestParam(required = false) String locale,
                  @RequestParam(defaultValue = "false") boolean totals,
                  @RequestParam(required = false) java.util.List<String> timeIntelligence,
                  @RequestHeader(name = AGGREGATES_HEADER, required = false) String aggregates) {
    return engine(viewer, aggregates).explain(new CubeQuery(cube, measures, rows, columns, null, null, limit, locale, totals,
        timeIntelligence));
  }

  @Operation(summary = "Cancel a running query by the id its client sent in X-Query-Id; a finished or unknown one is left alone")
  @DeleteMapping("/queries/{id}")
  ResponseEntity<Void> cancel(@PathVariable String id) {
    running.cancel(id);
    return ResponseEntity.noContent().build();
  }

  /** The engine for a request: the base facts only when its aggregates header says off. */
  private QueryEngine engine(Viewer viewer, String aggregates) {
    QueryEngine engine = services.engine(viewer);
    return aggregates != null && aggregates.strip().equalsIgnoreCase("off") ? engine.withoutAggregates() : engine;
  }

  /** The body's query for the cube the path names (the body may omit it, not contradict it). */
  static CubeQuery onPath(String cube, CubeQuery query) {
    if (query.cube() != null && !query.cube().equals(cube)) {
      throw new QueryException("cube", "cube_mismatch", "the body names cube \"" + query.cube()
          + "\" but the path names \"" + cube + "\"", query.cube(), cube);
    }
    return new CubeQuery(cube, query.measures(), query.rows(), query.columns(), query.filters(),
        query.order(), query.limit(), query.locale(), query.totals(), query.timeIntelligence());
  }

  private static Language language(String locale) {
    return Language.parse(locale).orElseThrow(() -> new QueryException("locale", "unknown_locale",
        "unknown locale \"" + locale + "\": zh-CN or en", locale));
  }
}
