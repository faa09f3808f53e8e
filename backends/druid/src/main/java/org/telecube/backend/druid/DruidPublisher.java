package org.telecube.backend.druid;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.telecube.warehouse.backend.Publication;
import org.telecube.warehouse.backend.PublishRefusedException;
import org.telecube.warehouse.backend.StarPublisher;

/**
 * Publishes the star to Druid by native batch ingestion: each touched table is written from the
 * work area as JSON lines in Druid's types ({@link DruidColumns}) and ingested by one
 * {@code index_parallel} task that replaces the slice's intervals (a fact's months; a whole
 * table's one segment), so loading the same batch twice never duplicates. The batch counts as
 * published once every task succeeded, the coordinator has the new segments on a historical and
 * the broker serves exactly the rows written; then a row in the
 * {@value #LEDGER} datasource names it. A failed task fails the load with Druid's reason, and
 * Druid keeps serving that table's previous segments.
 *
 * <p>Druid replaces one datasource at a time, not the star at once: if one table's task fails,
 * the others of the batch may already be new, while the work area rolls the batch back and its
 * next load reuses the batch id. The ledger then records the publication as incomplete (a batch
 * no work area has), so the next load publishes the whole star again (see {@code Publishing}).
 */
final class DruidPublisher implements StarPublisher {
  static final String LEDGER = "telecube_publication";
  /** The instant of every row of a table that has no time: one segment, replaced whole. */
  private static final String TIMELESS = "2000-01-01T00:00:00Z/2001-01-01T00:00:00Z";
  private static final long TIMELESS_MILLIS = 946_684_800_000L;

  private final DruidSettings settings;
  private final DruidStar star;
  private final DataSource broker;
  private final DruidTasks tasks;
  private final UnaryOperator<ObjectNode> taskCustomizer;

  DruidPublisher(DruidSettings settings, DruidStar star, DataSource broker) {
    this(settings, star, broker, UnaryOperator.identity());
  }

  /**
   * A publisher whose table tasks pass through {@code taskCustomizer} before they are submitted
   * (not the ledger's): the tests' way to make Druid itself fail a task.
   */
  DruidPublisher(DruidSettings settings, DruidStar star, DataSource broker, UnaryOperator<ObjectNode> taskCustomizer) {
    this.settings = settings;
    this.star = star;
    this.broker = broker;
    this.tasks = new DruidTasks(settings);
    this.taskCustomizer = taskCustomizer;
  }

  @Override
  public boolean inPlace() {
    return false;
  }

  @Override
  public long publishedBatch() throws SQLException {
    LastPublication last = lastPublication();
    return last == null ? 0 : last.batchId();
  }

  @Override
  public void publish(Connection workArea, Publication publication) throws SQLException {
    LastPublication last = lastPublication();
    if (last != null && !last.workArea().equals(publication.workArea())) {
      throw new PublishRefusedException("The Druid cluster " + settings.brokerUrl() + " was last published from"
          + " another work area (" + last.workArea() + ", batch " + last.batchId() + "), not from this one ("
          + publication.workArea() + "). Load from the data directory that holds that work area; or drop the"
          + " datasource " + LEDGER + " in Druid and load again: the next load then publishes the whole star.");
    }
    Path dir = settings.ingestDir().resolve("batch-" + publication.batchId() + "-" + UUID.randomUUID());
    try (IngestFiles files = IngestFiles.open(settings, dir)) {
      List<Ingestion> ingestions = new ArrayList<>();
      for (Publication.Slice slice : withEnumerations(publication)) {
        ingestions.add(export(workArea, slice, files));
      }
      // all tasks at once: the overlord runs as many as the indexers have slots for
      Map<Ingestion, String> running = new LinkedHashMap<>();
      List<String> replaced = new ArrayList<>();
      List<String> failures = new ArrayList<>();
      try {
        for (Ingestion ingestion : ingestions) {
          if (ingestion.intervals().isEmpty()) {
            continue; // nothing in the work area, nothing in Druid
          }
          ObjectNode task = IngestionSpec.task(ingestion, files.inputSource(ingestion.file()));
          running.put(ingestion, tasks.submit(taskCustomizer.apply(task).toString()));
        }
        for (Map.Entry<Ingestion, String> e : running.entrySet()) {
          DruidTasks.Status status = tasks.await(e.getValue());
          if (status.success()) {
            replaced.add(e.getKey().table());
          } else {
            failures.add(e.getKey().table() + " (task " + e.getValue() + "): " + status.reason());
          }
        }
        if (!failures.isEmpty()) {
          throw new SQLException("Druid did not ingest batch " + publication.batchId() + "; it keeps serving the"
              + " previous data of " + String.join("; ", failures)
              + (replaced.isEmpty() ? "" : ". It already replaced " + String.join(", ", replaced)
              + ", so the next load publishes the whole star"));
        }
        for (Ingestion ingestion : running.keySet()) {
          awaitServed(ingestion);
        }
        recordPublished(publication);
      } catch (SQLException | RuntimeException e) {
        // a task still running or done may have replaced a table: Druid then holds data the work
        // area is about to roll back, and the batch id is used again by the next load
        if (!replaced.isEmpty() || replaced.size() + failures.size() < running.size()) {
          recordIncomplete(publication, e);
        }
        throw e;
      }
    } catch (IOException e) {
      throw new SQLException("cannot write the files Druid ingests under " + dir + ": " + e.getMessage(), e);
    } finally {
      deleteTree(dir);
    }
  }

