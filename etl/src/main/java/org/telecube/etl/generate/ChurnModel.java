package org.telecube.etl.generate;

import java.util.SplittableRandom;
import org.telecube.etl.generate.Codes.ChurnReason;
import org.telecube.etl.generate.Codes.CustomerType;
import org.telecube.etl.generate.Codes.EventType;
import org.telecube.etl.generate.Codes.PaymentType;
import org.telecube.etl.generate.Codes.Severity;
import org.telecube.etl.generate.Codes.Status;
import org.telecube.etl.generate.Codes.VipLevel;

/**
 * Who leaves, why, and what it looks like beforehand. Each month an undecided subscriber may
 * decide to leave in one or two months (a monthly hazard raised by risk factors and by the
 * warning signals that happened to them this month). The decision comes with a reason and a set
 * of signals typical of it, which are then planted in the months before the churn: competitor
 * churners call competitors' service lines and ask about porting out, non-payers stop paying and
 * get suspended, natural churners park their number or ask for a suspension. That is what makes
 * "signals in month m" predict "churned in month m+1" in the files.
 */
final class ChurnModel {
  /** Monthly chance of deciding to leave for a plain, signal-free subscriber. */
  private static final double BASE_HAZARD = 0.018;
  private static final double MAX_HAZARD = 0.5;
  /** Chance each planned signal shows in the month right before the churn, and two months before. */
  private static final double PLANT_LAST_MONTH = 0.8;
  private static final double PLANT_EARLIER = 0.45;
  /** Contract ending within this many days after the month's end counts as a signal. */
  static final int CONTRACT_END_WINDOW = 60;

  private final SubscriberTable t;
  private final Lifecycle lifecycle;
  private final long seed;

  ChurnModel(SubscriberTable table, Lifecycle lifecycle, long seed) {
    this.t = table;
    this.lifecycle = lifecycle;
    this.seed = seed;
  }

  /**
   * The base did not start from a clean slate: some subscribers are already suspended or parked
   * in keep-number, and some have already decided to leave in the first or second month.
   */
  void primeBase(int baseSize, MonthInfo first) {
    SplittableRandom r = Seeds.stream(seed, Seeds.BASE, 1);
    int dayBefore = first.firstDay() - 1;
    for (int s = 0; s < baseSize; s++) {
      double u = r.nextDouble();
      double v = r.nextDouble();
      int join = t.joinDate[s];
      if (u < 0.012 && join < dayBefore - 30) {
        t.setStatus(s, Status.KEEP_NUMBER, Weighted.between(r, Math.max(join + 1, dayBefore - 240), dayBefore));
        if (v < 0.08) {
          intend(s, ChurnReason.NATURAL, r.nextDouble() < 0.5 ? 0 : 1, Signal.KEEP_NUMBER.bit());
        }
      } else if (u < 0.019 && join < dayBefore - 60) {
        t.setStatus(s, Status.SUSPENDED, Weighted.between(r, dayBefore - 9, dayBefore));
        // long-standing customers usually settle; the young ones leave (as the seeds' case study found)
        if (u < 0.016 || (join < dayBefore - 365 && r.nextDouble() < 0.7)) {
          t.set(s, SubscriberTable.PAYBACK, true);
          t.paybackDay[s] = (byte) Weighted.between(r, 1, 20);
        } else {
          intend(s, ChurnReason.NONPAYMENT, r.nextDouble() < 0.6 ? 0 : 1, Signal.ARREARS.bit());
        }
      } else if (v < 0.010) {
        intend(s, reason(r, s, 0, first.lastDay()), 0, 0);
      } else if (v < 0.016) {
        ChurnReason reason = reason(r, s, 0, first.lastDay());
        intend(s, reason, 1, signalsFor(r, s, reason));
      }
    }
  }

