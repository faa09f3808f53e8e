package org.telecube.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telecube.warehouse.reference.Product;
import org.telecube.warehouse.reference.ReferenceData;
import org.telecube.warehouse.reference.Region;

/**
 * Every generated file follows the feed contract, checked row by row by rules written here from
 * the specification (not from the generator's code): headers, formats, enumerations, reference
 * codes, natural keys, and dates inside the file's month.
 */
class FeedContractTest {
  static final int SUBSCRIBERS = 2_000;
  static final int MONTHS = 4;
  static final YearMonth LAST = YearMonth.of(2025, 3); // spans a year boundary and February

  static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
  static final Pattern AMOUNT = Pattern.compile("-?\\d+\\.\\d{2}");
  static final Pattern COUNT = Pattern.compile("0|[1-9]\\d*");
  static final Pattern SUBSCRIBER_ID = Pattern.compile("S\\d{8}");
  static final Pattern MSISDN = Pattern.compile("1[3-9]\\d{9}");
  static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");

  static final Set<String> CUSTOMER_TYPES = Set.of("individual", "family", "group");
  static final Set<String> GENDERS = Set.of("m", "f", "u", "");
  static final Set<String> CHANNELS = Set.of("store", "agent", "online", "hotline");
  static final Set<String> NETWORKS = Set.of("2g", "3g", "4g", "5g", "ftth", "adsl", "pstn");
  static final Set<String> FIXED_NETWORKS = Set.of("ftth", "adsl", "pstn");
  static final Set<String> PAYMENT_TYPES = Set.of("prepaid", "postpaid");
  static final Set<String> VIP_LEVELS = Set.of("none", "standard", "key", "premier");
  static final Set<String> CONTRACT_TYPES = Set.of("none", "1y", "2y");
  static final Set<String> STATUSES = Set.of("active", "suspended", "keep_number", "churned");
  static final Set<String> CHURN_REASONS = Set.of("natural", "nonpayment", "competitor", "accidental");
  static final Set<String> CHARGE_ITEMS =
      Set.of("monthly_fee", "voice", "sms", "data", "vas", "roaming", "discount", "other");
  static final Set<String> SERVICES = Set.of("voice", "sms", "data");
  static final Set<String> CALL_TYPES = Set.of("local", "long_distance", "roaming", "international", "none");
  static final Set<String> PEER_NETWORKS = Set.of("own", "other", "none");
  static final Set<String> EVENT_TYPES = Set.of("complaint", "fault_report", "inquiry",
      "competitor_service_call", "call_forward_competitor", "suspend_request", "port_out_inquiry");
  static final Set<String> SEVERITIES = Set.of("low", "normal", "serious");
  static final Set<String> EVENT_CHANNELS = Set.of("hotline", "store", "online");

  @TempDir
  static Path dir;
  static GenerationSummary summary;
  static GeneratedFeeds feeds;
  static List<YearMonth> months;
  static final List<String> listened = new ArrayList<>();

  static final Set<String> CITY_CODES =
      ReferenceData.shipped().cities().stream().map(Region::code).collect(Collectors.toSet());
  static final Map<String, Product> PLANS = ReferenceData.shipped().products().stream()
      .collect(Collectors.toMap(Product::planCode, p -> p));

  @BeforeAll
  static void generate() throws IOException {
    GeneratorSettings settings = new GeneratorSettings(dir, SUBSCRIBERS, MONTHS, LAST, 2024L, false);
    summary = new SampleGenerator().generate(settings,
        (month, index, total) -> listened.add(month + " " + index + "/" + total));
    feeds = new GeneratedFeeds(dir, false);
    months = new ArrayList<>();
    for (int i = MONTHS - 1; i >= 0; i--) {
      months.add(LAST.minusMonths(i));
    }
  }

