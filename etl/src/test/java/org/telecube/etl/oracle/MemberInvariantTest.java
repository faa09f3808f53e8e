package org.telecube.etl.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.etl.generate.GeneratorSettings;
import org.telecube.etl.generate.SampleGenerator;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.LoadListener;
import org.telecube.warehouse.Warehouse;
import org.telecube.warehouse.model.Aggregate;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.DimensionUsage;
import org.telecube.warehouse.model.Level;
import org.telecube.warehouse.model.Measure;
import org.telecube.warehouse.model.ModelLoader;
import org.telecube.warehouse.model.OverTime;
import org.telecube.warehouse.query.CellSet;
import org.telecube.warehouse.query.CubeQuery;
import org.telecube.warehouse.query.MemberRef;
import org.telecube.warehouse.query.QueryEngine;

/**
 * The model-wide invariant, over every cube and every non-time level of the shipped model on
 * generated data: an additive measure broken down by the level adds up to the grand total, and
 * every row's key is a member that the members endpoint lists. A fact value that legitimately
 * has no member of its own ("not applicable") must be declared as an explicit member in the
 * model, with captions, so a blank row never appears.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemberInvariantTest {
  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine engine;

  @BeforeAll
  void generateAndLoad() throws IOException {
    Path feeds = dir.resolve("feeds");
    // two months: the second has churners whose "before churn" state is the first month's
    new SampleGenerator().generate(new GeneratorSettings(feeds, 2_000, 2, YearMonth.of(2025, 6), 11L, false),
        (m, i, n) -> { });
    warehouse = Warehouse.openEmbedded(dir.resolve("data"));
    List<Path> files;
    try (Stream<Path> s = Files.list(feeds)) {
      files = s.sorted().toList();
    }
    EtlLoader.load(warehouse, files, Optional.empty(), LoadListener.NONE);
    engine = new QueryEngine(warehouse.backend(), warehouse.model());
  }

  @AfterAll
  void close() {
    if (warehouse != null) {
      warehouse.close();
    }
  }

  /** Every (cube, non-time level) of the shipped model. */
  static List<String[]> cubeLevels() {
    List<String[]> out = new ArrayList<>();
    for (Cube cube : ModelLoader.shipped().cubes()) {
      for (DimensionUsage usage : cube.dimensions()) {
        if (usage.dimension().time()) {
          continue;
        }
        for (Level level : usage.levels()) {
          out.add(new String[] {cube.name(), usage.name() + "." + level.name()});
        }
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyRowIsAListedMemberAndTheRowsAddUpToTheTotal() {
    List<String[]> pairs = cubeLevels();
    assertThat(pairs).isNotEmpty();
    return pairs.stream().map(p -> DynamicTest.dynamicTest(p[0] + " by " + p[1], () -> check(p[0], p[1])));
  }

  private void check(String cubeName, String level) {
    Cube cube = ModelLoader.shipped().cube(cubeName).orElseThrow();
    String measure = additiveMeasure(cube);
    double total = value(engine.execute(CubeQuery.of(cubeName, List.of(measure), List.of())).cells().get(0), measure);
    CellSet byLevel = engine.execute(CubeQuery.of(cubeName, List.of(measure), List.of(level)));
    Set<String> members = engine.members(cubeName, level, null, "en").members().stream()
        .map(MemberRef::key).collect(Collectors.toSet());
    double sum = 0;
    List<String> strangers = new ArrayList<>();
    for (Map<String, Object> cell : byLevel.cells()) {
      String key = (String) cell.get(level);
      if (key == null || !members.contains(key)) {
        strangers.add(key + " (" + cell.get(measure) + ")");
      }
      sum += value(cell, measure);
    }
    assertThat(strangers).as("%s rows of %s whose key is not a listed member", cubeName, level).isEmpty();
    assertThat(sum).as("%s %s by %s against the grand total", cubeName, measure, level)
        .isCloseTo(total, within(1e-6 * Math.max(1, Math.abs(total))));
    assertThat(total).as("%s has data", cubeName).isPositive();
  }

  /** A stored measure that adds up over any breakdown: a count or sum, summed over time, unfiltered. */
  static String additiveMeasure(Cube cube) {
    return cube.measures().stream()
        .filter(Measure.Stored.class::isInstance).map(Measure.Stored.class::cast)
        .filter(m -> m.overTime() == OverTime.SUM && m.filter().isEmpty())
        .filter(m -> m.aggregate() == Aggregate.COUNT || m.aggregate() == Aggregate.SUM)
        .min((a, b) -> Boolean.compare(a.aggregate() != Aggregate.COUNT, b.aggregate() != Aggregate.COUNT))
        .map(Measure::name).orElseThrow(() -> new AssertionError(cube.name() + " has no additive measure"));
  }

  private static double value(Map<String, Object> cell, String measure) {
    Object v = cell.get(measure);
    return v == null ? 0 : ((Number) v).doubleValue();
  }
}
