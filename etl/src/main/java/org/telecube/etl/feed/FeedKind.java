package org.telecube.etl.feed;

import static org.telecube.etl.feed.Column.optional;
import static org.telecube.etl.feed.Column.required;
import static org.telecube.etl.feed.FieldType.amount;
import static org.telecube.etl.feed.FieldType.count;
import static org.telecube.etl.feed.FieldType.date;
import static org.telecube.etl.feed.FieldType.digits;
import static org.telecube.etl.feed.FieldType.known;
import static org.telecube.etl.feed.FieldType.month;
import static org.telecube.etl.feed.FieldType.oneOf;
import static org.telecube.etl.feed.FieldType.text;
import static org.telecube.etl.feed.FieldType.timestamp;
import static org.telecube.etl.feed.FieldType.yearFrom;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The feeds of the contract, in load order: reference data first (facts and subscribers check
 * codes against it), then the subscriber master (facts check subscriber ids against it), then
 * the facts.
 */
public enum FeedKind {
  REGIONS("regions", Group.REFERENCE, List.of(
      required("code", digits(6, "a 6-digit region code")),
      required("level", oneOf("province", "city")),
      optional("parent_code", digits(6, "a 6-digit region code")),
      required("name_zh", text()),
      required("name_en", text()),
      required("macro_region", oneOf("north", "northeast", "east", "central", "south", "southwest", "northwest"))),
      List.of(Rules.CITY_NEEDS_PARENT)),
  ORG_UNITS("org_units", Group.REFERENCE, List.of(
      required("org_code", text()),
      required("level", oneOf("hq", "province", "city")),
      optional("parent_code", text()),
      required("name_zh", text()),
      required("name_en", text()),
      optional("region_code", digits(6, "a 6-digit region code"))),
      List.of()),
  PRODUCTS("products", Group.REFERENCE, List.of(
      required("plan_code", text()),
      required("name_zh", text()),
      required("name_en", text()),
      required("family", text()),
      required("business_line", oneOf("mobile", "broadband", "fixed", "vas")),
      required("monthly_fee", amount(false, 10)),
      optional("network_type", oneOf(Codes.NETWORK_TYPES))),
      List.of()),
  SUBSCRIBERS("subscribers", Group.SUBSCRIBERS, List.of(
      required("as_of", date()),
      required("subscriber_id", text()),
      required("customer_id", text()),
      optional("msisdn", digits(11, "11 digits")),
      required("customer_type", oneOf("individual", "family", "group")),
      optional("gender", oneOf("m", "f", "u")),
      optional("birth_year", yearFrom(1900)),
      required("city_code", known(CodeSet.CITY)),
      required("org_code", known(CodeSet.ORG_UNIT)),
      required("channel", oneOf("store", "agent", "online", "hotline")),
      required("plan_code", known(CodeSet.PLAN)),
      required("network_type", oneOf(Codes.NETWORK_TYPES)),
      required("payment_type", oneOf("prepaid", "postpaid")),
      required("vip_level", oneOf("none", "standard", "key", "premier")),
      required("contract_type", oneOf("none", "1y", "2y")),
      optional("contract_end", date()),
      required("join_date", date()),
      required("status", oneOf("active", "suspended", "keep_number", "churned")),
      required("status_date", date()),
      optional("churn_reason", oneOf("natural", "nonpayment", "competitor", "accidental")),
      optional("deposit", amount(false, 10))),
      List.of(Rules.CHURN_REASON_ONLY_WHEN_CHURNED)),
  BILLING("billing", Group.FACTS, List.of(
      required("bill_month", month()).stagedAs("month_key"),
      required("subscriber_id", known(CodeSet.SUBSCRIBER)),
      required("plan_code", known(CodeSet.PLAN)),
      required("charge_item", oneOf("monthly_fee", "voice", "sms", "data", "vas", "roaming", "discount", "other")),
      required("amount", amount(true)),
      required("paid_amount", amount(true)),
      required("due_date", date()),
      optional("paid_date", date())),
      List.of(Rules.PAID_FOLLOWS_AMOUNT_SIGN)),
  USAGE("usage", Group.FACTS, List.of(
      required("usage_date", date()),
      required("subscriber_id", known(CodeSet.SUBSCRIBER)),
      required("service", oneOf("voice", "sms", "data")),
      required("call_type", oneOf("local", "long_distance", "roaming", "international", "none")),
      required("peer_network", oneOf("own", "other", "none")),
      required("events", count()),
      required("duration_sec", count()),
      required("volume_kb", count())),
      List.of()),
  SERVICE_EVENTS("service_events", Group.FACTS, List.of(
      required("event_time", timestamp()),
      required("subscriber_id", known(CodeSet.SUBSCRIBER)),
      required("event_type", oneOf("complaint", "fault_report", "inquiry", "competitor_service_call",
          "call_forward_competitor", "suspend_request", "port_out_inquiry")),
      required("severity", oneOf("low", "normal", "serious")),
      required("channel", oneOf("hotline", "store", "online")),
      optional("duration_sec", count())),
      List.of());

