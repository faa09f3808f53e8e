package org.telecube.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.reference.Product;
import org.telecube.warehouse.reference.ReferenceData;

/**
 * The generated data means something: churn is preceded by the CRM warning signals, and rates,
 * mixes and seasonality are plausible. Signals are computed from the files alone, with the
 * definitions of the operator's CRM practice, independently of the generator's code.
 */
class SimulationRealismTest {
  static final YearMonth LAST = YearMonth.of(2025, 9);
  static final int MONTHS = 12;

  @TempDir
  static Path dir;
  static GeneratedFeeds feeds;
  static List<YearMonth> months;
  /** Signals per subscriber still in the base at the end of month i. */
  static List<Map<String, Set<String>>> signals;
  static final Map<String, BigDecimal> FEES = ReferenceData.shipped().products().stream()
      .collect(Collectors.toMap(Product::planCode, Product::monthlyFee));

  @BeforeAll
  static void generate() throws IOException {
    new SampleGenerator().generate(new GeneratorSettings(dir, 3_000, MONTHS, LAST, 11L, false), null);
    feeds = new GeneratedFeeds(dir, false);
    months = new ArrayList<>();
    for (int i = MONTHS - 1; i >= 0; i--) {
      months.add(LAST.minusMonths(i));
    }
    signals = new ArrayList<>();
    for (int i = 0; i < MONTHS; i++) {
      signals.add(signals(i));
    }
  }

  /** The CRM warning signals visible in month i's files. */
  static Map<String, Set<String>> signals(int i) {
    YearMonth m = months.get(i);
    LocalDate asOf = m.atEndOfMonth();
    Map<String, List<Map<String, String>>> bills = feeds.bills(m);
    Map<String, List<Map<String, String>>> previousBills = i > 0 ? feeds.bills(months.get(i - 1)) : Map.of();
    Map<String, List<Map<String, String>>> events = feeds.events(m);
    Map<String, Set<String>> out = new HashMap<>();
    for (Map<String, String> s : feeds.rows("subscribers", m)) {
      if (s.get("status").equals("churned")) {
        continue;
      }
      String id = s.get("subscriber_id");
      Set<String> sig = new HashSet<>();
      if (!s.get("contract_end").isEmpty()) {
        long days = ChronoUnit.DAYS.between(asOf, LocalDate.parse(s.get("contract_end")));
        if (days >= 0 && days <= 60) {
          sig.add("contract_end");
        }
      }
      List<Map<String, String>> lines = bills.getOrDefault(id, List.of());
      BigDecimal total = GeneratedFeeds.total(lines);
      BigDecimal fee = FEES.get(s.get("plan_code"));
      if (fee.signum() > 0 && total.compareTo(fee.multiply(BigDecimal.valueOf(2))) > 0) {
        sig.add("bill_shock");
      }
      for (Map<String, String> e : events.getOrDefault(id, List.of())) {
        switch (e.get("event_type")) {
          case "complaint" -> {
            if (e.get("severity").equals("serious")) {
              sig.add("serious_complaint");
            }
          }
          case "competitor_service_call" -> {
            if (!e.get("duration_sec").isEmpty() && Integer.parseInt(e.get("duration_sec")) > 60) {
              sig.add("competitor_call");
            }
          }
          case "call_forward_competitor" -> sig.add("call_forward");
          case "suspend_request" -> sig.add("suspend_request");
          default -> { }
        }
      }
      boolean overdue = lines.stream().anyMatch(l ->
          new BigDecimal(l.get("paid_amount")).compareTo(new BigDecimal(l.get("amount"))) != 0
              || (!l.get("paid_date").isEmpty() && l.get("paid_date").compareTo(l.get("due_date")) > 0));
      if (overdue || s.get("status").equals("suspended")) {
        sig.add("arrears");
      }
      if (s.get("status").equals("keep_number")) {
        sig.add("keep_number");
      }
      BigDecimal previous = GeneratedFeeds.total(previousBills.get(id));
      if (previous.signum() > 0 && total.multiply(BigDecimal.valueOf(2)).compareTo(previous) < 0) {
        sig.add("bill_drop");
      }
      out.put(id, sig);
    }
    return out;
  }

