package org.telecube.etl.generate;

import java.util.Locale;

/**
 * The lower-case enumerations of the feed contract. The population stores them as ordinals in
 * byte arrays, so the order of the constants is part of the in-memory format, not of the files.
 */
final class Codes {
  private Codes() {
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  enum CustomerType {
    INDIVIDUAL, FAMILY, GROUP;
    final String code = lower(this);
  }

  enum Gender {
    M, F, U;
    final String code = lower(this);
  }

  enum Channel {
    STORE, AGENT, ONLINE, HOTLINE;
    final String code = lower(this);
  }

  enum PaymentType {
    PREPAID, POSTPAID;
    final String code = lower(this);
  }

  enum VipLevel {
    NONE, STANDARD, KEY, PREMIER;
    final String code = lower(this);
  }

  enum ContractType {
    NONE("none", 0), ONE_YEAR("1y", 12), TWO_YEARS("2y", 24);
    final String code;
    final int months;

    ContractType(String code, int months) {
      this.code = code;
      this.months = months;
    }
  }

  enum Status {
    ACTIVE, SUSPENDED, KEEP_NUMBER, CHURNED;
    final String code = lower(this);
  }

  enum ChurnReason {
    NATURAL, NONPAYMENT, COMPETITOR, ACCIDENTAL;
    final String code = lower(this);
  }

  /** Bill charge items; a bill has at most one line per item. */
  enum Charge {
    MONTHLY_FEE, VOICE, SMS, DATA, VAS, ROAMING, DISCOUNT, OTHER;
    final String code = lower(this);
  }

  enum Service {
    VOICE, SMS, DATA;
    final String code = lower(this);
  }

  enum CallType {
    LOCAL, LONG_DISTANCE, ROAMING, INTERNATIONAL, NONE;
    final String code = lower(this);
  }

  enum PeerNetwork {
    OWN, OTHER, NONE;
    final String code = lower(this);
  }

  /** Service event types; a subscriber has at most one event of each type a month. */
  enum EventType {
    COMPLAINT, FAULT_REPORT, INQUIRY, COMPETITOR_SERVICE_CALL, CALL_FORWARD_COMPETITOR,
    SUSPEND_REQUEST, PORT_OUT_INQUIRY;
    final String code = lower(this);

    int bit() {
      return 1 << ordinal();
    }
  }

  enum Severity {
    LOW, NORMAL, SERIOUS;
    final String code = lower(this);
  }

  enum EventChannel {
    HOTLINE, STORE, ONLINE;
    final String code = lower(this);
  }
}
