package org.telecube.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.calcite.sql.SqlDialect;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.backend.Capabilities;
import org.telecube.warehouse.backend.StarPublisher;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.Measure;

/**
 * Totals by GROUPING SETS in one statement are the totals one statement per grouping gives: every
 * measure of every cube, by region and quarter with subtotals and time intelligence, on a backend
 * that has grouping sets and on the same one declaring it has not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupingSetsTest {
  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine withSets;
  private QueryEngine without;

  @BeforeAll
  void star() throws Exception {
    warehouse = Warehouse.openEmbedded(dir);
    SmallStar.fill(warehouse);
    withSets = new QueryEngine(warehouse.backend(), warehouse.model());
    without = new QueryEngine(new NoGroupingSets(warehouse.backend()), warehouse.model());
  }

  @AfterAll
  void close() {
    warehouse.close();
  }

  @TestFactory
  List<DynamicTest> totalsAreTheSameEitherWay() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Cube cube : warehouse.model().cubes()) {
      for (Measure m : cube.measures()) {
        CubeQuery q = CubeQuery.of(cube.name(), List.of(m.name()), List.of("region.macro_region", "region.province"))
            .withColumns(List.of("time.quarter")).withTotals(true)
            .withTimeIntelligence(List.of("previous_period", "year_to_date"));
        tests.add(DynamicTest.dynamicTest(cube.name() + "." + m.name(), () -> {
          CellSet a = withSets.execute(q);
          CellSet b = without.execute(q);
          assertThat(a.totals()).isNotEmpty().isEqualTo(b.totals());
          assertThat(a.cells()).isEqualTo(b.cells());
          assertThat(a.periods()).isEqualTo(b.periods());
        }));
      }
    }
    // billed subscribers counted distinct (by charge item) within grouping sets, per grouping
    CubeQuery distinct = CubeQuery.of("revenue", List.of("billed_subscribers", "arpu"), List.of("charge_item.item"))
        .withColumns(List.of("time.quarter")).withTotals(true).withTimeIntelligence(List.of("previous_period"));
    tests.add(DynamicTest.dynamicTest("revenue.arpu by charge item", () -> {
      CellSet a = withSets.execute(distinct);
      assertThat(a.totals()).isNotEmpty().isEqualTo(without.execute(distinct).totals());
      assertThat(withSets.explain(distinct).sql("totals by grouping sets")).contains("COUNT(DISTINCT");
    }));
    return tests;
  }

  @TestFactory
  List<DynamicTest> oneStatementForAllTotalsWhereThePlanAllows() {
    CubeQuery revenue = CubeQuery.of("revenue", List.of("revenue", "bill_lines"), List.of("region.province"))
        .withColumns(List.of("time.quarter")).withTotals(true);
    CubeQuery semiAdditive = CubeQuery.of("subscribers", List.of("active_end"), List.of("region.province"))
        .withColumns(List.of("time.quarter")).withTotals(true);
    CubeQuery arpu = CubeQuery.of("revenue", List.of("revenue", "arpu"), List.of("region.province"))
        .withColumns(List.of("time.quarter")).withTotals(true);
    CubeQuery across = CubeQuery.of("usage", List.of("mou"), List.of("region.province"))
        .withColumns(List.of("time.quarter")).withTotals(true);
    return List.of(
        DynamicTest.dynamicTest("revenue", () -> assertThat(totalsStatements(withSets.explain(revenue))).isEqualTo(1)),
        DynamicTest.dynamicTest("revenue without", () -> assertThat(totalsStatements(without.explain(revenue))).isEqualTo(3)),
        // a period's first/last month: a window partitioned by the grouping as well
        DynamicTest.dynamicTest("semi-additive", () -> assertThat(totalsStatements(withSets.explain(semiAdditive))).isEqualTo(1)),
        // months averaged and counted after the grouping sets, per grouping
        DynamicTest.dynamicTest("ARPU", () -> assertThat(totalsStatements(withSets.explain(arpu))).isEqualTo(1)),
        // a cube brought across is grouped by its own statement: one plan per grouping
        DynamicTest.dynamicTest("drill-across", () -> assertThat(totalsStatements(withSets.explain(across))).isEqualTo(3)));
  }

  private static long totalsStatements(Explain explain) {
    return explain.statements().stream().filter(s -> s.purpose().startsWith("totals")).count();
  }

  /** The same backend, declaring no GROUPING SETS. */
  private record NoGroupingSets(Backend backend) implements Backend {
    @Override public String name() { return backend.name(); }
    @Override public SqlDialect dialect() { return backend.dialect(); }
    @Override public String schema() { return backend.schema(); }
    @Override public Capabilities capabilities() {
      Capabilities c = backend.capabilities();
      return new Capabilities(c.windowFunctions(), c.exactDistinctCount(), c.dimensionJoins(), c.exactDecimal(), false,
          c.filteredAggregates(), false);
    }
    @Override public void prepare(CubeModel model) { backend.prepare(model); }
    @Override public DataSource dataSource() { return backend.dataSource(); }
    @Override public String location() { return backend.location(); }
    @Override public long dataVersion() { return backend.dataVersion(); }
    @Override public StarPublisher publisher() { return backend.publisher(); }
    @Override public void close() { }
  }
}
