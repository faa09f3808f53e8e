package org.telecube.server.etl;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.telecube.etl.feed.FeedKind;
import org.telecube.etl.load.BatchRefusedException;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.FeedPaths;
import org.telecube.etl.load.LoadListener;
import org.telecube.etl.load.LoadSummary;
import org.telecube.server.security.AuditLog;
import org.telecube.server.security.Viewer;
import org.telecube.server.system.ApiException;
import org.telecube.server.system.ErrorMessages;
import org.telecube.server.system.Problems;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.query.QueryEngine;

/**
 * {@code POST /api/etl/batches}: loads files from the server's file system as one batch, the
 * same as {@code telecube etl load}, for when the server holds the warehouse.
 */
@RestController
@RequestMapping("/api/etl/batches")
class EtlController {
  private final Warehouse warehouse;
  private final QueryEngine engine;
  private final AuditLog audit;

  EtlController(Warehouse warehouse, QueryEngine engine, AuditLog audit) {
    this.warehouse = warehouse;
    this.engine = engine;
    this.audit = audit;
  }

  @Operation(summary = "Load feed files (paths on the server) as one batch: all or nothing")
  @PostMapping
  LoadSummary load(@AuthenticationPrincipal Viewer viewer, @RequestBody BatchRequest request,
                   HttpServletRequest http) {
    if (request.files() == null || request.files().isEmpty()) {
      throw ApiException.badRequest("files", "missing_files", "name the feed files or directories to load");
    }
    Optional<FeedKind> feed;
    try {
      feed = Optional.ofNullable(request.feed()).map(FeedKind::ofCode);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("feed", "unknown_feed", e.getMessage(), request.feed(), FeedKind.codes());
    }
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < request.files().size(); i++) {
      paths.add(path(request.files().get(i), "files[" + i + "]"));
    }
    String files = String.join(", ", request.files());
    try {
      LoadSummary summary = EtlLoader.load(warehouse, FeedPaths.expand(paths), feed, LoadListener.NONE);
      audit.record(viewer, "load", files, "ok", http.getRemoteAddr(), "batch=" + summary.batchId() + " rows="
          + summary.rowsLoaded() + " rejected=" + summary.rowsRejected());
      return summary;
    } catch (RuntimeException e) {
      audit.record(viewer, "load", files, "failed", http.getRemoteAddr(), e instanceof BatchRefusedException r
          ? String.join("; ", r.problems()) : e.getClass().getSimpleName());
      throw e;
    } finally {
      // the next question sees the batch at once, not after the data version's short cache
      engine.dataChanged();
    }
  }

  /** A path as the client wrote it, or a 400 naming it: null, blank, a NUL or anything the file system refuses. */
  private static Path path(String file, String field) {
    if (file == null || file.isBlank()) {
      throw ApiException.badRequest(field, "missing_path", field + " is empty", field);
    }
    if (file.chars().anyMatch(Character::isISOControl)) {
      throw ApiException.badRequest(field, "control_character", field + " contains a control character", field);
    }
    try {
      return Path.of(file);
    } catch (InvalidPathException e) {
      throw ApiException.badRequest(field, "bad_path", "not a path: " + e.getMessage(), file);
    }
  }

  @ExceptionHandler(BatchRefusedException.class)
  ProblemDetail refused(BatchRefusedException e, HttpServletRequest request) {
    String problems = String.join("; ", e.problems());
    ProblemDetail p = Problems.of(request, HttpStatus.BAD_REQUEST, "files", "batch_refused", List.of(problems),
        "batch refused, nothing loaded: " + problems, ErrorMessages.SERVER);
    p.setProperty("problems", e.problems());
    return p;
  }
}
