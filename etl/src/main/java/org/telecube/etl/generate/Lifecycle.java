package org.telecube.etl.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.telecube.etl.generate.Codes.ChurnReason;
import org.telecube.etl.generate.Codes.ContractType;
import org.telecube.etl.generate.Codes.PaymentType;
import org.telecube.etl.generate.Codes.Status;
import org.telecube.etl.generate.PlanCatalog.Plan;

/**
 * A subscriber's status and contract over the month: carrying out a planned churn, suspension for
 * an unpaid bill and reactivation after paying, keep-number (停机保号) and its end, contract
 * renewals, and 4G to 5G migration. At most one status change per month besides joining, so
 * status_date always names the change the snapshot shows.
 */
final class Lifecycle {
  /** Monthly chance a keep-number subscriber without a churn plan comes back. */
  private static final double KEEP_NUMBER_RETURN = 0.09;
  private static final double CONTRACT_RENEWAL = 0.55;
  /** A suspend request usually ends in keep-number; the rest are talked out of it. */
  private static final double REQUEST_TO_KEEP_NUMBER = 0.55;

  private final SubscriberTable t;
  private final PlanCatalog catalog;
  private final Enrolment enrolment;

  Lifecycle(SubscriberTable table, PlanCatalog catalog, Enrolment enrolment) {
    this.t = table;
    this.catalog = catalog;
    this.enrolment = enrolment;
  }

  /** Changes that take effect early in the month, before anything is billed or used. */
  void startOfMonth(SubscriberMonth x) {
    int s = x.s;
    MonthInfo mo = x.mo;
    SplittableRandom r = x.rng;
    Status st = t.status(s);
    x.blockedAtStart = !x.joinedThisMonth() && (st == Status.SUSPENDED || st == Status.KEEP_NUMBER);

    if (t.churnMonth[s] == mo.index()) {
      int lo = x.eventFrom();
      if (lo > mo.lastDay()) {
        t.churnMonth[s]++; // joined on the month's last day: leaves next month
      } else {
        churn(x, st, lo);
        return;
      }
    }
    renewContract(x);
    switch (st) {
      case SUSPENDED -> {
        if (x.blockedAtStart && t.has(s, SubscriberTable.PAYBACK)) {
          int day = mo.firstDay() + t.paybackDay[s] - 1;
          t.setStatus(s, Status.ACTIVE, day);
          t.set(s, SubscriberTable.PAYBACK, false);
          x.unblockDay = day;
        }
      }
      case KEEP_NUMBER -> {
        if (x.blockedAtStart && t.churnMonth[s] < 0 && r.nextDouble() < KEEP_NUMBER_RETURN) {
          int day = Weighted.between(r, mo.firstDay() + 1, mo.lastDay());
          t.setStatus(s, Status.ACTIVE, day);
          x.unblockDay = day;
          x.keepDays = day - mo.firstDay();
        } else {
          x.keepDays = x.serviceDays();
        }
      }
      case ACTIVE -> {
        if (t.has(s, SubscriberTable.UNPAID_PREV)) {
          suspendForArrears(x);
        } else {
          migrate(x);
        }
      }
      default -> { }
    }
  }

  private void churn(SubscriberMonth x, Status st, int earliest) {
    int s = x.s;
    ChurnReason reason = ChurnReason.values()[t.intentReason[s]];
    int lo = earliest;
    int end = t.contractEnd[s];
    if (end >= lo && end <= x.mo.lastDay()) {
      lo = end; // people leave when the contract runs out, not before
    }
    if (reason == ChurnReason.NONPAYMENT) {
      lo = Math.max(lo, Math.min(x.mo.lastDay(), x.mo.firstDay() + 9)); // after the dunning letters
    }
    x.churnDay = Weighted.between(x.rng, lo, x.mo.lastDay());
    t.setStatus(s, Status.CHURNED, x.churnDay);
    t.churnReason[s] = (byte) reason.ordinal();
    t.set(s, (byte) (SubscriberTable.UNPAID_PREV | SubscriberTable.PAYBACK), false);
    if (st == Status.KEEP_NUMBER && x.blockedAtStart) {
      x.keepDays = x.serviceDays();
    }
  }

