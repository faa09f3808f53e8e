package org.telecube.etl.generate;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.telecube.etl.generate.Codes.Channel;
import org.telecube.etl.generate.Codes.ContractType;
import org.telecube.etl.generate.Codes.CustomerType;
import org.telecube.etl.generate.Codes.Gender;
import org.telecube.etl.generate.Codes.PaymentType;
import org.telecube.etl.generate.Codes.Status;
import org.telecube.etl.generate.PlanCatalog.Plan;

/**
 * The subscriber population model: who joins, when, where, on which plan. Creates customers
 * (individuals with one or two lines, families with a handful, groups with many) and their
 * subscribers, first the base that exists before the first month, then each month's new joins.
 */
final class Enrolment {
  /** Base join dates reach back this far; recent years are more likely (older lines have churned). */
  private static final int BASE_HISTORY_DAYS = 3652;
  private static final double BASE_AGE_SCALE_DAYS = 4 * 365.25;
  /** Gross adds per month as a share of the base, before seasonality. */
  private static final double JOIN_RATE = 0.02;
  /** 5G launched commercially in China on 2019-11-01. */
  private static final int FIVE_G_LAUNCH = (int) LocalDate.of(2019, 11, 1).toEpochDay();

  private final long seed;
  private final Geography geography;
  private final PlanCatalog catalog;
  private final SubscriberTable t;
  private final MonthInfo firstMonth;
  private int customers;

  Enrolment(long seed, Geography geography, PlanCatalog catalog, SubscriberTable table,
            MonthInfo firstMonth) {
    this.seed = seed;
    this.geography = geography;
    this.catalog = catalog;
    this.t = table;
    this.firstMonth = firstMonth;
  }

  /** Creates {@code n} subscribers who joined before the first month. */
  void createBase(int n) {
    SplittableRandom r = Seeds.stream(seed, Seeds.BASE, 0);
    int dayBefore = firstMonth.firstDay() - 1;
    double tail = 1 - StrictMath.exp(-BASE_HISTORY_DAYS / BASE_AGE_SCALE_DAYS);
    while (t.size < n) {
      CustomerType type = customerType(r);
      int members = Math.min(memberCount(type, r), n - t.size);
      // Truncated exponential age: the longer ago, the fewer of those subscribers are left.
      int age = (int) (-BASE_AGE_SCALE_DAYS * StrictMath.log(1 - r.nextDouble() * tail));
      addCustomer(r, type, members, dayBefore - age, dayBefore, -1);
    }
  }

  /** Creates this month's new subscribers; returns how many joined. */
  int joinDuring(MonthInfo mo, int activeBase) {
    SplittableRandom r = Seeds.stream(seed, Seeds.JOINS, mo.index());
    int target = (int) Math.round(activeBase * JOIN_RATE * Seasonality.joins(mo.monthOfYear())
        * (0.9 + 0.2 * r.nextDouble()));
    int added = 0;
    while (added < target) {
      CustomerType type = customerType(r);
      int members = Math.min(memberCount(type, r), target - added);
      int join = mo.firstDay() + r.nextInt(mo.days());
      addCustomer(r, type, members, join, mo.lastDay(), mo.index());
      added += members;
    }
    return added;
  }

  private static CustomerType customerType(SplittableRandom r) {
    double u = r.nextDouble();
    return u < 0.88 ? CustomerType.INDIVIDUAL : u < 0.97 ? CustomerType.FAMILY : CustomerType.GROUP;
  }

  /** Group customers hold many lines, families a few, individuals one (sometimes two). */
  private static int memberCount(CustomerType type, SplittableRandom r) {
    return switch (type) {
      case INDIVIDUAL -> r.nextDouble() < 0.1 ? 2 : 1;
      case FAMILY -> 2 + Weighted.pick(r, 0.40, 0.35, 0.18, 0.07);
      case GROUP -> Math.min(80, 3 + (int) Weighted.logNormal(r, 5, 1.0));
    };
  }

