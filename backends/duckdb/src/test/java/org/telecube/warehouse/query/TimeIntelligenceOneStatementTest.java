package org.telecube.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Level;
import org.telecube.warehouse.model.Measure;

/**
 * Every time-intelligence kind a query asks for comes from one statement per grouping, and each
 * kind's values are those of the query asking for that kind alone (one bridge kind, the plan as it
 * was when each kind ran its own statement): every measure of every cube, over every time level,
 * in the cells and the totals.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimeIntelligenceOneStatementTest {
  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine engine;

  @BeforeAll
  void star() throws Exception {
    warehouse = Warehouse.openEmbedded(dir);
    SmallStar.fill(warehouse);
    engine = new QueryEngine(warehouse.backend(), warehouse.model());
  }

  @AfterAll
  void close() {
    warehouse.close();
  }

  @TestFactory
  List<DynamicTest> everyKindTogetherIsEachKindAlone() {
    List<String> codes = Arrays.stream(TimeIntelligence.values()).map(TimeIntelligence::code).toList();
    List<DynamicTest> tests = new ArrayList<>();
    for (Cube cube : warehouse.model().cubes()) {
      List<String> measures = cube.measures().stream().map(Measure::name).toList();
      for (DimensionUsage usage : cube.dimensions()) {
        if (!usage.dimension().time()) {
          continue;
        }
        for (Level level : usage.levels()) {
          if (level.name().equals("day")) {
            continue; // time intelligence shifts months, quarters and years
          }
          String time = usage.name() + "." + level.name();
          CubeQuery all = CubeQuery.of(cube.name(), measures, List.of("region.province")).withColumns(List.of(time))
              .withTotals(true).withTimeIntelligence(codes);
          tests.add(DynamicTest.dynamicTest(cube.name() + " by " + time, () -> {
            CellSet together = engine.execute(all);
            // the small star has revenue, subscribers and usage, no service events
            assertThat(together.cells().isEmpty()).isEqualTo(cube.name().equals("service"));
            for (String code : codes) {
              CellSet alone = engine.execute(all.withTimeIntelligence(List.of(code)));
              assertThat(columns(together.cells(), code)).as(code).isEqualTo(columns(alone.cells(), code));
              assertThat(columns(together.totals(), code)).as(code).isEqualTo(columns(alone.totals(), code));
            }
            // one statement for the main grouping, one per totals grouping that keeps the time level
            List<String> purposes = engine.explain(all).statements().stream().map(Explain.Statement::purpose).toList();
            assertThat(purposes).filteredOn(p -> p.startsWith("main ")).singleElement().asString()
                .contains("previous_period", "same_period_last_year", "year_to_date");
            assertThat(purposes).filteredOn(p -> p.startsWith("totals by " + time + " ")).hasSize(1);
          }));
        }
      }
    }
    return tests;
  }

  /** Per record its keys and the columns of one time-intelligence code. */
  private static List<Map<String, Object>> columns(List<Map<String, Object>> records, String code) {
    return records.stream().map(r -> {
      Map<String, Object> out = new java.util.TreeMap<>();
      r.forEach((k, v) -> {
        if (!k.contains(":") || k.endsWith(":" + code)) {
          out.put(k, v);
        }
      });
      return (Map<String, Object>) out;
    }).toList();
  }
}