  /** Monthly decision for a subscriber with no churn plan yet. */
  void consider(SubscriberMonth x) {
    int s = x.s;
    if (t.churnMonth[s] >= 0 || x.churnDay > 0 || x.joinedThisMonth()
        || t.status(s) == Status.SUSPENDED) {
      return; // already decided, gone, too new, or in the dunning process
    }
    int visible = x.background | contractSignal(s, x.mo);
    SplittableRandom r = x.rng;
    if (r.nextDouble() >= hazard(x, visible)) {
      return;
    }
    ChurnReason reason = reason(r, s, visible, x.mo.lastDay());
    int ahead;
    if (reason == ChurnReason.NONPAYMENT) {
      ahead = r.nextDouble() < 0.7 ? 2 : 3; // stop paying, get suspended, then get cut off
    } else if (Signal.CONTRACT_END.in(visible) && reason == ChurnReason.COMPETITOR) {
      ahead = t.contractEnd[s] <= x.mo.lastDay() + 31 ? 1 : 2; // leave when the contract ends
    } else {
      ahead = r.nextDouble() < 0.65 ? 1 : 2;
    }
    intend(s, reason, x.mo.index() + ahead, signalsFor(r, s, reason));
  }

  /** Plants this month's share of the signals of a pending churn plan. */
  void plant(SubscriberMonth x) {
    int s = x.s;
    int ahead = t.churnMonth[s] - x.mo.index();
    if (t.churnMonth[s] < 0 || ahead <= 0 || x.churnDay > 0) {
      return;
    }
    SplittableRandom r = x.rng;
    double p = ahead == 1 ? PLANT_LAST_MONTH : PLANT_EARLIER;
    int planned = t.intentSignals[s];
    for (Signal signal : Signal.values()) {
      if (!signal.in(planned)) {
        continue;
      }
      // Non-payers stop paying for good; everything else shows up now and then.
      if (signal != Signal.ARREARS && r.nextDouble() >= p) {
        continue;
      }
      if (apply(x, signal)) {
        x.planted |= signal.bit();
      }
    }
  }

  private boolean apply(SubscriberMonth x, Signal signal) {
    SplittableRandom r = x.rng;
    switch (signal) {
      case SERIOUS_COMPLAINT -> {
        x.events |= EventType.COMPLAINT.bit();
        x.complaintSeverity = Severity.SERIOUS;
      }
      case COMPETITOR_CALL -> {
        x.events |= EventType.COMPETITOR_SERVICE_CALL.bit();
        x.competitorCallSec = Math.max(x.competitorCallSec, Weighted.between(r, 75, 900));
      }
      case CALL_FORWARD -> x.events |= EventType.CALL_FORWARD_COMPETITOR.bit();
      case PORT_OUT -> x.events |= EventType.PORT_OUT_INQUIRY.bit();
      case SUSPEND_REQUEST -> x.events |= EventType.SUSPEND_REQUEST.bit();
      case KEEP_NUMBER -> {
        if (!lifecycle.enterKeepNumber(x, 0)) {
          return t.status(x.s) == Status.KEEP_NUMBER;
        }
        if (r.nextDouble() < 0.5) {
          x.events |= EventType.SUSPEND_REQUEST.bit();
        }
      }
      case BILL_SHOCK -> x.billShock = true;
      case BILL_DROP -> x.billDrop = true;
      case ARREARS -> x.forceUnpaid = true;
      default -> {
        return false;
      }
    }
    return true;
  }

  private void intend(int s, ChurnReason reason, int month, int signals) {
    t.churnMonth[s] = (short) month;
    t.intentReason[s] = (byte) reason.ordinal();
    t.intentSignals[s] = (short) signals;
  }

  static int contractSignal(SubscriberTable t, int s, MonthInfo mo) {
    int end = t.contractEnd[s];
    return end > 0 && end >= mo.lastDay() && end - mo.lastDay() <= CONTRACT_END_WINDOW
        ? Signal.CONTRACT_END.bit() : 0;
  }

  private int contractSignal(int s, MonthInfo mo) {
    return contractSignal(t, s, mo);
  }