  /**
   * The publication's slices, and the model's enumeration tables whole when Druid lacks them or
   * the publication is a full one (it carries the calendar): Druid has no DDL to create them at
   * open, as PostgreSQL does, and a model edit changes them only with a full publication.
   */
  private List<Publication.Slice> withEnumerations(Publication publication) throws SQLException {
    List<Publication.Slice> slices = new ArrayList<>(publication.slices());
    boolean full = slices.stream().anyMatch(s -> s.table().equals("dim_month"));
    for (String table : star.enumerationTables()) {
      if (slices.stream().noneMatch(s -> s.table().equals(table)) && (full || !exists(table))) {
        slices.add(Publication.Slice.whole(table));
      }
    }
    return slices;
  }

  /** Writes {@code slice} from the work area to a JSON-lines file, and the intervals it replaces. */
  private Ingestion export(Connection workArea, Publication.Slice slice, IngestFiles files)
      throws SQLException, IOException {
    String table = slice.table();
    List<DruidStar.Column> columns = star.columns(table).orElseThrow(() ->
        new SQLException("the Druid backend does not know the star table " + table));
    boolean monthly = star.isMonthly(table);
    String where = slice.isWhole() ? "" : " WHERE " + quote(slice.monthColumn()) + " IN ("
        + String.join(", ", slice.months().stream().map(String::valueOf).toList()) + ")";
    StringBuilder select = new StringBuilder("SELECT ");
    select.append(monthly ? "epoch_ms(make_date(CAST(month_key // 100 AS INTEGER), CAST(month_key % 100 AS INTEGER), 1))"
        : String.valueOf(TIMELESS_MILLIS)).append(" AS \"__time\"");
    for (DruidStar.Column c : columns) {
      select.append(", ").append(DruidColumns.exportExpression(c.name(), c.duckDbType())).append(" AS ")
          .append(quote(c.name()));
    }
    select.append(" FROM ").append(quote(table)).append(where);
    Path file = files.file(table + ".json");
    long rows;
    try (Statement st = workArea.createStatement()) {
      st.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT JSON)");
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + quote(table) + where)) {
        rs.next();
        rows = rs.getLong(1);
      }
    }
    List<String> intervals = new ArrayList<>();
    if (!monthly) {
      intervals.add(TIMELESS);
    } else {
      SortedSet<Integer> months = new TreeSet<>(slice.months());
      if (slice.isWhole()) {
        months.addAll(monthsIn(workArea, table));
        months.addAll(publishedMonths(table));
      }
      // one interval per month: a month not in the work area any more is replaced by nothing
      months.forEach(m -> intervals.add(monthInterval(m)));
    }
    return new Ingestion(table, file, columns, monthly, intervals, rows);
  }

  private static List<Integer> monthsIn(Connection workArea, String table) throws SQLException {
    List<Integer> months = new ArrayList<>();
    try (Statement st = workArea.createStatement();
         ResultSet rs = st.executeQuery("SELECT DISTINCT month_key FROM " + quote(table))) {
      while (rs.next()) {
        months.add(rs.getInt(1));
      }
    }
    return months;
  }

  /** The months Druid serves for {@code table}, so that replacing the whole table also drops the ones gone. */
  private List<Integer> publishedMonths(String table) throws SQLException {
    List<Integer> months = new ArrayList<>();
    if (!exists(table)) {
      return months;
    }
    try (Connection c = broker.getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT DISTINCT month_key FROM " + quote(table))) {
      while (rs.next()) {
        months.add(rs.getInt(1));
      }
    }
    return months;
  }

  static String monthInterval(int monthKey) {
    YearMonth m = YearMonth.of(monthKey / 100, monthKey % 100);
    return m.atDay(1) + "T00:00:00Z/" + m.plusMonths(1).atDay(1) + "T00:00:00Z";
  }

  /** Waits until the broker serves exactly the rows written for {@code ingestion}'s intervals. */
  private void awaitServed(Ingestion ingestion) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ").append(quote(ingestion.table())).append(" WHERE ");
    List<String> parts = new ArrayList<>();
    for (String interval : ingestion.intervals()) {
      String[] ends = interval.split("/");
      parts.add("(__time >= TIME_PARSE('" + ends[0] + "') AND __time < TIME_PARSE('" + ends[1] + "'))");
    }
    sql.append(String.join(" OR ", parts));
    long deadline = System.nanoTime() + settings.taskTimeout().toNanos();
    long served = -1;
    // the span of the replaced intervals, for the coordinator: every used segment in it loaded
    String span = ingestion.intervals().get(0).split("/")[0] + "/"
        + ingestion.intervals().get(ingestion.intervals().size() - 1).split("/")[1];
    boolean loaded = false;
    while (System.nanoTime() < deadline) {
      // first the coordinator: the new segments (same row count or not) are on a historical;
      // then the broker: it serves exactly the rows written (it knows a new datasource only once
      // its first segment is loaded)
      loaded = loaded || tasks.loaded(ingestion.table(), span);
      served = loaded && exists(ingestion.table()) ? count(sql.toString()) : -1;
      if (loaded && served == ingestion.rows() || loaded && ingestion.rows() == 0 && served <= 0) {
        return;
      }
      DruidTasks.pause(500);
    }
    throw new SQLException("Druid ingested " + ingestion.table() + " but its broker serves " + served + " rows of the "
        + ingestion.rows() + " published after " + settings.taskTimeout() + "; the coordinator may lack historicals"
        + " with room for the new segments");
  }

  /**
   * Records in the ledger that a publication from this work area stopped part way: a batch no
   * work area has (minus the time, so each such record is a new data version), so the next load
   * publishes the whole star rather than its own slices over tables the failed one replaced.
   */
  private void recordIncomplete(Publication publication, Exception failure) {
    try {
      record(-System.currentTimeMillis(), publication.workArea());
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private void recordPublished(Publication publication) throws SQLException {
    record(publication.batchId(), publication.workArea());
  }

  private void record(long batchId, String workArea) throws SQLException {
    String row = "{\"__time\":" + System.currentTimeMillis() + ",\"batch_id\":" + batchId
        + ",\"work_area\":\"" + workArea.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    DruidTasks.Status status = tasks.await(tasks.submit(IngestionSpec.ledger(LEDGER, row)));
    if (!status.success()) {
      throw new SQLException("Druid ingested batch " + batchId + " but not its record in " + LEDGER
          + ": " + status.reason());
    }
    long deadline = System.nanoTime() + settings.taskTimeout().toNanos();
    while (publishedBatch() != batchId) {
      if (System.nanoTime() > deadline) {
        throw new SQLException("Druid does not serve the record of batch " + batchId + " in " + LEDGER);
      }
      DruidTasks.pause(300);
    }
  }

  private record LastPublication(long batchId, String workArea) {
  }

  private LastPublication lastPublication() throws SQLException {
    if (!exists(LEDGER)) {
      return null;
    }
    try (Connection c = broker.getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT batch_id, work_area FROM " + LEDGER
             + " ORDER BY __time DESC LIMIT 1")) {
      return rs.next() ? new LastPublication(rs.getLong(1), rs.getString(2)) : null;
    }
  }

  private boolean exists(String datasource) throws SQLException {
    try (Connection c = broker.getConnection(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'druid'"
             + " AND TABLE_NAME = '" + datasource.replace("'", "''") + "'")) {
      return rs.next();
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection c = broker.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      // Druid answers an aggregate over no rows with no row at all
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // a leftover directory of JSON files is harmless; the next publication writes its own
    }
  }

  /** One table's ingestion: the file written, the columns in it, and the intervals it replaces. */
  record Ingestion(String table, Path file, List<DruidStar.Column> columns, boolean monthly, List<String> intervals,
                   long rows) {
  }
}
