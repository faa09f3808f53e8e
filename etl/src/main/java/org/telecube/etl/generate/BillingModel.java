package org.telecube.etl.generate;

import java.util.SplittableRandom;
import org.telecube.etl.generate.Codes.Charge;
import org.telecube.etl.generate.Codes.ChurnReason;
import org.telecube.etl.generate.Codes.CustomerType;
import org.telecube.etl.generate.Codes.PaymentType;
import org.telecube.etl.generate.Codes.Status;
import org.telecube.etl.generate.PlanCatalog.Plan;

/**
 * The monthly bill: the plan fee (prorated in the join and churn months, a small keep-number fee
 * while parked), usage charges beyond the plan (more roaming at Spring Festival, more data in the
 * summer), value-added services, discounts, and who pays when. Postpaid bills are due on the 20th
 * of the next month; each billing file shows payments as known at the end of that next month, so
 * unpaid lines there are genuinely past due. Prepaid charges are taken from the deposit.
 */
final class BillingModel {
  /** 停机保号 costs a few yuan a month instead of the plan fee. */
  private static final long KEEP_NUMBER_FEE = 500;
  private static final long[] TOP_UPS = {3000, 5000, 10_000, 20_000};
  private static final long[] VAS_PRICES = {500, 1000, 1500, 2000, 3000};
  private static final Charge[] USAGE_CHARGES = {Charge.VOICE, Charge.SMS, Charge.DATA, Charge.ROAMING};
  private static final Charge[] CHARGES = Charge.values();

  private final SubscriberTable t;
  private final PlanCatalog catalog;
  private final Lifecycle lifecycle;
  private final Formats formats;
  private final long seed;

  BillingModel(SubscriberTable table, PlanCatalog catalog, Lifecycle lifecycle, Formats formats,
               long seed) {
    this.t = table;
    this.catalog = catalog;
    this.lifecycle = lifecycle;
    this.formats = formats;
    this.seed = seed;
  }

  /**
   * Draws the month's charges as if the subscriber used the whole month, and how they would pay
   * if nothing else happened. Records a chance bill shock or late payment as background signals.
   */
  void draft(SubscriberMonth x) {
    int s = x.s;
    SplittableRandom r = x.rng;
    long fee = x.plan.feeCents();
    double usage = Seeds.trait(seed, s, Seeds.USAGE);
    int moy = x.mo.monthOfYear();
    switch (x.plan.line()) {
      case PlanCatalog.MOBILE -> {
        if (r.nextDouble() < 0.10 + 0.30 * usage) {
          x.addLine(Charge.VOICE, share(r, fee, 0.05, 0.3) + r.nextInt(500));
        }
        if (r.nextDouble() < 0.06) {
          x.addLine(Charge.SMS, Weighted.between(r, 10, 300));
        }
        if (r.nextDouble() < Seasonality.dataOverageChance(moy) * (0.5 + usage)) {
          x.addLine(Charge.DATA, share(r, fee, 0.1, 0.5) + r.nextInt(1000));
        }
        if (r.nextDouble() < Seasonality.roamingChance(moy) * (0.5 + usage)) {
          x.addLine(Charge.ROAMING, Math.round((share(r, fee, 0.1, 0.8) + Weighted.between(r, 500, 4000))
              * Seasonality.roamingSize(moy)));
        }
        if (Seeds.trait(seed, s, Seeds.VAS) < 0.18) {
          x.addLine(Charge.VAS, VAS_PRICES[(int) (Seeds.trait(seed, s, Seeds.VAS_AMOUNT) * VAS_PRICES.length)]);
        }
        if (r.nextDouble() < 0.02) {
          x.addLine(Charge.OTHER, Weighted.between(r, 500, 5000)); // handset instalment, SIM swap
        }
      }
      case PlanCatalog.BROADBAND -> {
        if (x.joinedThisMonth() && r.nextDouble() < 0.5) {
          x.addLine(Charge.OTHER, 10_000); // installation
        }
        if (Seeds.trait(seed, s, Seeds.VAS) < 0.05) {
          x.addLine(Charge.VAS, 1000); // IPTV
        }
      }
      case PlanCatalog.FIXED -> {
        if (r.nextDouble() < 0.35) {
          x.addLine(Charge.VOICE, share(r, fee, 0.1, 0.8) + r.nextInt(300)); // long distance
        }
      }
      default -> {
        if (r.nextDouble() < 0.01) {
          x.addLine(Charge.OTHER, Weighted.between(r, 100, 1000));
        }
      }
    }
    double discountChance = switch (CustomerType.values()[t.customerType[s]]) {
      case GROUP -> 0.6;
      case FAMILY -> 0.45;
      case INDIVIDUAL -> 0.12;
    };
    if (Seeds.trait(seed, s, Seeds.DISCOUNT) < discountChance) {
      x.addLine(Charge.DISCOUNT, -Math.round(fee * (0.05 + 0.15 * Seeds.trait(seed, s, Seeds.DISCOUNT_SHARE))));
    }
    long total = fee + sumLines(x);
    boolean shock = fee > 0 && total > 2 * fee;
    if (shock) {
      x.background |= Signal.BILL_SHOCK.bit();
    }

    // Young accounts and shocked customers are the ones who do not pay.
    int tenure = x.mo.lastDay() - x.joinDate;
    // the seeds: most subscribers cancelled for non-payment joined less than a year before
    double risk = (tenure < 365 ? 5.0 : tenure > 3 * 365 ? 0.5 : 1.0) * (shock ? 3.0 : 1.0);
    boolean prepaid = t.payment[s] == PaymentType.PREPAID.ordinal();
    double u = r.nextDouble();
    x.payNever = u < (prepaid ? 0.006 : 0.010) * risk;
    x.payLate = !prepaid && !x.payNever && u < 0.010 * risk + 0.03;
    if (x.payNever || x.payLate) {
      x.background |= Signal.ARREARS.bit();
    }
  }

