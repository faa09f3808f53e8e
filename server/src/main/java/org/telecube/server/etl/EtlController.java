package org.telecube.server.etl;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.telecube.etl.feed.FeedKind;
import org.telecube.etl.load.BatchRefusedException;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.LoadListener;
import org.telecube.etl.load.LoadSummary;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.telecube.server.security.AuditLog;
import org.telecube.server.security.Viewer;
import org.telecube.server.system.ApiException;
import org.telecube.server.system.ErrorMessages;
import org.telecube.server.system.Problems;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.query.QueryEngine;

/**
 * Loading feeds through the server, for when it holds the warehouse: files a client uploads
 * ({@code POST /api/etl/uploads}) or files in the server's inbox named by name
 * ({@code GET /api/etl/inbox}, {@code POST /api/etl/batches}). Either way one batch, the same as
 * {@code telecube etl load}. A client never names a path on the server, and no answer names one.
 */
@RestController
@RequestMapping("/api/etl")
class EtlController {
  /** An uploaded file's name once reduced to its base name. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private final Warehouse warehouse;
  private final QueryEngine engine;
  private final FeedInbox inbox;
  private final UploadSpool spool;
  private final Path dataDir;
  private final AuditLog audit;

  EtlController(Warehouse warehouse, QueryEngine engine, FeedInbox inbox, UploadSpool spool,
                @Value("${telecube.data-dir}") String dataDir, AuditLog audit) {
    this.audit = audit;
    this.warehouse = warehouse;
    this.engine = engine;
    this.inbox = inbox;
    this.spool = spool;
    this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
  }

  @Operation(summary = "Upload feed files (multipart/form-data, each in a part named files) and load them as one "
      + "batch: all or nothing")
  @PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  LoadSummary upload(@AuthenticationPrincipal Viewer viewer, HttpServletRequest http,
                     @RequestParam(name = "files", required = false) List<MultipartFile> files,
                     @RequestParam(name = "feed", required = false) String feed) {
    if (files == null || files.isEmpty()) {
      throw ApiException.badRequest("files", "missing_files", "name at least one feed file to load");
    }
    Optional<FeedKind> kind = feed(feed);
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      String field = "files[" + i + "]";
      String name = baseName(files.get(i).getOriginalFilename());
      if (!FILE_NAME.matcher(name).matches() || !(name.endsWith(".csv") || name.endsWith(".csv.gz"))) {
        throw ApiException.badRequest(field, "bad_file_name", "a feed file's name is 1 to 128 letters, digits, dots, "
            + "hyphens or underscores ending in .csv or .csv.gz", field);
      }
      if (!seen.add(name)) {
        throw ApiException.badRequest(field, "duplicate_file_name", name + " is uploaded twice", field, name);
      }
      names.add(name);
    }
    Path batch = null;
    try {
      batch = spool.newBatch();
      List<Path> paths = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        Path target = batch.resolve(names.get(i));
        files.get(i).transferTo(target);
        paths.add(target);
      }
      return loadBatch(paths, kind, batch, viewer, http);
    } catch (IOException e) {
      // the spool's path is in the message: for the log only
      throw new UncheckedIOException("cannot spool the upload", e);
    } finally {
      if (batch != null) {
        UploadSpool.delete(batch);
      }
    }
  }

  @Operation(summary = "The feed files in the server's inbox (telecube.etl.inbox): name, size, last modified")
  @GetMapping("/inbox")
  InboxListing inbox() {
    return new InboxListing(inbox.files());
  }

  @Operation(summary = "Load feed files from the server's inbox, by name, as one batch: all or nothing")
  @PostMapping(path = "/batches", consumes = MediaType.APPLICATION_JSON_VALUE)
  LoadSummary load(@AuthenticationPrincipal Viewer viewer, HttpServletRequest http,
                   @RequestBody BatchRequest request) {
    if (request.files() != null) {
      throw ApiException.badRequest("files", "paths_not_accepted", "the server loads no paths: upload the files "
          + "(POST /api/etl/uploads) or name files of its inbox (\"inbox\": [names])", "files");
    }
    if (request.inbox() == null || request.inbox().isEmpty()) {
      throw ApiException.badRequest("inbox", "missing_files", "name at least one feed file to load");
    }
    Optional<FeedKind> kind = feed(request.feed());
    List<Path> paths = new ArrayList<>();
    for (int i = 0; i < request.inbox().size(); i++) {
      String name = request.inbox().get(i);
      String field = "inbox[" + i + "]";
      if (name == null || name.isBlank()) {
        throw ApiException.badRequest(field, "missing_path", field + " is empty", field);
      }
      // one answer for a miss, a directory, an unreadable file and a name leading outside
      paths.add(inbox.file(name).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, field, "not_in_inbox",
          "no feed file named " + name + " in the inbox", name)));
    }
    return loadBatch(paths, kind, inbox.dir(), viewer, http);
  }

  /** One batch, as the command line loads it; the next question sees it at once. */
  /** Loads {@code files} as one batch, recording it in the audit log whichever way it ends. */
  private LoadSummary loadBatch(List<Path> files, Optional<FeedKind> feed, Path dir, Viewer viewer,
                                HttpServletRequest http) {
    String names = String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
    try {
      LoadSummary summary = EtlLoader.load(warehouse, files, feed, LoadListener.NONE);
      audit.record(viewer, "load", names, "ok", http.getRemoteAddr(), "batch=" + summary.batchId() + " rows="
          + summary.rowsLoaded() + " rejected=" + summary.rowsRejected());
      return summary;
    } catch (BatchRefusedException e) {
      BatchRefusedException clean = new BatchRefusedException(e.problems().stream().map(p -> withoutPaths(p, dir))
          .toList(), e);
      audit.record(viewer, "load", names, "failed", http.getRemoteAddr(), String.join("; ", clean.problems()));
      throw clean;
    } catch (RuntimeException e) {
      audit.record(viewer, "load", names, "failed", http.getRemoteAddr(), e.getClass().getSimpleName());
      throw e;
    } finally {
      // not after the data version's short cache
      engine.dataChanged();
    }
  }