  private void addCustomer(SplittableRandom r, CustomerType type, int members, int join,
                           int latestJoin, int monthIndex) {
    int customer = ++customers;
    int city = geography.pick(r);
    Channel channel = channel(r, type, join);
    for (int k = 0; k < members; k++) {
      int memberJoin = join;
      if (k > 0) {
        // Families add lines over time, groups over years; new customers sign up together.
        int spread = monthIndex >= 0 ? 5 : type == CustomerType.GROUP ? 700 : 300;
        memberJoin = Math.min(latestJoin, join + r.nextInt(spread + 1));
      }
      int memberCity = type == CustomerType.GROUP && r.nextDouble() < 0.15 ? geography.pick(r) : city;
      Channel memberChannel = r.nextDouble() < 0.8 ? channel : channel(r, type, memberJoin);
      addSubscriber(r, customer, type, k, memberCity, memberChannel, memberJoin, monthIndex);
    }
  }

  /** Online sales grow year by year; group lines are sold by account managers (agents). */
  private static Channel channel(SplittableRandom r, CustomerType type, int join) {
    if (type == CustomerType.GROUP) {
      return Channel.values()[Weighted.pick(r, 0.30, 0.55, 0.05, 0.10)];
    }
    int year = LocalDate.ofEpochDay(join).getYear();
    double online = Math.max(0.08, Math.min(0.38, 0.10 + 0.025 * (year - 2015)));
    return Channel.values()[Weighted.pick(r, 0.62 - online, 0.26, online, 0.12)];
  }

  private void addSubscriber(SplittableRandom r, int customer, CustomerType type, int member,
                             int city, Channel channel, int join, int monthIndex) {
    int s = t.add();
    t.customer[s] = customer;
    t.customerType[s] = (byte) type.ordinal();
    t.city[s] = (short) city;
    t.channel[s] = (byte) channel.ordinal();
    t.joinDate[s] = join;
    t.setStatus(s, Status.ACTIVE, join);

    int joinYear = LocalDate.ofEpochDay(join).getYear();
    int age = ageAtJoin(r, type, member);
    boolean corporateLine = type == CustomerType.GROUP && r.nextDouble() < 0.35;
    if (!corporateLine) {
      int g = Weighted.pick(r, 0.495, 0.475, 0.02, 0.01);
      t.gender[s] = g == 3 ? SubscriberTable.ABSENT : (byte) g;
      t.birthYear[s] = r.nextDouble() < 0.03 ? 0 : (short) (joinYear - age);
    } else if (r.nextDouble() < 0.3) {
      t.gender[s] = (byte) Gender.U.ordinal();
    }

    double usage = Seeds.trait(seed, s, Seeds.USAGE);
    boolean child = age < 18;
    boolean senior = age >= 58;
    String line = child ? PlanCatalog.MOBILE
        : catalog.pickLine(r, 1.0, type == CustomerType.FAMILY && member == 0 ? 4.0 : 1.0,
            senior ? 3.0 : type == CustomerType.GROUP ? 1.5 : 1.0, 1.0);
    if (!catalog.hasLine(line)) {
      line = catalog.pickLine(r, 1, 1, 1, 1);
    }
    double feeFactor = feeFactor(age, type, usage);
    double share5g = monthIndex < 0
        ? (join < FIVE_G_LAUNCH ? 0.30 : 0.50)
        : Math.min(0.85, 0.58 + 0.012 * monthIndex);
    if (senior) {
      share5g *= 0.6;
    }
    double legacy = (monthIndex < 0 ? 0.05 : 0.02) * (senior ? 3 : 1);
    Plan plan = PlanCatalog.MOBILE.equals(line)
        ? catalog.pickMobile(r, share5g, legacy, feeFactor)
        : catalog.pickPlan(r, line, feeFactor);
    t.plan[s] = (short) plan.index();
    String network = plan.networkType().isEmpty()
        ? (r.nextDouble() < share5g ? "5g" : "4g") // value-added services ride on a mobile line
        : plan.networkType();
    t.network[s] = (byte) catalog.networkIndex(network);
    boolean mobileNumber = PlanCatalog.MOBILE.equals(plan.line()) || PlanCatalog.VAS.equals(plan.line());
    if (mobileNumber) {
      t.msisdnPrefix[s] = (byte) r.nextInt(Msisdn.PREFIXES.length);
    }

    PaymentType payment = payment(r, type, plan, age, mobileNumber);
    t.payment[s] = (byte) payment.ordinal();
    if (payment == PaymentType.PREPAID) {
      t.deposit[s] = (int) Math.min(200_000, Weighted.logNormal(r, 6000, 0.7));
    }
    contract(r, s, type, plan, payment, join, monthIndex < 0);
    t.vip[s] = vipLevel(s, plan, firstMonth.firstDay());
    t.lastBill[s] = (int) plan.feeCents();
  }

