package org.telecube.warehouse.query;


import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.telecube.warehouse.backend.Backend;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.ModelLoader;

/**
 * The SQL the planner writes for a fixed set of questions, compared with reviewed files beside
 * the tests ({@code src/test/resources/golden/<backend>/<query>.sql}): a change in any statement
 * — a lost filter, a join more, another dialect — shows as a diff to review. On a mismatch the
 * test writes {@code <query>.actual.sql} next to the expected file and fails; review it and
 * rename it over the expected one. A backend module subclasses this with its own backend on an
 * empty warehouse.
 */
public abstract class PlannerGoldenTest {
  /** The backend to plan for, holding an empty warehouse (the model's tables, no rows). */
  protected abstract Backend backend();

  protected CubeModel model() {
    return ModelLoader.shipped();
  }

  /** Where the expected files live: {@code src/test/resources/golden/<backend>} of the module. */
  protected Path goldenDirectory() {
    return Path.of("src", "test", "resources", "golden", backend().name());
  }

  @TestFactory
  List<DynamicTest> statementsMatchTheReviewedFiles() {
    QueryEngine engine = new QueryEngine(backend(), model());
    return queries(engine).entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), e.getValue().get())))
        .toList();
  }

  private static Map<String, Supplier<String>> queries(QueryEngine engine) {
    Map<String, Supplier<String>> q = new LinkedHashMap<>();
    q.put("revenue_by_province", () -> statements(engine.explain(CubeQuery.of("revenue",
        List.of("revenue", "arrears"), List.of("region.province")))));
    q.put("revenue_totals_grouping_sets", () -> statements(engine.explain(CubeQuery.of("revenue",
        List.of("revenue", "paid", "bill_lines"), List.of("region.province")).withColumns(List.of("time.quarter"))
        .withTotals(true))));
    q.put("subscribers_semi_additive_totals", () -> statements(engine.explain(CubeQuery.of("subscribers",
        List.of("active_end", "churn_rate"), List.of("region.macro_region")).withColumns(List.of("time.quarter"))
        .withTotals(true))));
    q.put("revenue_time_intelligence", () -> statements(engine.explain(CubeQuery.of("revenue",
        List.of("revenue"), List.of("time.month")).withTimeIntelligence(List.of("previous_period_change",
        "same_period_last_year", "year_to_date")))));
    // billed subscribers in their additive form, totals per grouping (ARPU combines months), every
    // time-intelligence kind of a grouping in one statement
    q.put("revenue_arpu_totals_time_intelligence", () -> statements(engine.explain(CubeQuery.of("revenue",
        List.of("revenue", "arpu"), List.of("region.province")).withColumns(List.of("time.quarter")).withTotals(true)
        .withTimeIntelligence(List.of("previous_period_change", "same_period_last_year_change")))));
    q.put("revenue_arpu_by_charge_item", () -> statements(engine.explain(CubeQuery.of("revenue",
        List.of("arpu"), List.of("charge_item.item")))));
    q.put("usage_drill_across", () -> statements(engine.explain(CubeQuery.of("usage",
        List.of("voice_minutes", "mou"), List.of("region.province"))
        .withFilters(List.of(LevelFilter.members("time.month", "2025-03"))))));
    q.put("service_complaints_per_10k", () -> statements(engine.explain(CubeQuery.of("service",
        List.of("complaints", "complaints_per_10k"), List.of("time.quarter")))));
    q.put("range_and_member_filters", () -> statements(engine.explain(CubeQuery.of("revenue",
        List.of("revenue"), List.of("region.city"))
        .withFilters(List.of(LevelFilter.range("time.month", "2025-01", "2025-06"),
            LevelFilter.members("region.province", "440000", "110000")))
        .withOrder(List.of(OrderKey.desc("revenue")), 10))));
    q.put("scoped_to_a_province", () -> statements(engine.scoped(Scope.of("region.province", "440000"))
        .explain(CubeQuery.of("revenue", List.of("revenue"), List.of("region.city")).withTotals(true))));
    q.put("members_of_city", () -> engine.explainMembers("revenue", "region.city", "en") + ";\n");
    q.put("at_risk_list", () -> engine.explain(new SubscriberList(SubscriberList.Kind.AT_RISK, 202503, "440000",
        List.of("top5"), 100)) + ";\n");
    q.put("churned_list", () -> engine.explain(new SubscriberList(SubscriberList.Kind.CHURNED, 202503, null,
        List.of(), 100)) + ";\n");
    return q;
  }

  private static String statements(Explain explain) {
    StringBuilder out = new StringBuilder();
    for (Explain.Statement s : explain.statements()) {
      out.append("-- ").append(s.purpose()).append('\n').append(s.sql()).append(";\n");
    }
    return out.toString();
  }

  private void check(String name, String actual) throws IOException {
    GoldenFiles.check(goldenDirectory(), name, "sql", "SQL", actual);
  }

}
