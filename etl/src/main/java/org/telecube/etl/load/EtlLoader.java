package org.telecube.etl.load;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.telecube.etl.feed.FeedHeader;
import org.telecube.etl.feed.FeedKind;
import org.telecube.etl.feed.FeedReader;
import org.telecube.etl.feed.FeedRefusedException;
import org.telecube.etl.feed.IoReasons;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.PublishRefusedException;

/**
 * Loads a batch of feed files into a warehouse, in one transaction.
 *
 * <ol>
 *   <li>Plan: each file's feed (given, or from its name's prefix), ordered reference →
 *       subscribers → billing → usage → service events; every header checked. A file that
 *       cannot be loaded as a whole refuses the whole batch before anything is touched.</li>
 *   <li>On one connection, autocommit off: per feed, skip files whose content was loaded before,
 *       read and validate the others (rejects to etl_reject), append good rows to a temp table,
 *       merge it into the stg_* / ref_* table by natural key.</li>
 *   <li>Derive dimensions and facts ({@link org.telecube.etl.derive.Derivation}), record etl_file
 *       and etl_batch.</li>
 *   <li>When the backend is not the work area (PostgreSQL), publish the touched tables to it in
 *       its own transaction ({@link org.telecube.etl.publish.PublicationPlan}); then commit the
 *       work area. Any failure rolls everything back.</li>
 * </ol>
 *
 * <p>Loads are serialised within the JVM; DuckDB lets one process open the work area file; a
 * backend's publisher refuses a second work area and holds a lock while it publishes.
 */
public final class EtlLoader {
  private static final ReentrantLock LOCK = new ReentrantLock();

  private EtlLoader() {
  }

  /**
   * Loads {@code files} as one batch with default options.
   *
   * @param forced the feed of every file, or empty to tell each file's feed from its name
   * @throws BatchRefusedException a file cannot be loaded as a whole; nothing was loaded
   * @throws LoadFailedException the load failed and was rolled back; nothing was loaded
   */
  public static LoadSummary load(Warehouse warehouse, List<Path> files, Optional<FeedKind> forced,
                                 LoadListener listener) {
    return load(warehouse, files, forced, listener, LoadOptions.defaults());
  }

  /** As {@link #load(Warehouse, List, Optional, LoadListener)}, with explicit options. */
  public static LoadSummary load(Warehouse warehouse, List<Path> files, Optional<FeedKind> forced,
                                 LoadListener listener, LoadOptions options) {
    List<FeedFile> plan = plan(files, forced);
    LOCK.lock();
    try {
      return run(warehouse, plan, listener, options);
    } finally {
      LOCK.unlock();
    }
  }

  /**
   * The files with their feeds, in load order (stable within a feed), after checking that each
   * exists, has a known feed and a header with every required column. Problems name files by
   * their bare name only: a server passes them on to clients, who must not learn its paths.
   *
   * @throws BatchRefusedException listing every problem found
   */
  public static List<FeedFile> plan(List<Path> files, Optional<FeedKind> forced) {
    List<String> problems = new ArrayList<>();
    List<FeedFile> planned = new ArrayList<>();
    if (files.isEmpty()) {
      problems.add("no files given");
    }
    for (Path path : files) {
      String name = path.getFileName().toString();
      if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
        problems.add(name + ": no such readable file");
        continue;
      }
      Optional<FeedKind> kind = forced.isPresent() ? forced : FeedKind.fromFileName(name);
      if (kind.isEmpty()) {
        problems.add(name + ": cannot tell the feed from the file name; a name must start with one of "
            + FeedKind.codes() + " (or name the feed explicitly)");
        continue;
      }
      try {
        FeedHeader header = FeedReader.header(path, kind.get());
        if (!header.missingRequired().isEmpty()) {
          problems.add(FeedReader.missingColumns(name, header).getMessage());
          continue;
        }
        planned.add(new FeedFile(path, kind.get(), Files.size(path)));
      } catch (FeedRefusedException e) {
        problems.add(e.getMessage());
      } catch (java.io.IOException e) {
        problems.add(name + ": cannot read: " + IoReasons.of(e));
      }
    }
    if (!problems.isEmpty()) {
      throw new BatchRefusedException(problems, null);
    }
    planned.sort(Comparator.comparingInt(f -> f.kind().ordinal()));
    return List.copyOf(planned);
  }

  private static LoadSummary run(Warehouse warehouse, List<FeedFile> plan, LoadListener listener,
                                 LoadOptions options) {
    long started = System.nanoTime();
    try (Connection connection = warehouse.workArea().dataSource().getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        BatchRun.Outcome outcome = new BatchRun(connection, plan, listener, options, warehouse.backend()).run();
        connection.commit();
        LoadSummary summary = new LoadSummary(outcome.batchId(), outcome.files(),
            (System.nanoTime() - started) / 1e9, outcome.derived().steps(), outcome.rejects(), outcome.derived());
        listener.batchFinished(summary);
        return summary;
      } catch (RuntimeException | SQLException | Error e) {
        try {
          connection.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw translate(e);
      } finally {
        try {
          connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
          // the pool discards a broken connection
        }
      }
    } catch (SQLException e) {
      throw new LoadFailedException("cannot load: " + e.getMessage(), e);
    }
  }

  private static RuntimeException translate(Throwable e) {
    if (e instanceof Error err) {
      throw err;
    }
    if (e instanceof PublishRefusedException p) {
      return new LoadFailedException("the backend refused the load, nothing changed: " + p.getMessage(), p);
    }
    if (e instanceof FeedRefusedException f) {
      return new BatchRefusedException(List.of(f.getMessage()), f);
    }
    if (e instanceof UncheckedIOException io) {
      // a message made from the cause alone is its class and path: say the reason instead
      String message = io.getCause() != null && String.valueOf(io.getMessage()).equals(io.getCause().toString())
          ? IoReasons.of(io.getCause()) : String.valueOf(io.getMessage());
      return new BatchRefusedException(List.of(message), io);
    }
    if (e instanceof UncheckedSqlException || e instanceof SQLException) {
      return new LoadFailedException("load failed and was rolled back, the warehouse is unchanged: "
          + e.getMessage(), e instanceof UncheckedSqlException u ? u.getCause() : e);
    }
    return (RuntimeException) e;
  }
}
