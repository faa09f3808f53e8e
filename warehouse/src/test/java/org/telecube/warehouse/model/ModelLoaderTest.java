package org.telecube.warehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelLoaderTest {
  private final CubeModel model = ModelLoader.shipped();

  @Test
  void shipsTheFourCubesWithEveryCustomerAttribute() {
    assertThat(model.cubes()).extracting(Cube::name).containsExactly("revenue", "subscribers", "usage", "service");
    List<String> customer = List.of("customer_type", "vip_level", "age_band", "gender", "network_type",
        "payment_type", "channel", "contract_type", "tenure_band");
    for (Cube cube : model.cubes()) {
      assertThat(cube.dimensions()).extracting(DimensionUsage::name)
          .contains("time", "region", "org", "product").containsAll(customer);
    }
    assertThat(model.cube("revenue").orElseThrow().dimension("charge_item")).isPresent();
    assertThat(model.cube("subscribers").orElseThrow().dimension("churn_reason")).isPresent();
  }

  @Test
  void everyCaptionExistsInBothLanguages() {
    for (Cube cube : model.cubes()) {
      assertBoth(cube.caption());
      cube.measures().forEach(m -> assertBoth(m.caption()));
      cube.dimensions().forEach(d -> d.levels().forEach(l -> assertBoth(l.caption())));
    }
    model.enumerations().forEach(e -> e.members().forEach(m -> assertBoth(m.caption())));
  }

  @Test
  void semiAdditiveAndDerivedMeasuresAreDeclaredAsSuch() {
    Cube subscribers = model.cube("subscribers").orElseThrow();
    assertThat(((Measure.Stored) subscribers.measure("active_end").orElseThrow()).overTime()).isEqualTo(OverTime.LAST);
    assertThat(((Measure.Stored) subscribers.measure("active_start").orElseThrow()).overTime()).isEqualTo(OverTime.FIRST);
    assertThat(subscribers.measure("churn_rate").orElseThrow()).isInstanceOf(Measure.Derived.class);
    assertThat(model.cube("usage").orElseThrow().measure("active_end").orElseThrow()).isInstanceOf(Measure.Across.class);
  }

  @Test
  void measuresSayWhetherHigherIsBetterAndHowTheyChange() {
    Cube subscribers = model.cube("subscribers").orElseThrow();
    Measure churnRate = subscribers.measure("churn_rate").orElseThrow();
    assertThat(churnRate.higherIsBetter()).isFalse();
    assertThat(churnRate.change()).isEqualTo(Measure.Change.DIFFERENCE);
    assertThat(subscribers.measure("churned").orElseThrow().higherIsBetter()).isFalse();
    assertThat(subscribers.measure("at_risk_share").orElseThrow().change()).isEqualTo(Measure.Change.DIFFERENCE);
    Measure revenue = model.cube("revenue").orElseThrow().measure("revenue").orElseThrow();
    assertThat(revenue.higherIsBetter()).isTrue();
    assertThat(revenue.change()).isEqualTo(Measure.Change.RELATIVE);
    assertThat(model.cube("revenue").orElseThrow().measure("arrears").orElseThrow().higherIsBetter()).isFalse();
    assertThat(model.cube("service").orElseThrow().measure("complaints").orElseThrow().higherIsBetter()).isFalse();
  }

  @Test
  void everyDimensionNamesItsWhole() {
    for (Dimension d : model.dimensions()) {
      assertBoth(d.all());
      assertThat(d.all().in(Language.EN)).startsWith("All ");
    }
    assertThat(model.dimensions().stream().filter(d -> d.name().equals("region")).findFirst().orElseThrow().all())
        .isEqualTo(Caption.of("全部地区", "All regions"));
  }

  @Test
  void aBadChangeDeclarationNamesTheMeasure() {
    String yaml = """
        enumerations: {}
        dimensions:
          region: {caption: {zh-CN: 地区, en: Region}, table: dim_region, key: city_code,
                   levels: [{name: city, caption: {zh-CN: 城市, en: City}, key: city_code}]}
        cubes:
          revenue:
            caption: {zh-CN: 收入, en: Revenue}
            fact: fact_billing
            time_column: month_key
            dimensions: [{dimension: region, foreign_key: city_code}]
            measures:
              - {name: revenue, caption: {zh-CN: 收入, en: Revenue}, column: amount, aggregate: sum, change: ratio}
        """;
    assertThatThrownBy(() -> ModelLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cubes.revenue.measures.revenue")
        .hasMessageContaining("relative or difference");
  }

  @Test
  void billedSubscribersAddUpExceptOverChargeItemAndPlan() {
    Measure.Stored billed = (Measure.Stored) model.cube("revenue").orElseThrow().measure("billed_subscribers")
        .orElseThrow();
    assertThat(billed.additive()).isEqualTo(new Measure.Additive("first_line", java.util.Set.of("charge_item", "product")));
    assertThat(billed.asAdditiveSum().aggregate()).isEqualTo(Aggregate.SUM);
    assertThat(billed.asAdditiveSum().column()).isEqualTo("first_line");
    // no other distinct count in the model: the subscriber cube's counts are 0/1 sums already
    assertThat(model.cubes().stream().flatMap(c -> c.measures().stream()).filter(Measure.Stored.class::isInstance)
        .map(Measure.Stored.class::cast).filter(s -> s.aggregate() == Aggregate.DISTINCT_COUNT))
        .containsExactly(billed);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "aggregate: distinct_count, additive: {column: first_line, except: [charge_item]}, over_time: average"
          + "|unknown dimension charge_item",
      "aggregate: distinct_count, additive: {column: first_line}" + "|over_time",
      "aggregate: count, additive: {column: first_line}, over_time: average" + "|only a distinct count",
      "aggregate: distinct_count, additive: {except: [region]}, over_time: average" + "|missing column",
      "aggregate: distinct_count, filter: {charge_item: [voice]}, additive: {column: first_line}, over_time: average"
          + "|filtered"})
  void aWrongAdditiveFormIsRefused(String declaration, String message) {
    String yaml = """
        enumerations: {}
        dimensions:
          region: {caption: {zh-CN: 地区, en: Region}, table: dim_region, key: city_code,
                   levels: [{name: city, caption: {zh-CN: 城市, en: City}, key: city_code}]}
        cubes:
          revenue:
            caption: {zh-CN: 收入, en: Revenue}
            fact: fact_billing
            time_column: month_key
            dimensions: [{dimension: region, foreign_key: city_code}]
            measures:
              - {name: billed, caption: {zh-CN: 出账用户数, en: Billed}, column: subscriber_id, %s}
        """.formatted(declaration);
    assertThatThrownBy(() -> ModelLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cubes.revenue.measures.billed.additive")
        .hasMessageContaining(message);
  }

  @Test
  void aBrokenModelNamesThePathOfTheMistake() {
    String yaml = """
        enumerations: {}
        dimensions:
          region: {caption: {zh-CN: 地区, en: Region}, table: dim_region, key: city_code,
                   levels: [{name: city, caption: {zh-CN: 城市, en: City}, key: city_code}]}
        cubes:
          revenue:
            caption: {zh-CN: 收入, en: Revenue}
            fact: fact_billing
            time_column: month_key
            dimensions: [{dimension: region, foreign_key: city_code}]
            measures:
              - {name: revenue, caption: {zh-CN: 收入, en: Revenue}, column: amount, aggregate: sum}
              - {name: arpu, caption: {zh-CN: ARPU, en: ARPU}, formula: revenue / subscribers}
        """;
    assertThatThrownBy(() -> ModelLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cubes.revenue.measures.arpu")
        .hasMessageContaining("subscribers");
  }

  @Test
  void everyCubeDeclaresAggregatesOverItsOwnDimensions() {
    for (Cube cube : model.cubes()) {
      assertThat(cube.aggregates()).as(cube.name()).isNotEmpty();
      for (AggregateTable a : cube.aggregates()) {
        assertThat(a.table()).isEqualTo("agg_" + cube.name() + "_" + a.name());
        assertThat(cube.dimensions()).extracting(DimensionUsage::name).containsAll(a.dimensions());
      }
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[{name: a, dimensions: [region, nowhere]}]|cubes.revenue.aggregates.a.dimensions|unknown dimension nowhere",
      "[{name: a, dimensions: [region]}, {name: a, dimensions: [region]}]|cubes.revenue.aggregates.a|duplicate aggregate",
      "[{name: a, dimensions: [region, region]}]|cubes.revenue.aggregates.a.dimensions|listed twice",
      "[{name: a}]|cubes.revenue.aggregates.a|dimensions must list"})
  void aBrokenAggregateNamesItsPath(String aggregates, String path, String message) {
    String yaml = """
        enumerations: {}
        dimensions:
          region: {caption: {zh-CN: 地区, en: Region}, table: dim_region, key: city_code,
                   levels: [{name: city, caption: {zh-CN: 城市, en: City}, key: city_code}]}
        cubes:
          revenue:
            caption: {zh-CN: 收入, en: Revenue}
            fact: fact_billing
            time_column: month_key
            dimensions: [{dimension: region, foreign_key: city_code}]
            aggregates: %s
            measures:
              - {name: revenue, caption: {zh-CN: 收入, en: Revenue}, column: amount, aggregate: sum}
        """.formatted(aggregates);
    assertThatThrownBy(() -> ModelLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining(path + ":")
        .hasMessageContaining(message);
  }

  @Test
  void ageBandKeysAreStringsAsWritten() {
    assertThat(model.enumerations()).filteredOn(e -> e.name().equals("age_band")).singleElement()
        .satisfies(e -> assertThat(e.members()).extracting(Member::code)
            .containsExactly("under_25", "25_34", "35_44", "45_54", "55_64", "65_plus", "unknown"));
    Measure.Stored tenure = (Measure.Stored) model.cube("subscribers").orElseThrow()
        .measure("tenure_months_total").orElseThrow();
    assertThat(tenure.filter()).containsEntry("active_end", List.of("1"));
  }

  /** YAML 1.1 reads these plain scalars as numbers, booleans or null; the loader refuses them, naming the path. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "enumeration code 25_34 | [25_34, 25-34岁, 25-34]             | {active_end: [x]} | enumerations.age_band[0][0]",
      "enumeration code true  | [true, 是, Yes]                      | {active_end: [x]} | enumerations.age_band[0][0]",
      "enumeration code ~     | [~, 空, None]                        | {active_end: [x]} | enumerations.age_band[0][0]",
      "caption as a number    | [a, 2025, \"2025\"]                    | {active_end: [x]} | enumerations.age_band.a.zh-CN",
      "filter value 1         | [a, 甲, A]                           | {active_end: [1]} | cubes.c.measures.m.filter.active_end[0]",
      "filter value false     | [a, 甲, A]                           | {active_end: [false]} | cubes.c.measures.m.filter.active_end[0]",
      "filter value 1.5       | [a, 甲, A]                           | {active_end: [1.5]} | cubes.c.measures.m.filter.active_end[0]"})
  void aKeyThatYamlReadsAsAnotherTypeIsRefusedNotConverted(String name, String row, String filter, String path) {
    String yaml = """
        enumerations:
          age_band:
            - %s
        dimensions:
          age_band: {caption: {zh-CN: 年龄段, en: Age band}, enumeration: age_band}
        cubes:
          c:
            caption: {zh-CN: 甲, en: C}
            fact: fact_subscriber_month
            time_column: month_key
            dimensions: [{dimension: age_band, foreign_key: age_band}]
            measures:
              - {name: m, caption: {zh-CN: 甲, en: M}, column: active_end, aggregate: sum, filter: %s}
        """.formatted(row, filter);
    assertThatThrownBy(() -> ModelLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(ModelException.class)
        .satisfies(e -> assertThat(((ModelException) e).path()).isEqualTo(path))
        .hasMessageContaining("quote it");
  }

  @Test
  void quotedKeysLoadAsWritten() throws Exception {
    String yaml = """
        enumerations:
          age_band:
            - ["25_34", 25-34岁, "25-34"]
            - ["yes", 是, "on"]
        dimensions:
          age_band: {caption: {zh-CN: 年龄段, en: Age band}, enumeration: age_band}
        cubes: {}
        """;
    CubeModel loaded = ModelLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    assertThat(loaded.enumerations().get(0).members()).extracting(Member::code).containsExactly("25_34", "yes");
  }

  private static void assertBoth(Caption caption) {
    assertThat(caption.in(Language.ZH_CN)).isNotBlank();
    assertThat(caption.text().get(Language.EN.tag())).isNotBlank();
  }
}
