package org.telecube.etl.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.telecube.warehouse.model.CubeModel;
import org.telecube.warehouse.model.Enumeration;
import org.telecube.warehouse.model.Member;
import org.telecube.warehouse.model.ModelLoader;

class FeedKindTest {

  @Test
  void kindFromFileNamePrefixLongestFirst() {
    assertThat(FeedKind.fromFileName("billing_2025-01.csv.gz")).contains(FeedKind.BILLING);
    assertThat(FeedKind.fromFileName("service_events_2025-01.csv")).contains(FeedKind.SERVICE_EVENTS);
    assertThat(FeedKind.fromFileName("usage.csv")).contains(FeedKind.USAGE);
    assertThat(FeedKind.fromFileName("Subscribers-2025-01-31.CSV")).contains(FeedKind.SUBSCRIBERS);
    assertThat(FeedKind.fromFileName("org_units.csv")).contains(FeedKind.ORG_UNITS);
    assertThat(FeedKind.fromFileName("billing202501.csv")).contains(FeedKind.BILLING);
    assertThat(FeedKind.fromFileName("usagereport.csv")).isEmpty();
    assertThat(FeedKind.fromFileName("invoices_2025-01.csv")).isEmpty();
  }

  @Test
  void kindFromCodeNamesTheChoicesWhenUnknown() {
    assertThat(FeedKind.ofCode("Service_Events")).isEqualTo(FeedKind.SERVICE_EVENTS);
    assertThatThrownBy(() -> FeedKind.ofCode("invoices"))
        .hasMessage("unknown feed \"invoices\" (one of regions, org_units, products, subscribers, billing, usage,"
            + " service_events)");
  }

  @Test
  void loadOrderIsReferenceThenSubscribersThenFacts() {
    assertThat(FeedKind.values()).containsExactly(FeedKind.REGIONS, FeedKind.ORG_UNITS, FeedKind.PRODUCTS,
        FeedKind.SUBSCRIBERS, FeedKind.BILLING, FeedKind.USAGE, FeedKind.SERVICE_EVENTS);
  }

  @Test
  void rowRulesPointAtTheColumnsTheyMean() {
    // the rules index values by position; they break silently if columns move
    assertThat(FeedKind.SUBSCRIBERS.columnIndex("status")).isEqualTo(17);
    assertThat(FeedKind.SUBSCRIBERS.columnIndex("churn_reason")).isEqualTo(19);
    assertThat(FeedKind.REGIONS.columnIndex("level")).isEqualTo(1);
    assertThat(FeedKind.REGIONS.columnIndex("parent_code")).isEqualTo(2);
  }

  @Test
  void everyFeedEnumerationIsWithinTheModelsEnumeration() {
    CubeModel model = ModelLoader.shipped();
    Map<String, String> renamed = Map.of("service_events.channel", "event_channel", "regions.level", "",
        "org_units.level", "", "billing.charge_item", "");
    for (FeedKind kind : FeedKind.values()) {
      for (Column c : kind.columns()) {
        if (!(c.type() instanceof FieldType.OneOf oneOf)) {
          continue;
        }
        String name = renamed.getOrDefault(kind.code() + "." + c.name(), c.name());
        if (name.isEmpty()) {
          continue; // not a cube dimension
        }
        Optional<Enumeration> e = model.enumeration(name);
        assertThat(e).as("model enumeration for %s.%s", kind, c.name()).isPresent();
        assertThat(e.get().members().stream().map(Member::code).toList())
            .as("%s.%s", kind, c.name()).containsAll(oneOf.codes());
      }
    }
  }
}