  /** Monthly probability of deciding to leave. */
  private double hazard(SubscriberMonth x, int visible) {
    int s = x.s;
    double h = BASE_HAZARD * Seasonality.churn(x.mo.monthOfYear());
    boolean prepaid = t.payment[s] == PaymentType.PREPAID.ordinal();
    h *= switch (x.plan.line()) {
      case PlanCatalog.MOBILE -> prepaid ? 1.5 : 0.9;
      case PlanCatalog.BROADBAND -> 0.8;
      case PlanCatalog.FIXED -> 1.2;
      case PlanCatalog.VAS -> 1.8;
      default -> 1.0;
    };
    int tenure = x.mo.lastDay() - t.joinDate[s];
    h *= tenure < 365 ? 1.5 : tenure < 730 ? 1.2 : tenure > 1826 ? 0.7 : 1.0;
    if (t.customerType[s] == CustomerType.GROUP.ordinal()) {
      h *= 0.55;
    } else if (t.customerType[s] == CustomerType.FAMILY.ordinal()) {
      h *= 0.75;
    }
    if (t.vip[s] >= VipLevel.KEY.ordinal()) {
      h *= 0.6;
    }
    if (Signal.CONTRACT_END.in(visible)) {
      h *= 3.5;
    } else if (t.contractEnd[s] > 0) {
      h *= 0.35; // leaving mid-contract costs a penalty
    }
    h *= factor(visible, Signal.KEEP_NUMBER, 4.0) * factor(visible, Signal.BILL_SHOCK, 2.5)
        * factor(visible, Signal.SERIOUS_COMPLAINT, 4.0) * factor(visible, Signal.COMPETITOR_CALL, 5.0)
        * factor(visible, Signal.CALL_FORWARD, 6.0) * factor(visible, Signal.SUSPEND_REQUEST, 4.0)
        * factor(visible, Signal.PORT_OUT, 6.0) * factor(visible, Signal.ARREARS, 1.5);
    return Math.min(MAX_HAZARD, h);
  }

  private static double factor(int mask, Signal signal, double f) {
    return signal.in(mask) ? f : 1.0;
  }

  /** Why they leave, given what has been going on. */
  private ChurnReason reason(SplittableRandom r, int s, int visible, int asOfDay) {
    double natural = 0.38;
    double nonpayment = 0.10;
    double competitor = 0.45;
    double accidental = 0.04;
    int tenure = asOfDay - t.joinDate[s];
    nonpayment *= tenure < 365 ? 10.0 : tenure > 3 * 365 ? 0.15 : 0.6;
    if (Signal.CONTRACT_END.in(visible)) {
      competitor *= 3;
    }
    if ((visible & (Signal.COMPETITOR_CALL.bit() | Signal.CALL_FORWARD.bit() | Signal.PORT_OUT.bit())) != 0) {
      competitor *= 6;
    }
    if ((visible & (Signal.KEEP_NUMBER.bit() | Signal.SUSPEND_REQUEST.bit())) != 0) {
      natural *= 5;
    }
    if (Signal.BILL_SHOCK.in(visible)) {
      nonpayment *= 2;
      natural *= 1.5;
    }
    if (Signal.SERIOUS_COMPLAINT.in(visible)) {
      competitor *= 2;
      natural *= 1.5;
    }
    return ChurnReason.values()[Weighted.pick(r, natural, nonpayment, competitor, accidental)];
  }

  /** The warning signs typical of each reason; accidental churn (death, emigration) has none. */
  private int signalsFor(SplittableRandom r, int s, ChurnReason reason) {
    boolean mobile = t.msisdnPrefix[s] >= 0;
    int bits = 0;
    switch (reason) {
      case COMPETITOR -> {
        bits |= pick(r, 0.55, Signal.COMPETITOR_CALL) | pick(r, mobile ? 0.25 : 0, Signal.CALL_FORWARD)
            | pick(r, mobile ? 0.45 : 0, Signal.PORT_OUT) | pick(r, 0.2, Signal.SERIOUS_COMPLAINT)
            | pick(r, 0.15, Signal.BILL_DROP);
      }
      case NATURAL -> {
        bits |= pick(r, 0.35, Signal.KEEP_NUMBER) | pick(r, 0.3, Signal.SUSPEND_REQUEST)
            | pick(r, 0.2, Signal.BILL_SHOCK) | pick(r, 0.2, Signal.SERIOUS_COMPLAINT)
            | pick(r, 0.2, Signal.BILL_DROP);
      }
      case NONPAYMENT -> bits |= Signal.ARREARS.bit() | pick(r, 0.3, Signal.BILL_SHOCK);
      default -> { }
    }
    return bits;
  }

  private static int pick(SplittableRandom r, double p, Signal signal) {
    return r.nextDouble() < p ? signal.bit() : 0;
  }
}
