package org.telecube.etl.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import org.telecube.etl.derive.DerivedChanges;
import org.telecube.warehouse.backend.Publication;
import org.telecube.warehouse.backend.Publication.Slice;
import org.telecube.warehouse.model.ModelLoader;
import org.telecube.warehouse.schema.AggregateTables;

/**
 * Which star tables a batch publishes to a backend that is not its own work area.
 *
 * <p>Each fact goes by the months whose rows the batch's derivation changed
 * ({@link DerivedChanges}) — every month of fact_subscriber_month when new warning weights
 * rescored them all — and whole when it was rebuilt (reference data changed). dim_subscriber
 * goes whole when any subscriber's history changed: one row per version, far smaller than the
 * facts. Each fact's aggregate tables go as their fact does. The small dimensions and the ledger
 * go whole every time. A full publication (the
 * backend's last published batch is not the work area's last one: a first publication, or a
 * crash between publishing and committing the work area) sends every table whole.
 */
public final class PublicationPlan {
  /** Tables that are published whole with every batch: small, and cheap to replace. */
  static final List<String> SMALL = List.of("etl_batch", "dim_region", "dim_org", "dim_product", "dim_charge_item");

  /** The calendar: fixed once made; published with full publications only. */
  static final List<String> CALENDAR = List.of("dim_month", "dim_date", "dim_time_bridge");

  private PublicationPlan() {
  }

  /**
   * @param changes what the batch's derivation changed (nothing when every file was loaded before)
   * @param full publish everything whole
   */
  public static Publication of(long batchId, String workArea, DerivedChanges changes, boolean full) {
    List<Slice> slices = new ArrayList<>();
    SMALL.forEach(t -> slices.add(Slice.whole(t)));
    if (full || DerivedChanges.FACTS.stream().allMatch(changes::isWhole)) {
      CALENDAR.forEach(t -> slices.add(Slice.whole(t)));
      slices.add(Slice.whole("dim_subscriber"));
      for (String fact : DerivedChanges.FACTS) {
        slices.add(Slice.whole(fact));
        aggregatesOf(fact).forEach(a -> slices.add(Slice.whole(a)));
      }
      return new Publication(batchId, workArea, slices);
    }
    if (changes.isWhole("dim_subscriber")) {
      slices.add(Slice.whole("dim_subscriber"));
    }
    for (String fact : DerivedChanges.FACTS) {
      SortedSet<Integer> months = changes.monthsOrNull(fact);
      // each fact's aggregate tables go as their fact does
      if (months == null) {
        slices.add(Slice.whole(fact));
        aggregatesOf(fact).forEach(a -> slices.add(Slice.whole(a)));
      } else if (!months.isEmpty()) {
        slices.add(Slice.months(fact, "month_key", months));
        aggregatesOf(fact).forEach(a -> slices.add(Slice.months(a, "month_key", months)));
      }
    }
    return new Publication(batchId, workArea, slices);
  }

  /** The aggregate tables the model builds from {@code fact}. */
  static List<String> aggregatesOf(String fact) {
    return AggregateTables.of(ModelLoader.shipped(), fact).stream().map(AggregateTables.Declared::table).toList();
  }
}