  static Set<String> churnedIn(int i) {
    return feeds.rows("subscribers", months.get(i)).stream()
        .filter(s -> s.get("status").equals("churned"))
        .map(s -> s.get("subscriber_id")).collect(Collectors.toSet());
  }

  @Test
  void subscribersWithSignalsChurnNextMonthAtLeastThreeTimesAsOften() {
    long withSignal = 0;
    long withSignalChurned = 0;
    long without = 0;
    long withoutChurned = 0;
    for (int i = 0; i + 1 < MONTHS; i++) {
      Set<String> churned = churnedIn(i + 1);
      for (Map.Entry<String, Set<String>> e : signals.get(i).entrySet()) {
        boolean churns = churned.contains(e.getKey());
        if (e.getValue().isEmpty()) {
          without++;
          withoutChurned += churns ? 1 : 0;
        } else {
          withSignal++;
          withSignalChurned += churns ? 1 : 0;
        }
      }
    }
    double rateWith = (double) withSignalChurned / withSignal;
    double rateWithout = (double) withoutChurned / without;
    assertThat(withSignalChurned + withoutChurned).as("churners observed").isGreaterThan(200);
    assertThat(rateWith).as("churn rate with signals vs without (%s)", rateWithout)
        .isGreaterThanOrEqualTo(3 * rateWithout);
  }

  @Test
  void mostChurnersShowASignalInTheTwoMonthsBefore() {
    int churners = 0;
    int signalled = 0;
    for (int i = 1; i < MONTHS; i++) {
      for (String id : churnedIn(i)) {
        Set<String> before = signals.get(i - 1).get(id);
        if (before == null) {
          continue; // joined and left within the month
        }
        churners++;
        Set<String> earlier = i >= 2 ? signals.get(i - 2).getOrDefault(id, Set.of()) : Set.of();
        if (!before.isEmpty() || !earlier.isEmpty()) {
          signalled++;
        }
      }
    }
    assertThat((double) signalled / churners).as("churners with a prior signal").isGreaterThan(0.6);
  }

  @Test
  void topRiskDecileHoldsThreeTimesTheChurnersOfARandomDecile() {
    long inTop = 0;
    long all = 0;
    for (int i = 0; i + 1 < MONTHS; i++) {
      Map<String, Set<String>> sig = signals.get(i);
      Set<String> churned = churnedIn(i + 1);
      // Risk score: number of signals; ties broken by a fixed scramble of the id.
      List<String> ranked = new ArrayList<>(sig.keySet());
      ranked.sort(Comparator.<String>comparingInt(id -> -sig.get(id).size())
          .thenComparingInt(id -> Integer.reverse(id.hashCode() * 0x9E3779B1)));
      List<String> top = ranked.subList(0, ranked.size() / 10);
      inTop += top.stream().filter(churned::contains).count();
      all += ranked.stream().filter(churned::contains).count();
    }
    assertThat((double) inTop / all).as("share of next-month churners in the top decile").isGreaterThanOrEqualTo(0.3);
  }

