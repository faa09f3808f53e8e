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
import org.telecube.warehouse.model.ModelLoader;

/**
 * Which table answers each statement of a fixed set of questions, and why every other aggregate
 * could not, compared with reviewed files ({@code src/test/resources/golden/<backend>/routing/
 * <query>.txt}): a question that silently falls back to the base facts, or an aggregate chosen
 * that should not be, shows as a diff. On a mismatch the test writes {@code <query>.actual.txt};
 * review it and rename it over the expected one. A backend module subclasses this with its own
 * backend on an empty warehouse holding the model's aggregate tables.
 */
public abstract class AggregateRoutingGoldenTest {
  /** The backend to plan for, holding an empty warehouse with the aggregate tables. */
  protected abstract Backend backend();

  protected Path goldenDirectory() {
    return Path.of("src", "test", "resources", "golden", backend().name(), "routing");
  }

  @TestFactory
  List<DynamicTest> tablesChosenMatchTheReviewedFiles() {
    QueryEngine engine = new QueryEngine(backend(), ModelLoader.shipped());
    return questions(engine).entrySet().stream()
        .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> check(e.getKey(), routes(e.getValue().get()))))
        .toList();
  }

  private static Map<String, Supplier<Explain>> questions(QueryEngine engine) {
    Map<String, Supplier<Explain>> q = new LinkedHashMap<>();
    q.put("revenue_by_province_smallest_aggregate", () -> engine.explain(CubeQuery.of("revenue",
        List.of("revenue", "bill_lines"), List.of("region.province")).withColumns(List.of("time.quarter")).withTotals(true)));
    q.put("revenue_by_plan_and_charge_item", () -> engine.explain(CubeQuery.of("revenue",
        List.of("revenue", "arrears"), List.of("product.family")).withColumns(List.of("charge_item.category"))));
    q.put("revenue_by_customer_type_filtered_by_segment", () -> engine.explain(CubeQuery.of("revenue",
        List.of("revenue"), List.of("customer_type.customer_type"))
        .withFilters(List.of(LevelFilter.members("value_segment.value_segment", "value")))));
    // billed subscribers add up (first_line) by province, and are a distinct count by charge item
    q.put("revenue_arpu_additive_reads_an_aggregate", () -> engine.explain(CubeQuery.of("revenue",
        List.of("revenue", "arpu"), List.of("region.province"))));
    q.put("revenue_arpu_distinct_count_reads_the_fact", () -> engine.explain(CubeQuery.of("revenue",
        List.of("revenue", "arpu"), List.of("charge_item.item"))));
    q.put("revenue_by_age_band_no_aggregate_keeps_it", () -> engine.explain(CubeQuery.of("revenue",
        List.of("revenue"), List.of("age_band.age_band"))));
    q.put("subscribers_churn_by_segment_and_stage", () -> engine.explain(CubeQuery.of("subscribers",
        List.of("active_end", "churn_rate"), List.of("value_segment.value_segment"))
        .withColumns(List.of("lifecycle_stage.lifecycle_stage")).withTotals(true)));
    q.put("subscribers_by_plan_and_status", () -> engine.explain(CubeQuery.of("subscribers",
        List.of("active_end", "arpu"), List.of("product.family")).withColumns(List.of("status.status"))));
    q.put("subscribers_by_age_band_no_aggregate_keeps_it", () -> engine.explain(CubeQuery.of("subscribers",
        List.of("active_end"), List.of("age_band.age_band"))));
    q.put("subscribers_month_on_month_and_year_on_year", () -> engine.explain(CubeQuery.of("subscribers",
        List.of("churn_rate", "net_adds"), List.of("time.month"))
        .withTimeIntelligence(List.of("previous_period_change", "same_period_last_year_change"))));
    q.put("usage_by_day_finer_than_month", () -> engine.explain(CubeQuery.of("usage",
        List.of("events"), List.of("time.day"))));
    q.put("usage_mou_by_service_across_routed_apart", () -> engine.explain(CubeQuery.of("usage",
        List.of("voice_minutes", "mou"), List.of("service.service")).withColumns(List.of("time.quarter"))));
    q.put("service_complaints_by_event_type_year_on_year", () -> engine.explain(CubeQuery.of("service",
        List.of("complaints", "complaints_per_10k"), List.of("event_type.event_type"))
        .withColumns(List.of("time.quarter")).withTimeIntelligence(List.of("same_period_last_year"))));
    q.put("scoped_to_a_province", () -> engine.scoped(Scope.of("region.province", "440000"))
        .explain(CubeQuery.of("revenue", List.of("revenue"), List.of("region.city")).withTotals(true)));
    q.put("scoped_by_product_reads_an_aggregate_keeping_it", () -> engine.scoped(Scope.of("product.business_line", "mobile"))
        .explain(CubeQuery.of("revenue", List.of("revenue"), List.of("region.province"))));
    q.put("aggregates_off", () -> engine.withoutAggregates().explain(CubeQuery.of("revenue",
        List.of("revenue"), List.of("region.province"))));
    return q;
  }

  /** Per statement, per cube it reads: the table, then each aggregate not chosen and why. */
  private static String routes(Explain explain) {
    StringBuilder out = new StringBuilder();
    for (Explain.Statement s : explain.statements()) {
      if (s.tables().isEmpty()) {
        continue;
      }
      out.append(s.purpose()).append('\n');
      for (Explain.Source t : s.tables()) {
        out.append("  ").append(t.cube()).append(": ").append(t.table()).append('\n');
        t.rejected().forEach(r -> out.append("    not ").append(r).append('\n'));
      }
    }
    return out.toString();
  }

  private void check(String name, String actual) throws IOException {
    GoldenFiles.check(goldenDirectory(), name, "txt", "routing", actual);
  }

}