  /** Unpaid past the 20th: service is suspended a few days later. */
  private void suspendForArrears(SubscriberMonth x) {
    int s = x.s;
    MonthInfo mo = x.mo;
    t.set(s, SubscriberTable.UNPAID_PREV, false);
    int day = Weighted.between(x.rng, mo.firstDay() + 20, Math.min(mo.firstDay() + 27, mo.lastDay()));
    t.setStatus(s, Status.SUSPENDED, day);
    x.blockFrom = day;
    boolean defaulting = t.churnMonth[s] >= 0 && t.intentReason[s] == ChurnReason.NONPAYMENT.ordinal();
    if (!defaulting) {
      t.set(s, SubscriberTable.PAYBACK, true);
      t.paybackDay[s] = (byte) Weighted.between(x.rng, 1, 20);
    }
  }

  private void renewContract(SubscriberMonth x) {
    int s = x.s;
    int end = t.contractEnd[s];
    if (end == 0 || end < x.mo.firstDay() || end > x.mo.lastDay()) {
      return;
    }
    if (x.rng.nextDouble() < CONTRACT_RENEWAL) {
      ContractType ct = ContractType.values()[t.contract[s]];
      t.contractEnd[s] = (int) LocalDate.ofEpochDay(end).plusMonths(ct.months).toEpochDay();
    } else {
      t.contract[s] = (byte) ContractType.NONE.ordinal();
      t.contractEnd[s] = 0;
    }
  }

  /** 4G users move to 5G a little faster every month; 2G/3G stragglers faster still. */
  private void migrate(SubscriberMonth x) {
    int s = x.s;
    if (x.joinedThisMonth() || !PlanCatalog.MOBILE.equals(x.plan.line()) || t.churnMonth[s] >= 0) {
      return;
    }
    String network = x.plan.networkType();
    double p = "4g".equals(network) ? 0.010 + 0.0004 * x.mo.index()
        : "3g".equals(network) || "2g".equals(network) ? 0.02 : 0.0;
    if (p == 0 || x.rng.nextDouble() >= p) {
      return;
    }
    Plan target = catalog.upgradeTo5g(x.plan);
    if (target == null) {
      return;
    }
    changePlan(x, target);
    if (t.payment[s] == PaymentType.POSTPAID.ordinal() && t.contract[s] == 0 && x.rng.nextDouble() < 0.3) {
      ContractType ct = x.rng.nextDouble() < 0.5 ? ContractType.ONE_YEAR : ContractType.TWO_YEARS;
      t.contract[s] = (byte) ct.ordinal();
      t.contractEnd[s] = (int) LocalDate.ofEpochDay(x.mo.firstDay()).plusMonths(ct.months).toEpochDay();
    }
  }

  /** A plan change is effective from the 1st: the whole month is billed on the new plan. */
  void changePlan(SubscriberMonth x, Plan target) {
    int s = x.s;
    t.plan[s] = (short) target.index();
    if (!target.networkType().isEmpty()) {
      t.network[s] = (byte) catalog.networkIndex(target.networkType());
    }
    t.vip[s] = enrolment.vipLevel(s, target, x.mo.firstDay());
    x.plan = target;
  }

  /** Chance events decided after the month's service events are known. */
  void afterEvents(SubscriberMonth x) {
    if ((x.events & Codes.EventType.SUSPEND_REQUEST.bit()) != 0
        && x.rng.nextDouble() < REQUEST_TO_KEEP_NUMBER) {
      enterKeepNumber(x, 0);
    }
    if (t.status(x.s) == Status.KEEP_NUMBER) {
      x.background |= Signal.KEEP_NUMBER.bit();
    }
  }

  /**
   * Puts an active subscriber into keep-number on a day of this month (any day when 0); the
   * suspend request that asked for it is logged the same day. Returns whether it happened.
   */
  boolean enterKeepNumber(SubscriberMonth x, int day) {
    int s = x.s;
    if (t.status(s) != Status.ACTIVE || x.blockedAtStart || x.blockFrom > 0 || x.unblockDay > 0
        || x.churnDay > 0 || x.eventFrom() > x.eventTo()) {
      return false;
    }
    int d = day > 0 ? day : Weighted.between(x.rng, x.eventFrom(), x.eventTo());
    t.setStatus(s, Status.KEEP_NUMBER, d);
    x.blockFrom = d;
    x.keepDays = x.mo.lastDay() - d + 1;
    x.suspendRequestDay = d;
    return true;
  }
}
