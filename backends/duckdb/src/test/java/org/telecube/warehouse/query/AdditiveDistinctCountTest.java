package org.telecube.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
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
 * Every distinct count of the model with an additive form, over a generated fact whose rows share
 * every dimension within one counted thing's month except those the measure names (charge item,
 * plan): by every level of every dimension of its cube, alone, with each time level, filtered to
 * one member, with totals and time intelligence and within a scope, the additive answer is the
 * plain distinct count's — and where a level or filter touches an {@code except} dimension the
 * statement counts distinct.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdditiveDistinctCountTest {
  private static final int THINGS = 120;
  private static final int FIRST_MONTH = 202401;
  private static final int LAST_MONTH = 202504;
  /**
   * Per fact table, the columns that may differ among the rows of one counted thing's month, as
   * the ETL fills them (FactTables.billing: the line's charge item and its plan; every other column
   * is the subscriber's as of the month).
   */
  private static final Map<String, List<String>> VARYING = Map.of("fact_billing", List.of("charge_item", "plan_code"));

  @TempDir
  static Path dir;

  private Warehouse warehouse;
  private QueryEngine additive;
  private QueryEngine distinct;

  @BeforeAll
  void star() throws Exception {
    warehouse = Warehouse.openEmbedded(dir);
    for (Cube cube : warehouse.model().cubes()) {
      List<Measure.Stored> measures = additiveMeasures(cube);
      if (!measures.isEmpty()) {
        fill(cube, measures.get(0));
      }
    }
    // the facts were written directly, not by a load: their aggregate tables are built here
    try (java.sql.Connection c = warehouse.backend().dataSource().getConnection()) {
      org.telecube.warehouse.schema.AggregateTables.refreshAll(c, warehouse.model());
    }
    additive = new QueryEngine(warehouse.backend(), warehouse.model());
    distinct = additive.withoutAdditiveForms();
  }

  @AfterAll
  void close() {
    warehouse.close();
  }

  @TestFactory
  Stream<DynamicTest> everyLevelAndPairWithTimeAnswersAsTheDistinctCount() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Cube cube : warehouse.model().cubes()) {
      for (Measure.Stored m : additiveMeasures(cube)) {
        assertThat(m.additive().except()).as("the model names the dimensions " + m.name() + " does not add up over")
            .isNotEmpty();
        List<String> measures = measuresOver(cube, m);
        List<String> timeLevels = timeLevels(cube);
        for (DimensionUsage usage : cube.dimensions()) {
          for (Level level : usage.levels()) {
            String name = usage.name() + "." + level.name();
            boolean exact = m.additive().holdsFor(List.of(usage.name()));
            tests.add(DynamicTest.dynamicTest(cube.name() + " " + m.name() + " by " + name, () -> {
              CubeQuery q = CubeQuery.of(cube.name(), measures, List.of(name)).withTotals(true);
              assertSame(q, m, exact);
              String member = firstKey(additive.execute(q), name);
              assertSame(CubeQuery.of(cube.name(), measures, List.of())
                  .withFilters(List.of(LevelFilter.members(name, member))), m, exact);
            }));
            if (usage.dimension().time()) {
              continue;
            }
            for (String time : timeLevels) {
              tests.add(DynamicTest.dynamicTest(cube.name() + " " + m.name() + " by " + name + " x " + time, () ->
                  assertSame(CubeQuery.of(cube.name(), measures, List.of(name)).withColumns(List.of(time))
                      .withTotals(true).withTimeIntelligence(time.endsWith(".month")
                          ? List.of("previous_period", "same_period_last_year") : List.of()), m, exact)));
            }
          }
        }
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> withinAScopeToo() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Cube cube : warehouse.model().cubes()) {
      for (Measure.Stored m : additiveMeasures(cube)) {
        if (cube.dimension("region").isEmpty()) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(cube.name() + " " + m.name() + " within a province", () -> {
          String province = firstKey(additive.execute(CubeQuery.of(cube.name(), List.of(m.name()),
              List.of("region.province"))), "region.province");
          Scope scope = Scope.of("region.province", province);
          CubeQuery q = CubeQuery.of(cube.name(), measuresOver(cube, m), List.of("region.city"))
              .withColumns(List.of("time.quarter")).withTotals(true);
          CellSet expected = distinct.scoped(scope).execute(q);
          assertThat(expected.cells()).isNotEmpty();
          CellSet actual = additive.scoped(scope).execute(q);
          assertThat(actual.cells()).isEqualTo(expected.cells());
          assertThat(actual.totals()).isEqualTo(expected.totals());
          assertThat(countsDistinct(sql(additive.scoped(scope).explain(q)), m)).isFalse();
        }));
      }
    }
    return tests.stream();
  }

  /** Same cells and totals as the plain distinct count; the statements count distinct exactly when they must. */
  private void assertSame(CubeQuery q, Measure.Stored m, boolean exact) {
    CellSet expected = distinct.execute(q);
    assertThat(expected.cells()).isNotEmpty();
    assertThat(expected.cells()).anySatisfy(c -> assertThat(((Number) c.get(m.name())).doubleValue()).isPositive());
    CellSet actual = additive.execute(q);
    assertThat(actual.cells()).isEqualTo(expected.cells());
    assertThat(actual.totals()).isEqualTo(expected.totals());
    // the main statement; a grand total (no level, no filter) of an inexact query is exact again
    // (on the base facts: an aggregate table names the sum after the measure, not the column)
    String main = additive.withoutAggregates().explain(q).sql("main");
    assertThat(countsDistinct(main, m)).as(main).isEqualTo(!exact);
    assertThat(main.contains("\"" + m.additive().column() + "\"")).as(main).isEqualTo(exact);
    assertThat(countsDistinct(additive.explain(q).sql("main"), m)).isEqualTo(!exact);
    if (exact) {
      assertThat(countsDistinct(sql(additive.explain(q)), m)).isFalse();
    }
  }

  /** True when {@code sql} counts {@code m}'s column distinct (months are counted distinct anyway). */
  private static boolean countsDistinct(String sql, Measure.Stored m) {
    return java.util.regex.Pattern.compile("COUNT\\(DISTINCT [^)]*\"(" + m.column() + "|v_" + m.name() + ")\"\\)")
        .matcher(sql).find();
  }

  private static String sql(Explain explain) {
    return String.join(";\n", explain.statements().stream().map(Explain.Statement::sql).toList());
  }

  private static String firstKey(CellSet answer, String level) {
    assertThat(answer.cells()).isNotEmpty();
    return (String) answer.cells().get(0).get(level);
  }

  private static List<Measure.Stored> additiveMeasures(Cube cube) {
    return cube.measures().stream().filter(Measure.Stored.class::isInstance).map(Measure.Stored.class::cast)
        .filter(s -> s.additive() != null).toList();
  }

  /** The measure and every derived measure of its cube built on it (ARPU on billed subscribers). */
  private static List<String> measuresOver(Cube cube, Measure.Stored m) {
    List<String> out = new ArrayList<>(List.of(m.name()));
    cube.measures().stream().filter(Measure.Derived.class::isInstance).map(Measure.Derived.class::cast)
        .filter(d -> org.telecube.warehouse.model.Formula.parse(d.formula()).measureNames().contains(m.name()))
        .forEach(d -> out.add(d.name()));
    return out;
  }

  private static List<String> timeLevels(Cube cube) {
    return cube.dimensions().stream().filter(u -> u.dimension().time())
        .flatMap(u -> u.levels().stream().map(l -> u.name() + "." + l.name())).toList();
  }

  /**
   * {@code cube}'s fact for {@link #THINGS} counted things over 16 months, shaped as the ETL shapes
   * it ({@link #VARYING}): per thing and month one member of every dimension, and 1 to 4 rows of
   * which all but the first may have another member of the varying columns (another charge item,
   * a second plan); the additive column marks one row of each thing's month. Other NOT NULL
   * columns get a number or "x". The rows follow the facts, not the model's {@code except}: a
   * dimension missing there shows as a wrong answer.
   */
  private void fill(Cube cube, Measure.Stored m) throws SQLException {
    List<String> varying = VARYING.get(cube.factTable());
    assertThat(varying).as("the columns that vary within one counted thing's month of " + cube.factTable()).isNotNull();
    Random random = new Random(13);
    try (Connection c = warehouse.backend().dataSource().getConnection(); Statement st = c.createStatement()) {
      Map<String, List<String>> keys = new LinkedHashMap<>();
      for (DimensionUsage u : cube.dimensions()) {
        if (!u.dimension().time()) {
          keys.put(u.foreignKey(), column(c, "SELECT DISTINCT " + u.key() + " FROM " + u.table() + " ORDER BY 1"));
        }
      }
      Map<String, String> notNull = new LinkedHashMap<>();
      try (ResultSet rs = c.getMetaData().getColumns(null, null, cube.factTable(), null)) {
        while (rs.next()) {
          if (rs.getInt("NULLABLE") == java.sql.DatabaseMetaData.columnNoNulls) {
            notNull.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getString("TYPE_NAME"));
          }
        }
      }
      List<String> columns = new ArrayList<>(List.of(cube.timeColumn(), m.column()));
      columns.addAll(keys.keySet());
      notNull.keySet().stream().filter(n -> !columns.contains(n)).forEach(columns::add);
      List<String> values = new ArrayList<>();
      for (int thing = 0; thing < THINGS; thing++) {
        for (int month = FIRST_MONTH; month <= LAST_MONTH; month = month % 100 == 12 ? month + 89 : month + 1) {
          if (random.nextInt(5) == 0) {
            continue;
          }
          Map<String, String> same = new LinkedHashMap<>();
          keys.forEach((fk, members) -> same.put(fk, members.get(random.nextInt(members.size()))));
          int rows = 1 + random.nextInt(4);
          for (int r = 0; r < rows; r++) {
            List<String> row = new ArrayList<>();
            for (String col : columns) {
              List<String> members = keys.get(col);
              if (col.equals(cube.timeColumn())) {
                row.add(Integer.toString(month));
              } else if (col.equals(m.column())) {
                row.add("'t" + thing + "'");
              } else if (members != null) {
                row.add("'" + (r > 0 && varying.contains(col) ? members.get(random.nextInt(members.size()))
                    : same.get(col)) + "'");
              } else {
                row.add(notNull.get(col).toUpperCase(Locale.ROOT).contains("CHAR") ? "'x'" : Integer.toString(r + 1));
              }
            }
            values.add("(" + String.join(", ", row) + ")");
          }
        }
      }
      st.execute("INSERT INTO " + cube.factTable() + " (" + String.join(", ", columns) + ") VALUES "
          + String.join(", ", values));
      st.execute("UPDATE " + cube.factTable() + " SET " + m.additive().column() + " = 0");
      st.execute("UPDATE " + cube.factTable() + " SET " + m.additive().column() + " = 1 WHERE rowid IN ("
          + "SELECT min(rowid) FROM " + cube.factTable() + " GROUP BY " + cube.timeColumn() + ", " + m.column() + ")");
    }
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        if (rs.getString(1) != null) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }
}