  @Test
  void writesFourFilesPerMonthAndReportsThem() throws IOException {
    List<Path> expected = new ArrayList<>();
    for (YearMonth m : months) {
      for (String feed : GeneratedFeeds.HEADERS.keySet()) {
        expected.add(GeneratedFeeds.file(dir, feed, m, false));
      }
    }
    assertThat(summary.files()).containsExactlyElementsOf(expected);
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expected.stream().map(p -> p.getFileName().toString()).toList());
    }
    assertThat(listened).containsExactly("2024-12 1/4", "2025-01 2/4", "2025-02 3/4", "2025-03 4/4");
    for (String feed : GeneratedFeeds.HEADERS.keySet()) {
      long rows = months.stream().mapToLong(m -> feeds.rows(feed, m).size()).sum();
      assertThat(summary.rowsPerFeed()).containsEntry(feed, rows);
      assertThat(rows).as(feed).isPositive();
    }
    assertThat(summary.rowsPerFeed().keySet()).containsExactly("subscribers", "billing", "usage", "service_events");
  }

  @Test
  void filesAreUtf8CsvWithCrlfAndTheExactHeader() throws IOException {
    for (YearMonth m : months) {
      for (Map.Entry<String, List<String>> e : GeneratedFeeds.HEADERS.entrySet()) {
        Path file = GeneratedFeeds.file(dir, e.getKey(), m, false);
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", e.getValue()) + "\r\n");
        assertThat(text).endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(bytes[0]).as("no byte-order mark").isNotEqualTo((byte) 0xEF);
        assertThat(feeds.read(e.getKey(), m).header()).containsExactlyElementsOf(e.getValue());
      }
    }
  }

  @Test
  void subscriberSnapshotsConform() {
    Set<String> previousIds = Set.of();
    Map<String, String> previousStatus = Map.of();
    for (YearMonth m : months) {
      LocalDate asOf = m.atEndOfMonth();
      Set<String> msisdns = new HashSet<>();
      Set<String> ids = new HashSet<>();
      Map<String, String> status = new HashMap<>();
      for (Map<String, String> r : feeds.rows("subscribers", m)) {
        String where = "subscribers_" + m + " " + r.get("subscriber_id");
        assertThat(date(r.get("as_of"))).as(where).isEqualTo(asOf);
        assertThat(r.get("subscriber_id")).as(where).matches(SUBSCRIBER_ID);
        assertThat(ids.add(r.get("subscriber_id"))).as(where + " unique (as_of, subscriber_id)").isTrue();
        assertThat(r.get("customer_id")).as(where).isNotBlank();
        String msisdn = r.get("msisdn");
        if (!msisdn.isEmpty()) {
          assertThat(msisdn).as(where).matches(MSISDN);
          assertThat(msisdns.add(msisdn)).as(where + " unique msisdn " + msisdn).isTrue();
        }
        assertThat(r.get("customer_type")).as(where).isIn(CUSTOMER_TYPES);
        assertThat(r.get("gender")).as(where).isIn(GENDERS);
        if (!r.get("birth_year").isEmpty()) {
          assertThat(r.get("birth_year")).as(where).matches(YEAR);
          assertThat(Integer.parseInt(r.get("birth_year"))).as(where).isBetween(1920, asOf.getYear() - 5);
        }
        assertThat(r.get("city_code")).as(where).isIn(CITY_CODES);
        assertThat(r.get("org_code")).as(where).isEqualTo("C" + r.get("city_code"));
        assertThat(r.get("channel")).as(where).isIn(CHANNELS);
        assertThat(PLANS).as(where).containsKey(r.get("plan_code"));
        assertThat(r.get("network_type")).as(where).isIn(NETWORKS);
        String planNetwork = PLANS.get(r.get("plan_code")).networkType();
        if (planNetwork != null && !planNetwork.isEmpty()) {
          assertThat(r.get("network_type")).as(where + " network of the plan").isEqualTo(planNetwork);
        }
        if (FIXED_NETWORKS.contains(r.get("network_type"))) {
          assertThat(msisdn).as(where + " fixed lines have no msisdn").isEmpty();
        }
        assertThat(r.get("payment_type")).as(where).isIn(PAYMENT_TYPES);
        assertThat(r.get("vip_level")).as(where).isIn(VIP_LEVELS);
        assertThat(r.get("contract_type")).as(where).isIn(CONTRACT_TYPES);
        if (r.get("contract_type").equals("none")) {
          assertThat(r.get("contract_end")).as(where).isEmpty();
        } else {
          date(r.get("contract_end"));
        }
        LocalDate join = date(r.get("join_date"));
        LocalDate statusDate = date(r.get("status_date"));
        assertThat(join).as(where).isBeforeOrEqualTo(asOf);
        assertThat(statusDate).as(where).isBetween(join, asOf);
        assertThat(r.get("status")).as(where).isIn(STATUSES);
        if (r.get("status").equals("churned")) {
          assertThat(r.get("churn_reason")).as(where).isIn(CHURN_REASONS);
          assertThat(YearMonth.from(statusDate)).as(where + " churned during the month").isEqualTo(m);
        } else {
          assertThat(r.get("churn_reason")).as(where).isEmpty();
        }
        if (!r.get("deposit").isEmpty()) {
          assertThat(r.get("deposit")).as(where).matches(AMOUNT);
          assertThat(new BigDecimal(r.get("deposit"))).as(where).isNotNegative();
        }
        if (previousIds.contains(r.get("subscriber_id"))) {
          assertThat(previousStatus.get(r.get("subscriber_id"))).as(where + " churned last month").isNotEqualTo("churned");
        } else {
          assertThat(YearMonth.from(join).equals(m) || m.equals(months.get(0)))
              .as(where + " is new, so it joined this month").isTrue();
        }
        status.put(r.get("subscriber_id"), r.get("status"));
      }
      // Everyone still in the base last month is in this month's snapshot.
      for (String id : previousIds) {
        if (!previousStatus.get(id).equals("churned")) {
          assertThat(ids).as("subscribers_" + m + " keeps " + id).contains(id);
        }
      }
      previousIds = ids;
      previousStatus = status;
    }
  }

  @Test
  void billingConforms() {
    for (YearMonth m : months) {
      Map<String, Map<String, String>> snapshot = feeds.snapshot(m);
      Set<String> keys = new HashSet<>();
      Set<String> withFee = new HashSet<>();
      for (Map<String, String> r : feeds.rows("billing", m)) {
        String where = "billing_" + m + " " + r.get("subscriber_id") + " " + r.get("charge_item");
        assertThat(r.get("bill_month")).as(where).matches(MONTH).isEqualTo(m.toString());
        assertThat(snapshot).as(where + " subscriber in the month's snapshot").containsKey(r.get("subscriber_id"));
        assertThat(PLANS).as(where).containsKey(r.get("plan_code"));
        assertThat(r.get("charge_item")).as(where).isIn(CHARGE_ITEMS);
        assertThat(keys.add(r.get("bill_month") + "|" + r.get("subscriber_id") + "|" + r.get("charge_item")))
            .as(where + " unique (bill_month, subscriber_id, charge_item)").isTrue();
        assertThat(r.get("amount")).as(where).matches(AMOUNT);
        assertThat(r.get("paid_amount")).as(where).matches(AMOUNT);
        BigDecimal amount = new BigDecimal(r.get("amount"));
        BigDecimal paid = new BigDecimal(r.get("paid_amount"));
        if (r.get("charge_item").equals("discount")) {
          assertThat(amount).as(where).isNegative();
        } else {
          assertThat(amount).as(where).isNotNegative();
        }
        assertThat(paid.abs()).as(where + " paid at most the amount").isLessThanOrEqualTo(amount.abs());
        assertThat(paid.signum() * amount.signum()).as(where).isNotNegative();
        LocalDate due = date(r.get("due_date"));
        assertThat(due).as(where + " due after the month").isAfter(m.atEndOfMonth());
        if (r.get("paid_date").isEmpty()) {
          assertThat(paid.signum()).as(where + " unpaid lines have nothing paid").isZero();
        } else {
          assertThat(date(r.get("paid_date"))).as(where).isAfterOrEqualTo(m.atDay(1));
        }
        if (r.get("charge_item").equals("monthly_fee")) {
          withFee.add(r.get("subscriber_id"));
        }
      }
      for (Map<String, String> s : snapshot.values()) {
        if (!s.get("status").equals("churned")) {
          assertThat(withFee).as("billing_" + m + " monthly_fee for " + s.get("subscriber_id")).contains(s.get("subscriber_id"));
        }
      }
    }
  }

  @Test
  void usageConforms() {
    for (YearMonth m : months) {
      Map<String, Map<String, String>> snapshot = feeds.snapshot(m);
      Set<String> keys = new HashSet<>();
      Map<String, Integer> perSubscriber = new HashMap<>();
      for (Map<String, String> r : feeds.rows("usage", m)) {
        String where = "usage_" + m + " " + r;
        LocalDate day = date(r.get("usage_date"));
        assertThat(YearMonth.from(day)).as(where).isEqualTo(m);
        Map<String, String> sub = snapshot.get(r.get("subscriber_id"));
        assertThat(sub).as(where + " subscriber in the snapshot").isNotNull();
        assertActiveOn(sub, day, where);
        assertThat(FIXED_NETWORKS).as(where + " no usage for broadband/fixed").doesNotContain(sub.get("network_type"));
        assertThat(r.get("service")).as(where).isIn(SERVICES);
        assertThat(r.get("call_type")).as(where).isIn(CALL_TYPES);
        assertThat(r.get("peer_network")).as(where).isIn(PEER_NETWORKS);
        assertThat(r.get("events")).as(where).matches(COUNT);
        assertThat(r.get("duration_sec")).as(where).matches(COUNT);
        assertThat(r.get("volume_kb")).as(where).matches(COUNT);
        if (!r.get("service").equals("voice")) {
          assertThat(r.get("duration_sec")).as(where).isEqualTo("0");
        }
        if (!r.get("service").equals("data")) {
          assertThat(r.get("volume_kb")).as(where).isEqualTo("0");
        }
        assertThat(keys.add(r.get("usage_date") + "|" + r.get("subscriber_id") + "|" + r.get("service")
            + "|" + r.get("call_type") + "|" + r.get("peer_network"))).as(where + " unique natural key").isTrue();
        perSubscriber.merge(r.get("subscriber_id"), 1, Integer::sum);
      }
      // Modest volume: a few rows per mobile subscriber-month.
      double mean = perSubscriber.values().stream().mapToInt(Integer::intValue).average().orElse(0);
      assertThat(mean).as("usage rows per mobile subscriber in " + m).isBetween(3.0, 7.0);
    }
  }

  @Test
  void serviceEventsConform() {
    for (YearMonth m : months) {
      Map<String, Map<String, String>> snapshot = feeds.snapshot(m);
      Set<String> keys = new HashSet<>();
      for (Map<String, String> r : feeds.rows("service_events", m)) {
        String where = "service_events_" + m + " " + r;
        assertThat(r.get("event_time")).as(where).matches(TIMESTAMP);
        LocalDateTime time = LocalDateTime.parse(r.get("event_time").replace(' ', 'T'));
        assertThat(YearMonth.from(time)).as(where).isEqualTo(m);
        Map<String, String> sub = snapshot.get(r.get("subscriber_id"));
        assertThat(sub).as(where + " subscriber in the snapshot").isNotNull();
        assertActiveOn(sub, time.toLocalDate(), where);
        assertThat(r.get("event_type")).as(where).isIn(EVENT_TYPES);
        assertThat(r.get("severity")).as(where).isIn(SEVERITIES);
        assertThat(r.get("channel")).as(where).isIn(EVENT_CHANNELS);
        if (!r.get("duration_sec").isEmpty()) {
          assertThat(r.get("duration_sec")).as(where).matches(COUNT);
        }
        assertThat(keys.add(r.get("event_time") + "|" + r.get("subscriber_id") + "|" + r.get("event_type")
            + "|" + r.get("channel"))).as(where + " unique natural key").isTrue();
      }
    }
  }

  /** After join_date and not after the churn. */
  private static void assertActiveOn(Map<String, String> sub, LocalDate day, String where) {
    assertThat(day).as(where + " after join").isAfter(date(sub.get("join_date")));
    if (sub.get("status").equals("churned")) {
      assertThat(day).as(where + " not after churn").isBefore(date(sub.get("status_date")));
    }
  }

  static LocalDate date(String s) {
    assertThat(s).matches(DATE);
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new AssertionError("not a date: " + s, e);
    }
  }
}