  @Test
  void churnReasonsFollowTheirSignals() {
    int nonpayment = 0;
    int nonpaymentYoung = 0;
    int nonpaymentArrears = 0;
    int competitor = 0;
    int competitorSignals = 0;
    for (int i = 1; i < MONTHS; i++) {
      for (Map<String, String> s : feeds.rows("subscribers", months.get(i))) {
        Set<String> before = signals.get(i - 1).get(s.get("subscriber_id"));
        if (!s.get("status").equals("churned") || before == null) {
          continue;
        }
        Set<String> both = new HashSet<>(before);
        if (i >= 2) {
          both.addAll(signals.get(i - 2).getOrDefault(s.get("subscriber_id"), Set.of()));
        }
        long tenure = ChronoUnit.DAYS.between(LocalDate.parse(s.get("join_date")), LocalDate.parse(s.get("status_date")));
        switch (s.get("churn_reason")) {
          case "nonpayment" -> {
            nonpayment++;
            nonpaymentYoung += tenure < 365 ? 1 : 0;
            nonpaymentArrears += both.contains("arrears") ? 1 : 0;
          }
          case "competitor" -> {
            competitor++;
            boolean competitorCalls = feeds.events(months.get(i - 1)).getOrDefault(s.get("subscriber_id"), List.of())
                .stream().anyMatch(e -> e.get("event_type").equals("port_out_inquiry"));
            competitorSignals += competitorCalls || both.contains("competitor_call")
                || both.contains("call_forward") || both.contains("contract_end") ? 1 : 0;
          }
          default -> { }
        }
      }
    }
    assertThat(nonpayment).isGreaterThan(10);
    assertThat((double) nonpaymentArrears / nonpayment).as("non-payers had arrears").isGreaterThan(0.8);
    assertThat((double) nonpaymentYoung / nonpayment).as("non-payers mostly joined < 1 year before").isGreaterThan(0.5);
    assertThat((double) competitorSignals / competitor).as("competitor churners called competitors etc.").isGreaterThan(0.5);
  }

  @Test
  void monthlyJoinsAndChurnAreInRangeWithCampaignPeaks() {
    Map<YearMonth, Double> joinRate = new HashMap<>();
    for (YearMonth m : months) {
      List<Map<String, String>> rows = feeds.rows("subscribers", m);
      long startBase = rows.stream().filter(s -> YearMonth.from(LocalDate.parse(s.get("join_date"))).isBefore(m)).count();
      long joined = rows.size() - startBase;
      long churned = rows.stream().filter(s -> s.get("status").equals("churned")).count();
      assertThat((double) churned / startBase).as("churn in " + m).isBetween(0.005, 0.03);
      assertThat((double) joined / startBase).as("joins in " + m).isBetween(0.01, 0.035);
      joinRate.put(m, (double) joined / startBase);
    }
    double ordinary = List.of(4, 5, 6, 7, 8, 10, 11, 12).stream()
        .mapToDouble(mm -> joinRate.get(month(mm))).average().orElseThrow();
    assertThat(joinRate.get(month(3))).as("March campaign").isGreaterThan(ordinary * 1.15);
    assertThat(joinRate.get(month(9))).as("September campaign").isGreaterThan(ordinary * 1.15);
  }

  @Test
  void fiveGGrowsAndFourGShrinks() {
    double first5g = share(months.get(0), "5g");
    double last5g = share(LAST, "5g");
    assertThat(last5g).isGreaterThan(first5g + 0.03);
    assertThat(share(LAST, "4g")).isLessThan(share(months.get(0), "4g"));
  }

  @Test
  void revenueHasSpringFestivalRoamingAndSummerData() {
    double janFeb = (chargePerSubscriber(month(1), "roaming") + chargePerSubscriber(month(2), "roaming")) / 2;
    double aprMay = (chargePerSubscriber(month(4), "roaming") + chargePerSubscriber(month(5), "roaming")) / 2;
    assertThat(janFeb).as("roaming per subscriber Jan/Feb vs Apr/May").isGreaterThan(aprMay * 2);
    double summerData = dataKbPerRow(month(7)) + dataKbPerRow(month(8));
    double springData = dataKbPerRow(month(4)) + dataKbPerRow(month(5));
    assertThat(summerData).as("data volume per row Jul/Aug vs Apr/May").isGreaterThan(springData * 1.1);
  }