  private static Optional<FeedKind> feed(String feed) {
    try {
      return Optional.ofNullable(feed).map(FeedKind::ofCode);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("feed", "unknown_feed", e.getMessage(), feed, FeedKind.codes());
    }
  }

  /** The last segment of a client's file name (browsers may send a whole Windows path); "" for none. */
  static String baseName(String fileName) {
    if (fileName == null) {
      return "";
    }
    return fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  }

  /**
   * {@code problem} without the server's directories, should a message ever carry one: the
   * loader's problems name files by their name, and this keeps it so.
   */
  private String withoutPaths(String problem, Path dir) {
    String out = problem;
    for (Path root : roots(dir)) {
      out = out.replace(root + File.separator, "").replace(root.toString(), "");
    }
    return out;
  }

  private List<Path> roots(Path dir) {
    List<Path> roots = new ArrayList<>(List.of(dir, inbox.dir(), spool.dir(), dataDir));
    try {
      roots.add(inbox.dir().toRealPath());
      roots.add(dataDir.toRealPath());
    } catch (IOException e) {
      // as configured then
    }
    // deepest first, so a directory is not cut down to a piece of itself
    roots.removeIf(r -> r.getNameCount() == 0);
    roots.sort((a, b) -> Integer.compare(b.toString().length(), a.toString().length()));
    return roots;
  }

  @ExceptionHandler(BatchRefusedException.class)
  ProblemDetail refused(BatchRefusedException e, HttpServletRequest request) {
    String problems = String.join("; ", e.problems());
    String field = request.getServletPath().endsWith("/uploads") ? "files" : "inbox";
    ProblemDetail p = Problems.of(request, HttpStatus.BAD_REQUEST, field, "batch_refused", List.of(problems),
        "batch refused, nothing loaded: " + problems, ErrorMessages.SERVER);
    p.setProperty("problems", e.problems());
    return p;
  }
}
