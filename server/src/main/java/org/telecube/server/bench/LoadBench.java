package org.telecube.server.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.telecube.etl.load.ConsoleLoadListener;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.FeedPaths;
import org.telecube.etl.load.FileSummary;
import org.telecube.etl.load.LoadSummary;
import org.telecube.warehouse.Warehouse;

/**
 * Load throughput: what {@code telecube etl load} achieved per feed against DuckDB's own bare
 * {@code read_csv} of the same files (no validation, no keys: the limit), and the cost of the
 * small batches a daily load brings (one day of usage, one billing row) into the loaded warehouse.
 */
public final class LoadBench {
  private LoadBench() {
  }

  /** Loads {@code feeds} into {@code warehouse} (one batch) and returns its summary with the wall time. */
  public static LoadSummary load(Warehouse warehouse, Path feeds) {
    return EtlLoader.load(warehouse, FeedPaths.expand(List.of(feeds)), Optional.empty(), new ConsoleLoadListener());
  }

  /** Per feed of {@code summary}: the ETL's seconds for its files, and a bare read of the same files. */
  public static List<FeedThroughput> throughput(LoadSummary summary, Path feedDir, Path scratch)
      throws IOException, SQLException {
    Map<String, List<FileSummary>> byFeed = summary.files().stream().filter(f -> !f.skipped())
        .collect(Collectors.groupingBy(f -> f.feed().code(), LinkedHashMap::new, Collectors.toList()));
    List<FeedThroughput> out = new ArrayList<>();
    Files.createDirectories(scratch);
    Path db = scratch.resolve("bare-read.duckdb");
    Files.deleteIfExists(db);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath());
         Statement st = c.createStatement()) {
      for (Map.Entry<String, List<FileSummary>> feed : byFeed.entrySet()) {
        long rows = feed.getValue().stream().mapToLong(FileSummary::rowsRead).sum();
        double etl = feed.getValue().stream().mapToDouble(FileSummary::seconds).sum();
        String files = feed.getValue().stream()
            .map(f -> "'" + feedDir.resolve(f.fileName()).toAbsolutePath().toString().replace("'", "''") + "'")
            .collect(Collectors.joining(", ", "[", "]"));
        long t = System.nanoTime();
        st.execute("CREATE TABLE bare_" + feed.getKey() + " AS SELECT * FROM read_csv(" + files + ", header = true)");
        double bare = (System.nanoTime() - t) / 1e9;
        out.add(new FeedThroughput(feed.getKey(), rows, etl, bare));
      }
    } finally {
      Files.deleteIfExists(db);
      Files.deleteIfExists(scratch.resolve("bare-read.duckdb.wal"));
    }
    return out;
  }

  /**
   * The one-day usage batch: the rows of the last date in the last usage file, under the file's
   * header, in a new file in {@code scratch}; and the one-row billing batch likewise.
   */
  public static List<LoadFigures.Batch> smallBatches(Warehouse warehouse, Path feedDir, Path scratch)
      throws IOException {
    List<LoadFigures.Batch> out = new ArrayList<>();
    Files.createDirectories(scratch);
    Optional<Path> usage = last(feedDir, "usage_");
    if (usage.isPresent()) {
      Path day = scratch.resolve("usage_bench-one-day.csv");
      long rows = cutLastDay(usage.get(), day);
      out.add(timeBatch(warehouse, "one day of usage (" + usage.get().getFileName() + ", its last date)", rows, day));
    }
    Optional<Path> billing = last(feedDir, "billing_");
    if (billing.isPresent()) {
      Path row = scratch.resolve("billing_bench-one-row.csv");
      cutHead(billing.get(), row, 1);
      out.add(timeBatch(warehouse, "one billing row (" + billing.get().getFileName() + ")", 1, row));
    }
    return out;
  }

  private static LoadFigures.Batch timeBatch(Warehouse warehouse, String what, long rows, Path file) {
    long t = System.nanoTime();
    try {
      EtlLoader.load(warehouse, List.of(file), Optional.empty(), new ConsoleLoadListener());
      return new LoadFigures.Batch(what, rows, (System.nanoTime() - t) / 1e9);
    } catch (RuntimeException e) {
      System.out.println(what + ": the batch failed: " + BenchReport.describe(e));
      return new LoadFigures.Batch(what, rows, Double.NaN);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover scratch file is harmless
      }
    }
  }

  /** The feed's last file by name (names end in the month, so the latest sorts last). */
  static Optional<Path> last(Path dir, String prefix) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)
          && p.getFileName().toString().endsWith(".csv")).max(Path::compareTo);
    }
  }

  /** Copies the header and the rows of the file's last date (its first column) to {@code to}; returns rows. */
  static long cutLastDay(Path from, Path to) throws IOException {
    String lastDate = null;
    try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String date = line.substring(0, Math.max(0, line.indexOf(',')));
        if (lastDate == null || date.compareTo(lastDate) > 0) {
          lastDate = date;
        }
      }
    }
    long rows = 0;
    try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
         BufferedWriter out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
      out.write(in.readLine());
      out.newLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (lastDate != null && line.startsWith(lastDate + ",")) {
          out.write(line);
          out.newLine();
          rows++;
        }
      }
    }
    return rows;
  }

  static void cutHead(Path from, Path to, int rows) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
         BufferedWriter out = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
      for (int i = 0; i <= rows; i++) {
        String line = in.readLine();
        if (line == null) {
          return;
        }
        out.write(line);
        out.newLine();
      }
    }
  }

  /** Rows per fact table of the loaded star. */
  public static Map<String, Long> factRows(Warehouse warehouse) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : List.of("fact_billing", "fact_subscriber_month", "fact_usage", "fact_service_event")) {
      try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
        rs.next();
        rows.put(table, rs.getLong(1));
      } catch (SQLException e) {
        // a star without that fact: not counted
      }
    }
    return rows;
  }
}
