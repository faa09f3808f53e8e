package org.telecube.etl.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.telecube.etl.derive.DerivedChanges;
import org.telecube.warehouse.backend.Publication;
import org.telecube.warehouse.backend.Publication.Slice;

/** A batch publishes the months its derivation changed, not whole facts. */
class PublicationPlanTest {
  @Test
  void factsGoByTheMonthsThatChanged() {
    DerivedChanges changes = new DerivedChanges(List.of("fact_usage 202506"),
        Map.of("fact_usage", new TreeSet<>(Set.of(202506))), Set.of());
    Publication p = PublicationPlan.of(7, "wa", changes, false);
    assertThat(p.slices()).extracting(Slice::table)
        .containsExactly("etl_batch", "dim_region", "dim_org", "dim_product", "dim_charge_item", "fact_usage",
            "agg_usage_by_city", "agg_usage_by_city_service");
    // the fact's aggregate tables go by the same months
    assertThat(p.slices().subList(5, 8)).allSatisfy(s -> assertThat(s.months()).containsExactly(202506));
  }

  @Test
  void aChangedHistorySendsDimSubscriberWholeAndTheFactsByMonth() {
    DerivedChanges changes = new DerivedChanges(List.of("dim_subscriber (3 subscribers)"),
        Map.of("fact_billing", new TreeSet<>(Set.of(202505, 202506)),
            "fact_subscriber_month", new TreeSet<>(Set.of(202501, 202502, 202503, 202504, 202505, 202506))),
        Set.of("dim_subscriber"));
    Publication p = PublicationPlan.of(7, "wa", changes, false);
    assertThat(p.slices()).filteredOn(s -> s.table().equals("dim_subscriber")).singleElement()
        .satisfies(s -> assertThat(s.months()).isEmpty());
    assertThat(p.slices()).filteredOn(s -> s.table().equals("fact_billing")).singleElement()
        .satisfies(s -> assertThat(s.months()).containsExactly(202505, 202506));
    assertThat(p.slices()).extracting(Slice::table).doesNotContain("fact_usage", "fact_service_event", "dim_month");
  }

  @Test
  void nothingDerivedSendsTheLedgerAndSmallDimensionsOnly() {
    assertThat(PublicationPlan.of(7, "wa", DerivedChanges.none(), false).slices()).extracting(Slice::table)
        .containsExactly("etl_batch", "dim_region", "dim_org", "dim_product", "dim_charge_item");
  }

  @Test
  void aFullPublicationOrRebuiltFactsSendEverythingWhole() {
    DerivedChanges rebuilt = new DerivedChanges(List.of("all facts"), Map.of(), Set.of("dim_subscriber",
        "fact_billing", "fact_subscriber_month", "fact_usage", "fact_service_event"));
    for (Publication p : List.of(PublicationPlan.of(7, "wa", rebuilt, false),
        PublicationPlan.of(7, "wa", DerivedChanges.none(), true))) {
      assertThat(p.slices()).allSatisfy(s -> assertThat(s.months()).isEmpty());
      assertThat(p.slices()).extracting(Slice::table).contains("dim_month", "dim_subscriber", "fact_usage");
    }
  }
}
