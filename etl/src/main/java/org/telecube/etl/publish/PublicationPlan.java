package org.telecube.etl.publish;

import java.util.ArrayList;
import java.util.List;
import org.telecube.etl.derive.DerivationScope;
import org.telecube.warehouse.backend.Publication;
import org.telecube.warehouse.backend.Publication.Slice;
import org.telecube.warehouse.model.ModelLoader;
import org.telecube.warehouse.schema.AggregateTables;

/**
 * Which star tables a batch publishes to a backend that is not its own work area.
 *
 * <p>The customer analysis rewrites fact_subscriber_month and stamps fact_billing after every
 * batch that derived anything, so those two go whole; usage and service events go by the months
 * the batch loaded; each fact's aggregate tables go as their fact does (whole, or by the same
 * months); the small dimensions and the ledger go whole every time. A full publication
 * (the backend's last published batch is not the work area's last one: a first publication, a
 * crash between publishing and committing the work area, or reference/subscriber data that
 * rebuilt every fact) sends every table whole.
 */
public final class PublicationPlan {
  /** Tables that are published whole with every batch: small, and cheap to replace. */
  static final List<String> SMALL = List.of("etl_batch", "dim_region", "dim_org", "dim_product", "dim_charge_item");

  /** The calendar: fixed once made; published with full publications only. */
  static final List<String> CALENDAR = List.of("dim_month", "dim_date", "dim_time_bridge");

  private PublicationPlan() {
  }

  /**
   * @param full publish everything whole
   * @param derived whether the batch derived anything (false when every file was loaded before)
   */
  public static Publication of(long batchId, String workArea, DerivationScope scope, boolean derived, boolean full) {
    List<Slice> slices = new ArrayList<>();
    SMALL.forEach(t -> slices.add(Slice.whole(t)));
    if (full || scope.fullRebuild()) {
      CALENDAR.forEach(t -> slices.add(Slice.whole(t)));
      for (String t : List.of("dim_subscriber", "fact_billing", "fact_subscriber_month", "fact_usage",
          "fact_service_event")) {
        slices.add(Slice.whole(t));
        aggregatesOf(t).forEach(a -> slices.add(Slice.whole(a)));
      }
      return new Publication(batchId, workArea, slices);
    }
    if (!derived) {
      return new Publication(batchId, workArea, slices);
    }
    for (String t : List.of("fact_billing", "fact_subscriber_month")) {
      slices.add(Slice.whole(t));
      aggregatesOf(t).forEach(a -> slices.add(Slice.whole(a)));
    }
    if (!scope.usageMonths().isEmpty()) {
      slices.add(Slice.months("fact_usage", "month_key", scope.usageMonths()));
      aggregatesOf("fact_usage").forEach(a -> slices.add(Slice.months(a, "month_key", scope.usageMonths())));
    }
    if (!scope.eventMonths().isEmpty()) {
      slices.add(Slice.months("fact_service_event", "month_key", scope.eventMonths()));
      aggregatesOf("fact_service_event").forEach(a -> slices.add(Slice.months(a, "month_key", scope.eventMonths())));
    }
    return new Publication(batchId, workArea, slices);
  }

  /** The aggregate tables the model builds from {@code fact}. */
  static List<String> aggregatesOf(String fact) {
    return AggregateTables.of(ModelLoader.shipped(), fact).stream().map(AggregateTables.Declared::table).toList();
  }
}
