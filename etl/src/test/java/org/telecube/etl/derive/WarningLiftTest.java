package org.telecube.etl.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.warehouse.Warehouse;

/**
 * The churn warning foresees churn out of sample (issue 3: the top decile's lift at least 3):
 * weights fitted on months up to M-3 only (whose outcomes end in M-2), then month M-1's scores
 * ranked against who churned in M.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarningLiftTest {
  private static final YearMonth LAST = YearMonth.of(2025, 10);
  private static final int MONTHS = 10;

  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private WarningEvaluation.Result result;

  private static int key(YearMonth m) {
    return m.getYear() * 100 + m.getMonthValue();
  }

  @BeforeAll
  void generateFitAndEvaluate() throws Exception {
    Path feeds = dir.resolve("feeds");
    new SampleGenerator().generate(new GeneratorSettings(feeds, 20_000, MONTHS, LAST, 11L, false), (m, i, n) -> { });
    warehouse = Warehouse.openEmbedded(dir.resolve("data"));
    // before the load, so the batch's analysis fits on M-3 and earlier only
    AnalysisFixtures.setting(warehouse, "fit_to_month", String.valueOf(key(LAST.minusMonths(3))));
    AnalysisFixtures.load(warehouse, AnalysisFixtures.filesIn(feeds));
    try (Connection c = warehouse.backend().dataSource().getConnection()) {
      result = WarningEvaluation.evaluate(c, key(LAST.minusMonths(1)));
    }
    System.out.println(result.render());
    System.out.println(AnalysisFixtures.rows(warehouse, "SELECT signal, round(weight, 3), round(churn_rate_with, 4),"
        + " round(churn_rate_without, 4), observations, fitted_from, fitted_to, source FROM churn_signal_weight"
        + " ORDER BY weight DESC"));
  }

  @AfterAll
  void close() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  @Test
  void theEvaluatedMonthIsOutOfSample() {
    assertThat(result.fittedTo()).isEqualTo(key(LAST.minusMonths(3)));
    assertThat(result.fittedFrom()).isEqualTo(key(LAST.minusMonths(MONTHS - 1)));
    assertThat(result.outOfSample()).isTrue();
    assertThat(result.render()).contains("out of sample");
    // every signal had enough history to be fitted, none on the evaluated month
    assertThat(AnalysisFixtures.rows(warehouse, "SELECT DISTINCT source, fitted_to FROM churn_signal_weight"))
        .allSatisfy(r -> assertThat(r).containsExactly("fitted", String.valueOf(key(LAST.minusMonths(3)))));
  }

  @Test
  void theTopDecileHoldsAtLeastThreeTimesTheAverageChurn() {
    assertThat(result.churners()).as("churners to rank").isGreaterThan(100);
    assertThat(result.deciles()).hasSize(10);
    assertThat(result.deciles().get(0).decile()).isEqualTo(1);
    assertThat(result.deciles().get(0).lift()).isGreaterThanOrEqualTo(3.0);
    // and the bottom half holds less than its share
    double bottomHalf = result.deciles().subList(5, 10).stream().mapToLong(WarningEvaluation.Decile::churners).sum();
    assertThat(bottomHalf / result.churners()).isLessThan(0.5);
  }

  @Test
  void precisionOfTheTopFivePercentExceedsThreeTimesTheChurnRate() {
    double overall = (double) result.churners() / result.subscribers();
    assertThat(result.precisionTop5()).isGreaterThan(3 * overall);
  }
}
