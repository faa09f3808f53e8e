package org.telecube.etl.derive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.telecube.etl.load.EtlLoader;
import org.telecube.etl.load.LoadListener;
import org.telecube.etl.load.LoadSummary;
import org.telecube.etl.WarehouseRows;
import org.telecube.warehouse.Warehouse;

/** Feed writing, loading and read-back helpers shared by the customer-analysis tests. */
final class AnalysisFixtures {
  static final String SUBSCRIBER_HEADER = "as_of,subscriber_id,customer_id,msisdn,customer_type,gender,"
      + "birth_year,city_code,org_code,channel,plan_code,network_type,payment_type,vip_level,contract_type,"
      + "contract_end,join_date,status,status_date,churn_reason,deposit";
  static final String BILLING_HEADER = "bill_month,subscriber_id,plan_code,charge_item,amount,paid_amount,"
      + "due_date,paid_date";
  static final String USAGE_HEADER = "usage_date,subscriber_id,service,call_type,peer_network,events,"
      + "duration_sec,volume_kb";
  static final String EVENT_HEADER = "event_time,subscriber_id,event_type,severity,channel,duration_sec";

  /** Every analysis column of fact_subscriber_month, with its key. */
  static final String SUBSCRIBER_MONTH_ANALYSIS = "month_key, subscriber_id, value_segment, previous_value_segment,"
      + " value_score, value_tier, lifecycle_stage, previous_lifecycle_stage, signal_count, signals,"
      + " sig_competitor_call, sig_call_forward, sig_keep_number, sig_bill_drop, sig_voluntary_suspension,"
      + " sig_contract_ending, sig_arrears, sig_serious_complaint, sig_bill_shock, warning_score, warning_type,"
      + " at_risk";

  private AnalysisFixtures() {
  }

  static Path write(Path file, List<String> lines) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static LoadSummary load(Warehouse w, List<Path> files) {
    return EtlLoader.load(w, files, Optional.empty(), LoadListener.NONE);
  }

  static List<Path> filesIn(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<List<String>> rows(Warehouse w, String sql) {
    return WarehouseRows.rows(w, sql);
  }

  static String single(Warehouse w, String sql) {
    return WarehouseRows.single(w, sql);
  }

  static void execute(Warehouse w, String sql) {
    WarehouseRows.execute(w, sql);
  }

  /** Sets (or overrides) one analysis setting; it takes effect with the next batch. */
  static void setting(Warehouse w, String name, String value) {
    execute(w, "INSERT OR REPLACE INTO analysis_setting VALUES ('" + name + "', '" + value + "')");
  }

  /**
   * Count and order-independent hash of the analysis columns of fact_subscriber_month and
   * fact_billing, and of the fitted weights.
   */
  static List<String> analysisFingerprint(Warehouse w) {
    return List.of(
        "fact_subscriber_month=" + single(w, "SELECT count(*) || ':' || sum(hash(t)::HUGEINT) FROM (SELECT "
            + SUBSCRIBER_MONTH_ANALYSIS + " FROM fact_subscriber_month) t"),
        "fact_billing=" + single(w, "SELECT count(*) || ':' || sum(hash(t)::HUGEINT) FROM (SELECT month_key,"
            + " subscriber_id, charge_item, value_segment, lifecycle_stage FROM fact_billing) t"),
        "churn_signal_weight=" + single(w, "SELECT count(*) || ':' || sum(hash(t)::HUGEINT) FROM churn_signal_weight t"));
  }
}
