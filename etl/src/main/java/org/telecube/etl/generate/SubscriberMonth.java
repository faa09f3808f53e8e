package org.telecube.etl.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Scratch state of one subscriber in one month, shared by the models while they build that
 * subscriber's rows. One instance is reused for every subscriber (mutable on purpose: the hot loop
 * should not allocate per subscriber).
 */
final class SubscriberMonth {
  int s;
  String id;
  MonthInfo mo;
  SplittableRandom rng;
  PlanCatalog.Plan plan;
  int joinDate;

  /** First day in service this month: the 1st, or the join date for a new subscriber. */
  int serviceFrom;
  /** Day of churn this month, 0 when the subscriber does not churn this month. */
  int churnDay;
  /** Suspended or in keep-number on the month's first day. */
  boolean blockedAtStart;
  /** Day a blocked subscriber was reactivated, 0 when not. */
  int unblockDay;
  /** Day service was suspended or put into keep-number this month, 0 when not. */
  int blockFrom;
  /** Days billed at the keep-number fee instead of the plan fee. */
  int keepDays;

  /** Signals that occurred by chance this month (no churn plan behind them). */
  int background;
  /** Signals planted this month because the subscriber is going to churn. */
  int planted;
  /** EventType bits to write this month. */
  int events;
  Codes.Severity complaintSeverity = Codes.Severity.NORMAL;
  int competitorCallSec;
  /** Day of the suspend_request event when it caused a keep-number, 0 for any day. */
  int suspendRequestDay;

  /** How the bill would be paid if nothing were planted: past due, or never. */
  boolean payLate;
  boolean payNever;

  /** Planted churn plan effects on the bill. */
  boolean forceUnpaid;
  boolean billShock;
  boolean billDrop;

  /** Bill lines in fen, one slot per charge item, before proration. */
  final long[] lines = new long[Codes.Charge.values().length];
  final boolean[] hasLine = new boolean[lines.length];

  void reset(int subscriber, String subscriberId, MonthInfo month, SplittableRandom random,
             PlanCatalog.Plan currentPlan, int join) {
    s = subscriber;
    id = subscriberId;
    mo = month;
    rng = random;
    plan = currentPlan;
    joinDate = join;
    serviceFrom = Math.max(month.firstDay(), join);
    churnDay = 0;
    blockedAtStart = false;
    unblockDay = 0;
    blockFrom = 0;
    keepDays = 0;
    background = 0;
    planted = 0;
    events = 0;
    complaintSeverity = Codes.Severity.NORMAL;
    competitorCallSec = 0;
    suspendRequestDay = 0;
    payLate = false;
    payNever = false;
    forceUnpaid = false;
    billShock = false;
    billDrop = false;
    Arrays.fill(lines, 0);
    Arrays.fill(hasLine, false);
  }

  boolean joinedThisMonth() {
    return joinDate >= mo.firstDay();
  }

  /** Last day in service this month (the churn day counts: it is billed). */
  int serviceTo() {
    return churnDay > 0 ? churnDay : mo.lastDay();
  }

  int serviceDays() {
    return serviceTo() - serviceFrom + 1;
  }

  /** Events only happen strictly after joining and strictly before churning. */
  int eventFrom() {
    return Math.max(mo.firstDay(), joinDate + 1);
  }

  int eventTo() {
    return churnDay > 0 ? Math.min(mo.lastDay(), churnDay - 1) : mo.lastDay();
  }

  /** Usage additionally needs the line to be in service (not suspended, not in keep-number). */
  int usageFrom() {
    int from = eventFrom();
    if (blockedAtStart) {
      from = unblockDay > 0 ? Math.max(from, unblockDay + 1) : Integer.MAX_VALUE;
    }
    return from;
  }

  int usageTo() {
    return blockFrom > 0 ? Math.min(eventTo(), blockFrom - 1) : eventTo();
  }

  int usageDays() {
    int from = usageFrom();
    return from == Integer.MAX_VALUE ? 0 : Math.max(0, usageTo() - from + 1);
  }

  void addLine(Codes.Charge charge, long cents) {
    lines[charge.ordinal()] += cents;
    hasLine[charge.ordinal()] = true;
  }

  void clearLine(Codes.Charge charge) {
    lines[charge.ordinal()] = 0;
    hasLine[charge.ordinal()] = false;
  }
}
