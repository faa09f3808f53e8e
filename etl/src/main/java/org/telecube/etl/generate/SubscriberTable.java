package org.telecube.etl.generate;

import java.util.Arrays;

/**
 * The simulated subscriber base as parallel primitive arrays indexed by subscriber number
 * (subscriber_id {@code S00000001} is index 0). About 50 bytes a subscriber, so a million
 * subscribers and their joins fit comfortably in a default heap; objects per subscriber would
 * not. Enumerations are stored as {@link Codes} ordinals, days as epoch days, money in fen.
 * Churned subscribers stay (their index is their id) but are skipped once their month is over.
 */
final class SubscriberTable {
  static final byte ABSENT = -1;
  /** The last bill is unpaid past its due date: suspend this month. */
  static final byte UNPAID_PREV = 1;
  /** Suspended, but will pay and be reactivated next month (on {@link #paybackDay}). */
  static final byte PAYBACK = 2;
  private static final Codes.Status[] STATUSES = Codes.Status.values();

  int size;

  // --- the subscriber master (what the subscribers feed shows)
  int[] customer;
  byte[] customerType;
  /** Gender ordinal or ABSENT. */
  byte[] gender;
  /** 0 when unknown. */
  short[] birthYear;
  short[] city;
  byte[] channel;
  short[] plan;
  byte[] network;
  byte[] payment;
  byte[] vip;
  byte[] contract;
  /** 0 when no contract. */
  int[] contractEnd;
  int[] joinDate;
  byte[] status;
  int[] statusDate;
  /** ChurnReason ordinal or ABSENT. */
  byte[] churnReason;
  /** Prepaid balance in fen; -1 for postpaid (no deposit). */
  int[] deposit;
  /** Index into the msisdn prefixes or ABSENT for lines without a mobile number. */
  byte[] msisdnPrefix;

  // --- simulation state that no feed shows directly
  /** Month index in which the subscriber will churn, or -1. */
  short[] churnMonth;
  /** ChurnReason ordinal of the planned churn. */
  byte[] intentReason;
  /** {@link Signal} bits to plant before the planned churn. */
  short[] intentSignals;
  /** Last month's bill total in fen, to detect a sharp drop. */
  int[] lastBill;
  byte[] flags;
  /** Day of next month (1..20) on which a suspended subscriber pays up. */
  byte[] paybackDay;

  SubscriberTable(int initialCapacity) {
    allocate(Math.max(16, initialCapacity));
  }

  /** Appends a subscriber with every optional field absent; returns its index. */
  int add() {
    if (size == customer.length) {
      grow();
    }
    int s = size++;
    gender[s] = ABSENT;
    churnReason[s] = ABSENT;
    msisdnPrefix[s] = ABSENT;
    deposit[s] = -1;
    churnMonth[s] = -1;
    intentReason[s] = ABSENT;
    return s;
  }

  boolean has(int s, byte flag) {
    return (flags[s] & flag) != 0;
  }

  void set(int s, byte flag, boolean on) {
    flags[s] = (byte) (on ? flags[s] | flag : flags[s] & ~flag);
  }

  Codes.Status status(int s) {
    return STATUSES[status[s]];
  }

  void setStatus(int s, Codes.Status st, int day) {
    status[s] = (byte) st.ordinal();
    statusDate[s] = day;
  }

  private void allocate(int n) {
    customer = new int[n];
    customerType = new byte[n];
    gender = new byte[n];
    birthYear = new short[n];
    city = new short[n];
    channel = new byte[n];
    plan = new short[n];
    network = new byte[n];
    payment = new byte[n];
    vip = new byte[n];
    contract = new byte[n];
    contractEnd = new int[n];
    joinDate = new int[n];
    status = new byte[n];
    statusDate = new int[n];
    churnReason = new byte[n];
    deposit = new int[n];
    msisdnPrefix = new byte[n];
    churnMonth = new short[n];
    intentReason = new byte[n];
    intentSignals = new short[n];
    lastBill = new int[n];
    flags = new byte[n];
    paybackDay = new byte[n];
  }

  private void grow() {
    int n = customer.length + (customer.length >> 1) + 16;
    customer = Arrays.copyOf(customer, n);
    customerType = Arrays.copyOf(customerType, n);
    gender = Arrays.copyOf(gender, n);
    birthYear = Arrays.copyOf(birthYear, n);
    city = Arrays.copyOf(city, n);
    channel = Arrays.copyOf(channel, n);
    plan = Arrays.copyOf(plan, n);
    network = Arrays.copyOf(network, n);
    payment = Arrays.copyOf(payment, n);
    vip = Arrays.copyOf(vip, n);
    contract = Arrays.copyOf(contract, n);
    contractEnd = Arrays.copyOf(contractEnd, n);
    joinDate = Arrays.copyOf(joinDate, n);
    status = Arrays.copyOf(status, n);
    statusDate = Arrays.copyOf(statusDate, n);
    churnReason = Arrays.copyOf(churnReason, n);
    deposit = Arrays.copyOf(deposit, n);
    msisdnPrefix = Arrays.copyOf(msisdnPrefix, n);
    churnMonth = Arrays.copyOf(churnMonth, n);
    intentReason = Arrays.copyOf(intentReason, n);
    intentSignals = Arrays.copyOf(intentSignals, n);
    lastBill = Arrays.copyOf(lastBill, n);
    flags = Arrays.copyOf(flags, n);
    paybackDay = Arrays.copyOf(paybackDay, n);
  }
}
