package org.telecube.etl.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.telecube.warehouse.reference.Product;
import org.telecube.warehouse.reference.ReferenceData;

/**
 * The product catalogue as the generator sees it. Plans are chosen by business line, network type
 * and monthly fee only, never by plan code, because the shipped catalogue is expected to change.
 */
final class PlanCatalog {
  static final String MOBILE = "mobile";
  static final String BROADBAND = "broadband";
  static final String FIXED = "fixed";
  static final String VAS = "vas";
  /** The network types of the feed contract; plans may add others, appended after these. */
  private static final List<String> STANDARD_NETWORKS =
      List.of("2g", "3g", "4g", "5g", "ftth", "adsl", "pstn");
  /** Share of subscribers per business line; lines missing from the catalogue drop out. */
  private static final Map<String, Double> LINE_MIX =
      Map.of(MOBILE, 0.80, BROADBAND, 0.12, FIXED, 0.05, VAS, 0.03);
  private static final double OTHER_LINE_SHARE = 0.01;
  /** Where the typical subscriber's plan sits relative to the median list price. */
  private static final double SWEET_SPOT = 0.75;

  /** One plan; fees in fen (cents) so billing stays in exact integer arithmetic. */
  record Plan(int index, String code, String line, String networkType, long feeCents) {
  }

  private final List<Plan> plans;
  private final List<String> lines;
  private final double[] lineWeights;
  private final Map<String, List<Plan>> byLine = new LinkedHashMap<>();
  private final Map<String, List<Plan>> mobileByNetwork = new LinkedHashMap<>();
  private final List<String> networks = new ArrayList<>(STANDARD_NETWORKS);

  private PlanCatalog(List<Product> products) {
    if (products.isEmpty()) {
      throw new IllegalStateException("the reference data has no plans to assign subscribers to");
    }
    List<Plan> list = new ArrayList<>();
    for (Product p : products) {
      String network = p.networkType() == null ? "" : p.networkType();
      Plan plan = new Plan(list.size(), p.planCode(), p.businessLine(), network,
          p.monthlyFee().movePointRight(2).longValue());
      list.add(plan);
      byLine.computeIfAbsent(plan.line(), k -> new ArrayList<>()).add(plan);
      if (!network.isEmpty() && !networks.contains(network)) {
        networks.add(network);
      }
      if (MOBILE.equals(plan.line()) && !network.isEmpty()) {
        mobileByNetwork.computeIfAbsent(network, k -> new ArrayList<>()).add(plan);
      }
    }
    if (list.size() > Short.MAX_VALUE || networks.size() > Byte.MAX_VALUE) {
      throw new IllegalStateException("the product catalogue is too large for the generator");
    }
    this.plans = List.copyOf(list);
    this.lines = List.copyOf(byLine.keySet());
    this.lineWeights = lines.stream().mapToDouble(l -> LINE_MIX.getOrDefault(l, OTHER_LINE_SHARE)).toArray();
  }

  static PlanCatalog of(ReferenceData reference) {
    return new PlanCatalog(reference.products());
  }

  Plan plan(int index) {
    return plans.get(index);
  }

  String network(int index) {
    return networks.get(index);
  }

  int networkIndex(String code) {
    int i = networks.indexOf(code);
    if (i < 0) {
      throw new IllegalArgumentException("unknown network type " + code);
    }
    return i;
  }

  boolean hasLine(String line) {
    return byLine.containsKey(line);
  }

  /**
   * Draws a business line from the base mix, each weight scaled by the caller's factor
   * (factors for lines the catalogue lacks are ignored).
   */
  String pickLine(SplittableRandom rng, double mobile, double broadband, double fixed, double vas) {
    double[] w = new double[lines.size()];
    for (int i = 0; i < w.length; i++) {
      String line = lines.get(i);
      double factor = switch (line) {
        case MOBILE -> mobile;
        case BROADBAND -> broadband;
        case FIXED -> fixed;
        case VAS -> vas;
        default -> 1.0;
      };
      w[i] = lineWeights[i] * factor;
    }
    int i = Weighted.pick(rng, w);
    return i < 0 ? lines.get(0) : lines.get(i);
  }

