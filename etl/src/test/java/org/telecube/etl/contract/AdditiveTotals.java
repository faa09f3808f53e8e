package org.telecube.etl.contract;

import java.util.List;
import java.util.Map;
import org.telecube.warehouse.model.Aggregate;
import org.telecube.warehouse.model.Cube;
import org.telecube.warehouse.model.Measure;
import org.telecube.warehouse.model.OverTime;

/**
 * The stored additive measures of the model (a sum or count, summed over time) and, for each, the
 * hand-written SQL over {@link RawOracle}'s tables giving its grand total. A measure added to the
 * model without its oracle here fails the contract, so none goes unchecked.
 */
final class AdditiveTotals {
  /** {@code cube.measure} → one-value SQL. Integer sums stay exact; unit conversions are doubles. */
  static final Map<String, String> SQL = Map.ofEntries(
      Map.entry("revenue.revenue", "SELECT sum(amount) FROM bill_all"),
      Map.entry("revenue.paid", "SELECT sum(paid_amount) FROM bill_all"),
      Map.entry("revenue.arrears", "SELECT sum(amount - paid_amount) FROM bill_all"),
      Map.entry("revenue.bill_lines", "SELECT count(*) FROM bill_all"),
      Map.entry("subscribers.new_subscribers", "SELECT sum(is_new) FROM sub_month"),
      Map.entry("subscribers.churned", "SELECT sum(churned) FROM sub_month"),
      Map.entry("subscribers.revenue", "SELECT sum(amount) FROM bill_all WHERE mk IN (SELECT mk FROM months)"),
      // a row per month for each subscriber active on some day of it, or billed in it
      Map.entry("subscribers.subscribers", "SELECT count(*) FROM (SELECT mk, subscriber_id FROM sub_month "
          + "UNION SELECT mk, subscriber_id FROM bill_all WHERE mk IN (SELECT mk FROM months))"),
      Map.entry("usage.events", "SELECT sum(events) FROM usage"),
      Map.entry("usage.voice_calls", "SELECT sum(events) FROM usage WHERE service = 'voice'"),
      Map.entry("usage.voice_minutes", "SELECT CAST(sum(duration_sec) AS DOUBLE) / 60 FROM usage"),
      Map.entry("usage.sms", "SELECT sum(events) FROM usage WHERE service = 'sms'"),
      Map.entry("usage.data_mb", "SELECT CAST(sum(volume_kb) AS DOUBLE) / 1024 FROM usage"),
      Map.entry("service.events", "SELECT count(*) FROM service_events"),
      Map.entry("service.complaints", "SELECT count(*) FROM service_events WHERE event_type = 'complaint'"),
      Map.entry("service.serious_complaints",
          "SELECT count(*) FROM service_events WHERE event_type = 'complaint' AND severity = 'serious'"),
      Map.entry("service.competitor_contacts", "SELECT count(*) FROM service_events WHERE event_type IN "
          + "('competitor_service_call', 'call_forward_competitor', 'port_out_inquiry')"));

  private AdditiveTotals() {
  }

  /** Stored measures that add up over any breakdown, time included: a sum or count, summed over time. */
  static List<String> of(Cube cube) {
    return cube.measures().stream()
        .filter(Measure.Stored.class::isInstance).map(Measure.Stored.class::cast)
        .filter(m -> m.overTime() == OverTime.SUM)
        .filter(m -> m.aggregate() == Aggregate.COUNT || m.aggregate() == Aggregate.SUM)
        .map(Measure::name).toList();
  }
}
