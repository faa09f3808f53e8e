package org.telecube.etl.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telecube.etl.derive.StarComparison.assertSameStar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.etl.load.LoadSummary;
import org.telecube.warehouse.Warehouse;

/**
 * The oracle for incremental loads: a warehouse loaded batch by batch, each batch deriving only
 * what it touched, must equal row for row (every dimension, fact, analysis column and weight) a
 * warehouse loaded from scratch with the same data in one batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalOracleTest {
  private static final Pattern MONTH = Pattern.compile("_(\\d{4}-\\d{2})\\.csv$");

  @TempDir
  static Path dir;

  private Path feeds;
  private Warehouse scratch;
  private final List<Warehouse> opened = new ArrayList<>();

  @BeforeAll
  void generateAndLoadFromScratch() throws IOException {
    feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 400, 7, YearMonth.of(2025, 6), 11L, false),
        (m, i, n) -> { });
    scratch = open("scratch");
    AnalysisFixtures.load(scratch, AnalysisFixtures.filesIn(feeds));
  }

  @AfterAll
  void close() {
    opened.forEach(Warehouse::close);
  }

  @Test
  void monthsLoadedOneByOneEqualAllAtOnce() {
    Warehouse w = open("one-by-one");
    for (List<Path> month : byMonth(AnalysisFixtures.filesIn(feeds)).values()) {
      AnalysisFixtures.load(w, month);
    }
    assertSameStar(scratch, w);
  }

  @Test
  void subscriberMonthsDerivedAMonthPerStatementEqualAllInOne() throws SQLException {
    try (Connection c = scratch.workArea().dataSource().getConnection(); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      try {
        FactTables.subscriberMonth(c, null);
        st.execute("CREATE TEMP TABLE in_one AS SELECT * FROM fact_subscriber_month");
        // 1 row per statement: a statement per month, of the seven
        FactTables.subscriberMonth(c, null, 1);
        assertThat(count(st, "SELECT count(*) FROM fact_subscriber_month")).isGreaterThan(400);
        assertThat(count(st, "SELECT count(DISTINCT month_key) FROM fact_subscriber_month")).isEqualTo(7);
        assertThat(count(st, "SELECT count(*) FROM ((SELECT * FROM in_one EXCEPT ALL SELECT * FROM fact_subscriber_month)"
            + " UNION ALL (SELECT * FROM fact_subscriber_month EXCEPT ALL SELECT * FROM in_one))"))
            .isZero();
      } finally {
        c.rollback();
      }
    }
  }

  private static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aOneDayUsageBatchAddedLast() {
    Path usage = feeds.resolve("usage_2025-06.csv");
    List<String> lines = lines(usage);
    String lastDay = lines.get(lines.size() - 1).substring(0, 10);
    Path without = write(dir.resolve("day/usage_2025-06.csv"), filter(lines, l -> !l.startsWith(lastDay)));
    Path day = write(dir.resolve("day/usage_" + lastDay + ".csv"), filter(lines, l -> l.startsWith(lastDay)));
    Warehouse w = open("one-day");
    List<Path> first = new ArrayList<>(AnalysisFixtures.filesIn(feeds));
    first.set(first.indexOf(usage), without);
    AnalysisFixtures.load(w, first);

    LoadSummary s = AnalysisFixtures.load(w, List.of(day));
    assertThat(s.derived()).containsExactly("fact_usage 202506 (" + lastDay + ")", "aggregates");
    assertThat(s.changes().monthsOrNull("fact_usage")).containsExactly(202506);
    assertThat(s.changes().monthsOrNull("fact_subscriber_month")).isEmpty();
    assertSameStar(scratch, w);
  }

  @Test
  void aMonthsServiceEventsAddedLate() {
    Path events = feeds.resolve("service_events_2025-03.csv");
    Warehouse w = open("events-late");
    List<Path> first = new ArrayList<>(AnalysisFixtures.filesIn(feeds));
    first.remove(events);
    AnalysisFixtures.load(w, first);

    LoadSummary s = AnalysisFixtures.load(w, List.of(events));
    assertThat(s.derived()).contains("fact_service_event 202503", "customer analysis from 202503");
    assertThat(s.changes().monthsOrNull("fact_service_event")).containsExactly(202503);
    assertThat(s.changes().monthsOrNull("fact_subscriber_month")).isNotNull().contains(202503);
    assertSameStar(scratch, w);
  }

  @Test
  void correctionsToAnOldMonthsSubscribersAndBills() {
    // corrections of February: two subscribers swap plans, two swap city, one joined a year
    // earlier; one bill is raised and left unpaid
    Path subscribers = feeds.resolve("subscribers_2025-02.csv");
    Path billing = feeds.resolve("billing_2025-02.csv");
    List<String> sub = lines(subscribers);
    List<String> fixedSub = new ArrayList<>(sub);
    swap(fixedSub, 1, 2, 10, 11);
    swap(fixedSub, 3, 4, 7, 8);
    fixedSub.set(5, edit(fixedSub.get(5), f -> {
      f[16] = LocalDate.parse(f[16]).minusYears(1).toString();
      return f;
    }));
    List<String> bill = lines(billing);
    List<String> fixedBill = new ArrayList<>(bill);
    fixedBill.set(1, edit(bill.get(1), f -> {
      f[4] = "999.00";
      f[7] = "";
      return f;
    }));
    Path corrected = dir.resolve("corrected");
    for (Path f : AnalysisFixtures.filesIn(feeds)) {
      List<String> content = f.equals(subscribers) ? fixedSub : f.equals(billing) ? fixedBill : lines(f);
      write(corrected.resolve(f.getFileName()), content);
    }
    Warehouse expected = open("corrected-scratch");
    AnalysisFixtures.load(expected, AnalysisFixtures.filesIn(corrected));

    Warehouse w = open("corrected-incremental");
    AnalysisFixtures.load(w, AnalysisFixtures.filesIn(feeds));
    LoadSummary s = AnalysisFixtures.load(w, List.of(write(dir.resolve("fix/subscribers_fix.csv"),
        changedRows(sub, fixedSub))));
    assertThat(s.derived()).anySatisfy(d -> assertThat(d).startsWith("dim_subscriber ("));
    assertThat(s.derived()).noneMatch(d -> d.equals("customer analysis") || d.equals("all facts"));
    LoadSummary b = AnalysisFixtures.load(w, List.of(write(dir.resolve("fix/billing_fix.csv"),
        changedRows(bill, fixedBill))));
    assertThat(b.derived()).contains("fact_billing 202502");
    assertSameStar(expected, w);
  }

  @Test
  void theSameFilesTwiceChangeNothing() {
    Warehouse w = open("twice");
    AnalysisFixtures.load(w, AnalysisFixtures.filesIn(feeds));
    LoadSummary skipped = AnalysisFixtures.load(w, AnalysisFixtures.filesIn(feeds));
    assertThat(skipped.derived()).isEmpty();
    // the same rows in another order: new files to the ledger, so staged and merged again
    List<Path> reordered = new ArrayList<>();
    for (Path f : AnalysisFixtures.filesIn(feeds)) {
      List<String> lines = lines(f);
      List<String> data = new ArrayList<>(lines.subList(1, lines.size()));
      Collections.reverse(data);
      data.add(0, lines.get(0));
      reordered.add(write(dir.resolve("reordered").resolve(f.getFileName()), data));
    }
    LoadSummary snapshot = AnalysisFixtures.load(w, List.of(reordered.get(indexOf(reordered, "subscribers_2025-04"))));
    assertThat(snapshot.derived()).as("a snapshot repeating known rows derives nothing").isEmpty();
    AnalysisFixtures.load(w, reordered);
    assertSameStar(scratch, w);
  }

  private Warehouse open(String name) {
    Warehouse w = Warehouse.openEmbedded(dir.resolve("data-" + name));
    opened.add(w);
    return w;
  }

  /** Files by month (files without a month first), in load order. */
  private static Map<String, List<Path>> byMonth(List<Path> files) {
    Map<String, List<Path>> months = new TreeMap<>();
    for (Path f : files) {
      Matcher m = MONTH.matcher(f.getFileName().toString());
      months.computeIfAbsent(m.find() ? m.group(1) : "0000", k -> new ArrayList<>()).add(f);
    }
    return months;
  }

  private static int indexOf(List<Path> files, String prefix) {
    for (int i = 0; i < files.size(); i++) {
      if (files.get(i).getFileName().toString().startsWith(prefix)) {
        return i;
      }
    }
    throw new IllegalArgumentException(prefix);
  }

  private static List<String> changedRows(List<String> before, List<String> after) {
    List<String> out = new ArrayList<>(List.of(after.get(0)));
    for (int i = 1; i < after.size(); i++) {
      if (!after.get(i).equals(before.get(i))) {
        out.add(after.get(i));
      }
    }
    return out;
  }

  /** Swaps columns {@code a} and {@code b} of data rows {@code i} and {@code j}. */
  private static void swap(List<String> lines, int i, int j, int a, int b) {
    String[] x = lines.get(i).split(",", -1);
    String[] y = lines.get(j).split(",", -1);
    for (int c : new int[] {a, b}) {
      String t = x[c];
      x[c] = y[c];
      y[c] = t;
    }
    lines.set(i, String.join(",", x));
    lines.set(j, String.join(",", y));
  }

  private static String edit(String line, UnaryOperator<String[]> change) {
    return String.join(",", change.apply(line.split(",", -1)));
  }

  private static List<String> filter(List<String> lines, java.util.function.Predicate<String> keep) {
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    lines.subList(1, lines.size()).stream().filter(keep).forEach(out::add);
    return out;
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path file, List<String> lines) {
    return AnalysisFixtures.write(file, lines);
  }
}
