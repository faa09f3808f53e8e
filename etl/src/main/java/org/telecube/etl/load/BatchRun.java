package org.telecube.etl.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedSet;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;
import org.telecube.etl.derive.Derivation;
import org.telecube.etl.derive.DerivationScope;
import org.telecube.etl.derive.DerivedChanges;
import org.telecube.etl.derive.SubscriberHistory;
import org.telecube.etl.feed.FeedKind;
import org.telecube.etl.feed.FeedReader;
import org.telecube.etl.feed.ReadCounts;
import org.telecube.etl.publish.Publishing;
import org.telecube.warehouse.backend.Backend;

/** One batch on an open connection inside a transaction the caller commits or rolls back. */
final class BatchRun {
  private final Connection connection;
  private final DuckDBConnection duck;
  private final List<FeedFile> plan;
  private final LoadListener listener;
  private final LoadOptions options;
  private final Backend target;

  record Outcome(long batchId, List<FileSummary> files, DerivedChanges derived, RejectReport rejects) {
  }

  /** @param target the backend the star is published to; the work area itself for DuckDB */
  BatchRun(Connection connection, List<FeedFile> plan, LoadListener listener, LoadOptions options, Backend target)
      throws SQLException {
    this.target = target;
    this.connection = connection;
    this.duck = connection.unwrap(DuckDBConnection.class);
    this.plan = plan;
    this.listener = listener;
    this.options = options;
  }

  Outcome run() throws SQLException {
    long batchId = nextBatchId();
    LocalDateTime startedAt = LocalDateTime.now(options.clock().withZone(options.zone()));
    listener.batchStarted(batchId, plan);
    KnownCodes codes = new KnownCodes(connection, Year.now(options.clock().withZone(options.zone())).getValue());
    FileLedger ledger = new FileLedger(connection, batchId);
    List<FileSummary> summaries = new ArrayList<>();
    List<StagingTable.MergeResult> merges = new ArrayList<>();
    RejectReport report;
    try (RejectWriter rejects = new RejectWriter(duck, batchId, options.rejectsKept())) {
      for (Map.Entry<FeedKind, List<FeedFile>> e : byKind().entrySet()) {
        StagingTable table = StagingTable.of(e.getKey());
        boolean staged = stage(table, e.getValue(), ledger, codes, rejects, summaries);
        if (staged) {
          listener.phase("merging " + table.kind().code());
          StagingTable.MergeResult merge = table.merge(connection, batchId);
          table.dropTemp(connection);
          merges.add(merge);
          if (table.kind().group() == FeedKind.Group.REFERENCE && merge.inserted() > 0) {
            codes.referenceChanged();
          }
        }
      }
      report = rejects.report();
    }
    DerivationScope scope = scope(merges);
    DerivedChanges derived = DerivedChanges.none();
    if (!scope.isEmpty()) {
      listener.phase("deriving " + (scope.fullRebuild() ? "dimensions and all facts" : "what the batch changed"));
      derived = Derivation.run(connection, scope, step -> listener.phase("deriving: " + step));
    }
    SubscriberHistory.dropTemp(connection);
    List<String> note = new ArrayList<>();
    merges.forEach(m -> note.add(m.describe()));
    if (!derived.steps().isEmpty()) {
      note.add("derived " + String.join(", ", derived.steps()));
    }
    recordBatch(batchId, startedAt, summaries, String.join("; ", note));
    publish(batchId, derived);
    listener.phase("committing");
    return new Outcome(batchId, summaries, derived, report);
  }

  private void publish(long batchId, DerivedChanges derived) throws SQLException {
    if (!target.publisher().inPlace()) {
      listener.phase("publishing to " + target.name());
      Publishing.publish(target, connection, batchId, derived);
    }
  }