  @Test
  void arrearsAndDepositsLookLikeAPaymentBook() {
    Map<String, Map<String, String>> snapshot = feeds.snapshot(LAST);
    Map<String, List<Map<String, String>>> bills = feeds.bills(LAST);
    long postpaid = 0;
    long unpaid = 0;
    long prepaid = 0;
    long withDeposit = 0;
    for (Map<String, String> s : snapshot.values()) {
      if (s.get("payment_type").equals("postpaid")) {
        postpaid++;
        List<Map<String, String>> lines = bills.getOrDefault(s.get("subscriber_id"), List.of());
        if (lines.stream().anyMatch(l -> l.get("paid_date").isEmpty() && new BigDecimal(l.get("amount")).signum() > 0)) {
          unpaid++;
        }
      } else {
        prepaid++;
        withDeposit += s.get("deposit").isEmpty() ? 0 : 1;
      }
    }
    assertThat((double) unpaid / postpaid).as("postpaid bills unpaid past due").isBetween(0.005, 0.08);
    assertThat((double) withDeposit / prepaid).as("prepaid subscribers with a deposit").isGreaterThan(0.95);
  }

  @Test
  void vipFollowsRevenueGroupsAreBigAndTheYoungBuyBiggerPlans() {
    Map<String, Map<String, String>> snapshot = feeds.snapshot(LAST);
    Map<String, List<Map<String, String>>> bills = feeds.bills(LAST);
    Map<String, List<Double>> billByVip = new HashMap<>();
    Map<String, Map<String, Integer>> linesPerCustomer = new HashMap<>();
    List<Double> youngFees = new ArrayList<>();
    List<Double> seniorFees = new ArrayList<>();
    for (Map<String, String> s : snapshot.values()) {
      if (!s.get("status").equals("active") || YearMonth.from(LocalDate.parse(s.get("join_date"))).equals(LAST)) {
        continue;
      }
      String vip = s.get("vip_level").equals("premier") ? "key" : s.get("vip_level");
      billByVip.computeIfAbsent(vip, k -> new ArrayList<>())
          .add(GeneratedFeeds.total(bills.get(s.get("subscriber_id"))).doubleValue());
      linesPerCustomer.computeIfAbsent(s.get("customer_type"), k -> new HashMap<>())
          .merge(s.get("customer_id"), 1, Integer::sum);
      if (!s.get("birth_year").isEmpty()) {
        int age = LAST.getYear() - Integer.parseInt(s.get("birth_year"));
        double fee = FEES.get(s.get("plan_code")).doubleValue();
        if (age < 35) {
          youngFees.add(fee);
        } else if (age >= 60) {
          seniorFees.add(fee);
        }
      }
    }
    assertThat(mean(billByVip.get("key"))).isGreaterThan(mean(billByVip.get("standard")));
    assertThat(mean(billByVip.get("standard"))).isGreaterThan(mean(billByVip.get("none")));
    double group = mean(linesPerCustomer.get("group").values().stream().map(Integer::doubleValue).toList());
    double family = mean(linesPerCustomer.get("family").values().stream().map(Integer::doubleValue).toList());
    double individual = mean(linesPerCustomer.get("individual").values().stream().map(Integer::doubleValue).toList());
    assertThat(group).isGreaterThan(family);
    assertThat(family).isGreaterThan(individual);
    assertThat(mean(youngFees)).isGreaterThan(mean(seniorFees));
  }

  private static YearMonth month(int monthOfYear) {
    return months.stream().filter(m -> m.getMonthValue() == monthOfYear).findFirst().orElseThrow();
  }

  private static double share(YearMonth m, String network) {
    List<Map<String, String>> mobile = feeds.rows("subscribers", m).stream()
        .filter(s -> !s.get("status").equals("churned") && Set.of("2g", "3g", "4g", "5g").contains(s.get("network_type")))
        .toList();
    return (double) mobile.stream().filter(s -> s.get("network_type").equals(network)).count() / mobile.size();
  }

  private static double chargePerSubscriber(YearMonth m, String item) {
    double sum = feeds.rows("billing", m).stream().filter(l -> l.get("charge_item").equals(item))
        .mapToDouble(l -> Double.parseDouble(l.get("amount"))).sum();
    return sum / feeds.rows("subscribers", m).size();
  }

  private static double dataKbPerRow(YearMonth m) {
    return feeds.rows("usage", m).stream().filter(u -> u.get("service").equals("data"))
        .mapToLong(u -> Long.parseLong(u.get("volume_kb"))).average().orElseThrow();
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