  /** Where a feed stands in the load order. */
  public enum Group {
    REFERENCE, SUBSCRIBERS, FACTS
  }

  private final String code;
  private final Group group;
  private final List<Column> columns;
  private final List<RowRule> rules;

  FeedKind(String code, Group group, List<Column> columns, List<RowRule> rules) {
    this.code = code;
    this.group = group;
    this.columns = List.copyOf(columns);
    this.rules = List.copyOf(rules);
  }

  /** The lower-case name used in file names and on the command line, e.g. {@code service_events}. */
  public String code() {
    return code;
  }

  public Group group() {
    return group;
  }

  public List<Column> columns() {
    return columns;
  }

  public List<RowRule> rules() {
    return rules;
  }

  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(code + " has no column " + name);
  }

  @Override
  public String toString() {
    return code;
  }

  /** The kind named {@code code} (case-insensitive), e.g. {@code billing}. */
  public static FeedKind ofCode(String code) {
    String c = code.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> k.code.equals(c)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown feed \"" + code + "\" (one of "
            + codes() + ")"));
  }

  /**
   * The kind a file name starts with, longest prefix first ({@code service_events_2025-01.csv}
   * is service_events), or empty when no kind matches.
   */
  public static Optional<FeedKind> fromFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .sorted(Comparator.comparingInt((FeedKind k) -> k.code.length()).reversed())
        .filter(k -> name.startsWith(k.code) && (name.length() == k.code.length()
            || !Character.isLetter(name.charAt(k.code.length()))))
        .findFirst();
  }

  /** All codes, comma separated, for messages. */
  public static String codes() {
    return Arrays.stream(values()).map(FeedKind::code).collect(Collectors.joining(", "));
  }

  private static final class Codes {
    static final String[] NETWORK_TYPES = {"2g", "3g", "4g", "5g", "ftth", "adsl", "pstn"};
  }

  private static final class Rules {
    /**
     * Billing: amount is column 4, paid_amount 5 (staged as fen). A credit line (discount) is
     * "paid" negative, as the credit is applied; a charge cannot be.
     */
    static final RowRule PAID_FOLLOWS_AMOUNT_SIGN = values -> values[5] instanceof Long paid && paid < 0
        && values[4] instanceof Long amount && amount >= 0
        ? new RowRule.Problem("paid_amount", "negative paid_amount on a charge of "
            + java.math.BigDecimal.valueOf(amount, 2).toPlainString() + " (only credit lines are paid negative)")
        : null;

    static final RowRule CITY_NEEDS_PARENT = values -> "city".equals(values[1]) && values[2] == null
        ? new RowRule.Problem("parent_code", "missing parent_code (required for a city)")
        : null;

    /** Subscribers: status is column 17, churn_reason 19. */
    static final RowRule CHURN_REASON_ONLY_WHEN_CHURNED = values -> values[19] != null
        && values[17] != null && !"churned".equals(values[17])
        ? new RowRule.Problem("churn_reason", "churn_reason \"" + values[19] + "\" given but status is "
            + values[17] + " (only when churned)")
        : null;
  }
}