  /** Reads the files of one feed into its temp table; returns false when none was read (all skipped). */
  private boolean stage(StagingTable table, List<FeedFile> files, FileLedger ledger, KnownCodes codes,
                        RejectWriter rejects, List<FileSummary> summaries) throws SQLException {
    StagingWriter writer = null;
    try (HashesAhead hashes = new HashesAhead(files.stream().map(FeedFile::path).toList())) {
      for (int i = 0; i < files.size(); i++) {
        FeedFile file = files.get(i);
        listener.fileStarted(file);
        long t0 = System.nanoTime();
        String sha = hashes.get(i);
        OptionalLong loadedIn = ledger.loadedIn(sha);
        FileSummary summary;
        if (loadedIn.isPresent()) {
          summary = new FileSummary(file.name(), file.kind(), sha, 0, 0, 0,
              "already loaded in batch " + loadedIn.getAsLong(), (System.nanoTime() - t0) / 1e9);
        } else {
          if (writer == null) {
            table.createTemp(connection);
            writer = new StagingWriter(duck, table, rejects, codes);
          }
          codes.prepare(file.kind());
          StagingWriter staging = writer;
          ReadCounts counts = OverlappedSink.run(staging, file.name(), sink -> FeedReader.read(file.path(),
              file.kind(), codes, sink, (rows, bytes) -> listener.rowsProgressed(file, rows, bytes)));
          summary = new FileSummary(file.name(), file.kind(), sha, counts.rowsRead(), counts.rowsAccepted(),
              counts.rowsRejected(), null, (System.nanoTime() - t0) / 1e9);
        }
        ledger.record(summary);
        summaries.add(summary);
        listener.fileFinished(file, summary);
      }
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
    return writer != null;
  }

  private Map<FeedKind, List<FeedFile>> byKind() {
    Map<FeedKind, List<FeedFile>> map = new LinkedHashMap<>();
    for (FeedFile f : plan) {
      map.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
    }
    return map;
  }

  private static DerivationScope scope(List<StagingTable.MergeResult> merges) {
    boolean reference = false;
    boolean subscribers = false;
    SortedSet<Integer> billing = new TreeSet<>();
    SortedSet<Integer> usage = new TreeSet<>();
    SortedSet<Integer> events = new TreeSet<>();
    SortedSet<Integer> due = new TreeSet<>();
    SortedSet<String> usageDays = new TreeSet<>();
    for (StagingTable.MergeResult m : merges) {
      if (m.changed() == 0) {
        continue;
      }
      switch (m.kind()) {
        case REGIONS, ORG_UNITS, PRODUCTS -> reference = true;
        case SUBSCRIBERS -> subscribers = true;
        case BILLING -> {
          billing.addAll(m.months());
          due.addAll(m.dueMonths());
        }
        case USAGE -> {
          usage.addAll(m.months());
          usageDays.addAll(m.days());
        }
        case SERVICE_EVENTS -> events.addAll(m.months());
        default -> throw new IllegalStateException("unhandled feed " + m.kind());
      }
    }
    return new DerivationScope(reference, subscribers, billing, usage, events, due, usageDays);
  }

  private long nextBatchId() throws SQLException {
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("SELECT coalesce(max(batch_id), 0) + 1 FROM etl_batch")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void recordBatch(long batchId, LocalDateTime startedAt, List<FileSummary> files, String note)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO etl_batch (batch_id, started_at,"
        + " finished_at, rows_read, rows_loaded, rows_rejected, note) VALUES (?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), ?, ?, ?, ?)")) {
      ps.setLong(1, batchId);
      ps.setString(2, startedAt.toString());
      ps.setString(3, LocalDateTime.now(options.clock().withZone(options.zone())).toString());
      ps.setLong(4, files.stream().mapToLong(FileSummary::rowsRead).sum());
      ps.setLong(5, files.stream().mapToLong(FileSummary::rowsLoaded).sum());
      ps.setLong(6, files.stream().mapToLong(FileSummary::rowsRejected).sum());
      ps.setString(7, note);
      ps.executeUpdate();
    }
  }
}