  /**
   * A mobile plan: first the network (5G with the given share, a small legacy 2G/3G tail, 4G for
   * the rest), then a plan on it whose fee suits the subscriber.
   *
   * @param feeFactor above 1 for subscribers who buy pricier plans than the median
   */
  Plan pickMobile(SplittableRandom rng, double share5g, double shareLegacy, double feeFactor) {
    double[] w = new double[4];
    String[] nets = {"5g", "4g", "3g", "2g"};
    w[0] = share5g;
    w[2] = shareLegacy * 0.6;
    w[3] = shareLegacy * 0.4;
    w[1] = Math.max(0.0, 1.0 - w[0] - w[2] - w[3]);
    for (int i = 0; i < nets.length; i++) {
      if (!mobileByNetwork.containsKey(nets[i])) {
        w[i] = 0;
      }
    }
    int i = Weighted.pick(rng, w);
    List<Plan> candidates = i >= 0 ? mobileByNetwork.get(nets[i]) : byLine.get(MOBILE);
    if (candidates == null) {
      return pickPlan(rng, firstLine(), feeFactor);
    }
    return byFee(rng, candidates, feeFactor);
  }

  /** A plan of the given line whose fee suits the subscriber. */
  Plan pickPlan(SplittableRandom rng, String line, double feeFactor) {
    List<Plan> candidates = byLine.get(line);
    if (candidates == null) {
      candidates = plans;
    }
    return byFee(rng, candidates, feeFactor);
  }

  /** The 5G plan an upgrading 4G/3G/2G subscriber moves to (a modest upsell), or null. */
  Plan upgradeTo5g(Plan current) {
    List<Plan> fiveG = mobileByNetwork.get("5g");
    if (fiveG == null || "5g".equals(current.networkType())) {
      return null;
    }
    double target = Math.max(current.feeCents(), 100) * 1.3;
    return fiveG.stream()
        .min(Comparator.comparingDouble(p -> Math.abs(StrictMath.log(Math.max(p.feeCents(), 100) / target))))
        .orElse(null);
  }

  /**
   * The dearest plan of the same line costing at most maxFee (preferring the same network), or
   * null when the catalogue has nothing cheaper.
   */
  Plan downgrade(Plan current, long maxFeeCents) {
    Plan sameNetwork = null;
    Plan any = null;
    for (Plan p : byLine.get(current.line())) {
      if (p.feeCents() > maxFeeCents || p.feeCents() >= current.feeCents()) {
        continue;
      }
      if (any == null || p.feeCents() > any.feeCents()) {
        any = p;
      }
      if (p.networkType().equals(current.networkType())
          && (sameNetwork == null || p.feeCents() > sameNetwork.feeCents())) {
        sameNetwork = p;
      }
    }
    return sameNetwork != null ? sameNetwork : any;
  }

  private String firstLine() {
    return lines.get(0);
  }

  /**
   * Plans a little below the median price are the most popular; the fee factor shifts the sweet
   * spot per subscriber. Weight falls off with the log-distance of a plan's fee from the target.
   */
  private static Plan byFee(SplittableRandom rng, List<Plan> candidates, double feeFactor) {
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    long[] fees = candidates.stream().mapToLong(p -> Math.max(p.feeCents(), 100)).sorted().toArray();
    double target = fees[fees.length / 2] * SWEET_SPOT * feeFactor;
    double[] w = new double[candidates.size()];
    for (int i = 0; i < w.length; i++) {
      double d = Math.abs(StrictMath.log(Math.max(candidates.get(i).feeCents(), 100) / target));
      w[i] = 1.0 / ((1 + 3 * d) * (1 + 3 * d));
    }
    return candidates.get(Weighted.pick(rng, w));
  }

  @Override
  public String toString() {
    return "PlanCatalog" + Arrays.toString(plans.stream().map(Plan::code).toArray());
  }
}
