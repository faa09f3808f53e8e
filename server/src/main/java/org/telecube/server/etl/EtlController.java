package org.telecube.server.etl;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.query.QueryException;

/**
 * {@code POST /api/etl/batches}: loads files from the server's file system as one batch, the
 * same as {@code telecube etl load}, for when the server holds the warehouse.
 */
@RestController
@RequestMapping("/api/etl/batches")
class EtlController {
  private final Warehouse warehouse;

  EtlController(Warehouse warehouse) {
    this.warehouse = warehouse;
  }

  @Operation(summary = "Load feed files (paths on the server) as one batch: all or nothing")
  @PostMapping
  LoadSummary load(@RequestBody BatchRequest request) {
    if (request.files() == null || request.files().isEmpty()) {
      throw new QueryException("files", "missing_files", "name the feed files or directories to load");
    }
    Optional<FeedKind> feed;
    try {
      feed = Optional.ofNullable(request.feed()).map(FeedKind::ofCode);
    } catch (IllegalArgumentException e) {
      throw new QueryException("feed", "unknown_feed", e.getMessage());
    }
    List<Path> paths = FeedPaths.expand(request.files().stream().map(Path::of).toList());
    return EtlLoader.load(warehouse, paths, feed, LoadListener.NONE);
  }

  @ExceptionHandler(BatchRefusedException.class)
  ProblemDetail refused(BatchRefusedException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "batch refused, nothing loaded: " + String.join("; ", e.problems()));
    p.setTitle("Bad Request");
    p.setProperty("field", "files");
    p.setProperty("code", "batch_refused");
    p.setProperty("problems", e.problems());
    return p;
  }
}
