package org.telecube.warehouse.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

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

  private static void assertBoth(Caption caption) {
    assertThat(caption.in(Language.ZH_CN)).isNotBlank();
    assertThat(caption.text().get(Language.EN.tag())).isNotBlank();
  }
}
