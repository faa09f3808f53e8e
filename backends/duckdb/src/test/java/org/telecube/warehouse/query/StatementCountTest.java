package org.telecube.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;

/**
 * How many statements the README's example questions run (the README quotes these numbers):
 * totals in one statement by grouping sets also where months combine (ARPU), and every
 * time-intelligence kind of a grouping in one statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementCountTest {
  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine engine;

  @BeforeAll
  void open() {
    warehouse = Warehouse.openEmbedded(dir);
    engine = new QueryEngine(warehouse.backend(), warehouse.model());
  }

  @AfterAll
  void close() {
    warehouse.close();
  }

  @Test
  void theReadmeExampleQuery() {
    // member checks, main, periods of time.quarter, its time intelligence, totals by grouping
    // sets, the time intelligence of the totals by quarter (was 10: a statement per kind and per grouping)
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue", "arpu"), List.of("region.province"))
        .withColumns(List.of("time.quarter"))
        .withFilters(List.of(LevelFilter.members("region.macro_region", "south", "east"),
            LevelFilter.range("time.month", "2025-01", "2025-12")))
        .withTotals(true).withTimeIntelligence(List.of("previous_period_change", "year_to_date"));
    assertThat(purposes(q)).containsExactly("member checks", "main", "periods of time.quarter",
        "main previous_period, year_to_date", "totals by grouping sets",
        "totals by time.quarter previous_period, year_to_date");
  }

  @Test
  void provinceByQuarterRevenueAndArpuWithTotalsMomAndYoy() {
    // was 9: main, periods, 2 kinds, 3 totals, 2 kinds of the totals by quarter
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue", "arpu"), List.of("region.province"))
        .withColumns(List.of("time.quarter")).withTotals(true)
        .withTimeIntelligence(List.of("previous_period_change", "same_period_last_year_change"));
    assertThat(purposes(q)).hasSize(5);
  }

  @Test
  void businessLineByFamilyByYearArpuWithTotals() {
    // product is not additive for billed subscribers: distinct counts, still one totals statement
    // (was 1 + 1 + 5 = 7 with 5 totals groupings)
    CubeQuery q = CubeQuery.of("revenue", List.of("revenue", "arpu"), List.of("product.business_line", "product.family"))
        .withColumns(List.of("time.year")).withTotals(true);
    assertThat(purposes(q)).containsExactly("main", "periods of time.year", "totals by grouping sets");
  }

  private List<String> purposes(CubeQuery q) {
    List<String> purposes = engine.explain(q).statements().stream().map(Explain.Statement::purpose).toList();
    System.out.println(purposes.size() + " statements: " + purposes);
    return purposes;
  }
}