  private static int ageAtJoin(SplittableRandom r, CustomerType type, int member) {
    if (type == CustomerType.FAMILY && member > 0) {
      double u = r.nextDouble();
      if (u < 0.25) {
        return Weighted.between(r, 8, 17);
      }
      if (u < 0.45) {
        return Weighted.between(r, 58, 82);
      }
    }
    double mean = type == CustomerType.GROUP ? 37 : 36;
    double sd = type == CustomerType.GROUP ? 9 : 14;
    return (int) Math.max(16, Math.min(82, Math.round(mean + sd * Weighted.gaussian(r))));
  }

  /** Young adults buy bigger plans, seniors cheap ones; heavy users and businesses pay more. */
  private static double feeFactor(int age, CustomerType type, double usage) {
    double byAge = age < 18 ? 0.6 : age < 25 ? 1.2 : age < 35 ? 1.25 : age < 50 ? 1.1 : age < 60 ? 0.9 : 0.65;
    double byType = type == CustomerType.GROUP ? 1.15 : type == CustomerType.FAMILY ? 1.1 : 1.0;
    return byAge * byType * (0.8 + 0.4 * usage);
  }

  private static PaymentType payment(SplittableRandom r, CustomerType type, Plan plan, int age,
                                     boolean mobileNumber) {
    double prepaid;
    if (!mobileNumber) {
      prepaid = 0.12;
    } else {
      prepaid = switch (type) {
        case INDIVIDUAL -> age < 30 ? 0.6 : 0.48;
        case FAMILY -> 0.25;
        case GROUP -> 0.05;
      };
    }
    if (plan.feeCents() >= 15_000) {
      prepaid *= 0.5;
    }
    return r.nextDouble() < prepaid ? PaymentType.PREPAID : PaymentType.POSTPAID;
  }

  /** Contracts come with subsidised handsets, broadband installs and group deals. */
  private void contract(SplittableRandom r, int s, CustomerType type, Plan plan,
                        PaymentType payment, int join, boolean base) {
    double p;
    if (payment == PaymentType.PREPAID) {
      p = 0.03;
    } else {
      p = switch (plan.line()) {
        case PlanCatalog.MOBILE -> "5g".equals(plan.networkType()) ? 0.45 : 0.25;
        case PlanCatalog.BROADBAND -> 0.55;
        case PlanCatalog.FIXED -> 0.10;
        default -> 0.0;
      };
      if (type == CustomerType.GROUP) {
        p += 0.25;
      }
    }
    if (r.nextDouble() >= p) {
      return;
    }
    double twoYears = type == CustomerType.GROUP ? 0.2 : PlanCatalog.BROADBAND.equals(plan.line()) ? 0.4 : 0.55;
    ContractType ct = r.nextDouble() < twoYears ? ContractType.TWO_YEARS : ContractType.ONE_YEAR;
    LocalDate end = LocalDate.ofEpochDay(join).plusMonths(ct.months);
    // Base contracts have been renewed term after term: the current term ends after the start.
    while (base && end.toEpochDay() < firstMonth.firstDay()) {
      end = end.plusMonths(ct.months);
    }
    t.contract[s] = (byte) ct.ordinal();
    t.contractEnd[s] = (int) end.toEpochDay();
  }

  /**
   * VIP level from the expected ARPU (plan fee lifted by the subscriber's usage appetite), a
   * loyalty bonus for tenure and some noise: the operator grades on revenue, with judgement.
   */
  byte vipLevel(int s, Plan plan, int asOfDay) {
    double arpu = plan.feeCents() / 100.0 * (1 + 0.35 * Seeds.trait(seed, s, Seeds.USAGE))
        + (t.customerType[s] == CustomerType.GROUP.ordinal() ? 15 : 0);
    double tenureYears = Math.max(0, asOfDay - t.joinDate[s]) / 365.25;
    double score = arpu * (1 + 0.04 * Math.min(10, tenureYears))
        * (0.8 + 0.45 * Seeds.trait(seed, s, Seeds.VIP_NOISE));
    int level = score >= 300 ? 3 : score >= 170 ? 2 : score >= 75 ? 1 : 0;
    return (byte) level;
  }
}