  /** Applies proration and planted effects, settles payment and writes the bill lines. */
  void settle(SubscriberMonth x, FeedRows out) {
    int s = x.s;
    SplittableRandom r = x.rng;
    int days = x.mo.days();
    int usageDays = x.usageDays();
    for (Charge c : USAGE_CHARGES) {
      if (usageDays == 0) {
        x.clearLine(c);
      } else if (usageDays < days) {
        x.lines[c.ordinal()] = Math.max(1, x.lines[c.ordinal()] * usageDays / days);
      }
    }
    if (usageDays == 0) {
      x.clearLine(Charge.VAS);
    }
    if (x.billShock && usageDays > 0) {
      shock(x);
    }
    boolean retention = false;
    if (x.billDrop && !x.joinedThisMonth() && x.plan.feeCents() > 0
        && t.lastBill[s] >= x.plan.feeCents() * 8 / 10) {
      retention = drop(x);
    }

    long fee = x.plan.feeCents();
    int normalDays = x.serviceDays() - x.keepDays;
    long monthlyFee = fee * normalDays / days + Math.min(KEEP_NUMBER_FEE, fee) * x.keepDays / days;
    if (x.churnDay == 0 || monthlyFee > 0) {
      x.addLine(Charge.MONTHLY_FEE, monthlyFee);
    }
    if (retention) {
      // A retention offer: most of the fee waived for a wavering customer.
      x.clearLine(Charge.DISCOUNT);
      x.addLine(Charge.DISCOUNT, -Math.round(monthlyFee * (0.62 + 0.16 * r.nextDouble())));
    } else if (x.hasLine[Charge.DISCOUNT.ordinal()]) {
      long d = x.lines[Charge.DISCOUNT.ordinal()] * normalDays / days;
      x.clearLine(Charge.DISCOUNT);
      if (d != 0) {
        x.addLine(Charge.DISCOUNT, d);
      }
    }
    long total = sumLines(x);

    Payment pay = payment(x, total);
    if (pay.paidDay == 0 && t.status(s) == Status.ACTIVE && x.churnDay == 0) {
      t.set(s, SubscriberTable.UNPAID_PREV, true); // suspended after the due date passes
    }
    if (t.payment[s] == PaymentType.PREPAID.ordinal()) {
      updateDeposit(x, total, pay.paidDay != 0);
    }
    String month = x.mo.month().toString();
    String due = formats.date(x.mo.dueDay());
    String paidDate = pay.paidDay == 0 ? "" : formats.date(pay.paidDay);
    for (Charge c : CHARGES) {
      long amount = x.lines[c.ordinal()];
      if (!x.hasLine[c.ordinal()] || (amount == 0 && c != Charge.MONTHLY_FEE)) {
        continue;
      }
      out.write(month, x.id, x.plan.code(), c.code, Formats.amount(amount),
          Formats.amount(pay.paidDay == 0 ? 0 : amount), due, paidDate);
    }
    t.lastBill[s] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, total));
  }

  /** paidDay is 0 while the bill is unpaid. */
  private record Payment(int paidDay) {
  }

  private Payment payment(SubscriberMonth x, long total) {
    int s = x.s;
    SplittableRandom r = x.rng;
    boolean prepaid = t.payment[s] == PaymentType.PREPAID.ordinal();
    int next = x.mo.nextMonthFirstDay();
    Status status = t.status(s);
    boolean unpaid;
    if (total <= 0) {
      unpaid = false;
    } else if (x.forceUnpaid) {
      unpaid = true;
    } else if (status == Status.SUSPENDED) {
      if (t.has(s, SubscriberTable.PAYBACK)) {
        return new Payment(next + t.paybackDay[s] - 1); // pays up, then is reactivated
      }
      unpaid = true;
    } else if (x.churnDay > 0) {
      unpaid = t.churnReason[s] == ChurnReason.NONPAYMENT.ordinal();
    } else {
      unpaid = x.payNever;
      if (!unpaid && x.payLate) {
        return new Payment(x.mo.dueDay() + Weighted.between(r, 1, 7));
      }
    }
    if (unpaid) {
      return new Payment(0);
    }
    if (prepaid) {
      return new Payment(x.serviceTo()); // taken from the deposit as it is used
    }
    // Most pay early in the month by bank debit; the rest drift towards the due date.
    return new Payment(next + Math.min(r.nextInt(20), r.nextInt(20)));
  }

  private void updateDeposit(SubscriberMonth x, long total, boolean paid) {
    int s = x.s;
    SplittableRandom r = x.rng;
    long balance = Math.max(0, t.deposit[s]);
    if (paid) {
      while (balance < total) {
        balance += TOP_UPS[r.nextInt(TOP_UPS.length)];
      }
      balance -= total;
      if (r.nextDouble() < 0.1) {
        balance += TOP_UPS[r.nextInt(TOP_UPS.length)];
      }
    } else if (total > 0) {
      balance = Math.min(balance, r.nextInt((int) Math.min(Integer.MAX_VALUE, total))); // ran dry
    }
    t.deposit[s] = (int) Math.min(1_000_000, balance);
  }

  /** A bill more than twice the plan fee: a data binge, or roaming over the holidays. */
  private static void shock(SubscriberMonth x) {
    SplittableRandom r = x.rng;
    long fee = Math.max(x.plan.feeCents(), 1000);
    long extra = share(r, fee, 1.3, 2.3) + Weighted.between(r, 1000, 3000);
    Charge charge = switch (x.plan.line()) {
      case PlanCatalog.MOBILE -> Seasonality.festive(x.mo.monthOfYear()) ? Charge.ROAMING : Charge.DATA;
      case PlanCatalog.FIXED -> Charge.VOICE;
      default -> Charge.OTHER;
    };
    x.addLine(charge, extra);
  }

  /**
   * A sharp bill drop: a downgrade to a plan under 40% of last month's bill, or a retention
   * discount; either way the extras stop. Returns true when it is the retention discount.
   */
  private boolean drop(SubscriberMonth x) {
    for (Charge c : new Charge[] {Charge.VOICE, Charge.SMS, Charge.DATA, Charge.ROAMING, Charge.VAS, Charge.OTHER}) {
      x.clearLine(c);
    }
    Plan cheaper = catalog.downgrade(x.plan, t.lastBill[x.s] * 4L / 10);
    if (cheaper != null && x.rng.nextDouble() < 0.5) {
      x.clearLine(Charge.DISCOUNT); // the old plan's discount goes with it
      lifecycle.changePlan(x, cheaper);
      return false;
    }
    return true;
  }

  private static long share(SplittableRandom r, long fee, double lo, double hi) {
    return Math.round(fee * (lo + (hi - lo) * r.nextDouble()));
  }

  private static long sumLines(SubscriberMonth x) {
    long sum = 0;
    for (long v : x.lines) {
      sum += v;
    }
    return sum;
  }
}
