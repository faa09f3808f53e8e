package org.telecube.etl.derive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telecube.etl.derive.AnalysisFixtures.analysisFingerprint;
import static org.telecube.etl.derive.AnalysisFixtures.single;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.etl.load.LoadSummary;
import org.telecube.warehouse.Warehouse;

/**
 * The analysis is recomputed from the earliest month a batch touched, so loading the same data again (skipped
 * files, or a month's files reloaded with the same rows) must give the same analysis columns,
 * to the bit: segments, stages, signals, scores, weights, and fact_billing's segment and stage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalysisIdempotenceTest {
  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private Path feeds;
  private List<String> first;

  @BeforeAll
  void generateAndLoad() throws IOException {
    feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 2_000, 7, YearMonth.of(2025, 6), 3L, false),
        (m, i, n) -> { });
    warehouse = Warehouse.openEmbedded(dir.resolve("data"));
    AnalysisFixtures.load(warehouse, AnalysisFixtures.filesIn(feeds));
    first = analysisFingerprint(warehouse);
  }

  @AfterAll
  void close() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @Test
  @Order(1)
  void theAnalysisFilledEveryRow() {
    assertThat(single(warehouse, "SELECT count(*) FROM fact_subscriber_month WHERE value_segment IS NULL"
        + " OR lifecycle_stage IS NULL OR previous_value_segment IS NULL OR warning_score IS NULL"
        + " OR warning_type IS NULL OR signals IS NULL OR at_risk IS NULL")).isEqualTo("0");
    assertThat(single(warehouse, "SELECT count(*) FROM fact_billing WHERE value_segment IS NULL")).isEqualTo("0");
    assertThat(Long.parseLong(single(warehouse, "SELECT count(*) FROM fact_subscriber_month WHERE signal_count > 0")))
        .isPositive();
    assertThat(single(warehouse, "SELECT count(DISTINCT source) FROM churn_signal_weight WHERE source = 'fitted'"))
        .isEqualTo("1");
  }

  @Test
  @Order(2)
  void loadingTheSameFilesAgainChangesNothing() {
    LoadSummary again = AnalysisFixtures.load(warehouse, AnalysisFixtures.filesIn(feeds));
    assertThat(again.files()).allSatisfy(f -> assertThat(f.skipped()).isTrue());
    assertThat(analysisFingerprint(warehouse)).isEqualTo(first);
  }

  @Test
  @Order(3)
  void reloadingAMonthsFilesWithTheSameRowsChangesNothing() throws IOException {
    // same rows, other order: new files to the ledger, so the month is staged and derived again
    Path billing = reversed(feeds.resolve("billing_2025-03.csv"));
    Path events = reversed(feeds.resolve("service_events_2025-03.csv"));
    LoadSummary reload = AnalysisFixtures.load(warehouse, List.of(billing, events));
    assertThat(reload.files()).allSatisfy(f -> assertThat(f.skipped()).isFalse());
    assertThat(reload.derived()).contains("customer analysis from 202503");
    assertThat(analysisFingerprint(warehouse)).isEqualTo(first);
  }

  @Test
  @Order(4)
  void reloadingASnapshotWithTheSameRowsChangesNothing() throws IOException {
    // the same snapshot rows: no subscriber's history changes, so nothing is derived
    LoadSummary reload = AnalysisFixtures.load(warehouse, List.of(reversed(feeds.resolve("subscribers_2025-04.csv"))));
    assertThat(reload.files()).allSatisfy(f -> assertThat(f.skipped()).isFalse());
    assertThat(reload.derived()).isEmpty();
    assertThat(analysisFingerprint(warehouse)).isEqualTo(first);
  }

  @Test
  @Order(5)
  void theFingerprintSeesAChangedSetting() throws IOException {
    AnalysisFixtures.setting(warehouse, "tenure_threshold_months", "12");
    AnalysisFixtures.load(warehouse, List.of(reversed(feeds.resolve("billing_2025-05.csv"))));
    List<String> changed = analysisFingerprint(warehouse);
    assertThat(changed.get(0)).isNotEqualTo(first.get(0));
    assertThat(changed.get(1)).isNotEqualTo(first.get(1));
    AnalysisFixtures.setting(warehouse, "tenure_threshold_months", "24");
    AnalysisFixtures.load(warehouse, List.of(reversed(feeds.resolve("billing_2025-05.csv"))));
    assertThat(analysisFingerprint(warehouse)).isEqualTo(first);
  }

  /** Rewrites {@code file} with its data rows in reverse order (header first), and returns it. */
  private static Path reversed(Path file) throws IOException {
    assertThat(file).exists();
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    List<String> data = new ArrayList<>(lines.subList(1, lines.size()));
    Collections.reverse(data);
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    out.addAll(data);
    Files.write(file, (String.join("\n", out) + "\n").getBytes(StandardCharsets.UTF_8));
    return file;
  }
}
