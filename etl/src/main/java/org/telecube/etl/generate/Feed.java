package org.telecube.etl.generate;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/** The four monthly feeds: file name stem and the exact header of the feed contract. */
enum Feed {
  SUBSCRIBERS("subscribers", List.of("as_of", "subscriber_id", "customer_id", "msisdn",
      "customer_type", "gender", "birth_year", "city_code", "org_code", "channel", "plan_code",
      "network_type", "payment_type", "vip_level", "contract_type", "contract_end", "join_date",
      "status", "status_date", "churn_reason", "deposit")),
  BILLING("billing", List.of("bill_month", "subscriber_id", "plan_code", "charge_item", "amount",
      "paid_amount", "due_date", "paid_date")),
  USAGE("usage", List.of("usage_date", "subscriber_id", "service", "call_type", "peer_network",
      "events", "duration_sec", "volume_kb")),
  SERVICE_EVENTS("service_events", List.of("event_time", "subscriber_id", "event_type",
      "severity", "channel", "duration_sec"));

  final String stem;
  final List<String> header;

  Feed(String stem, List<String> header) {
    this.stem = stem;
    this.header = header;
  }

  /** e.g. {@code billing_2025-03.csv} or {@code billing_2025-03.csv.gz}. */
  Path file(Path dir, YearMonth month, boolean gzip) {
    return dir.resolve(stem + "_" + month + (gzip ? ".csv.gz" : ".csv"));
  }
}
