package org.telecube.etl.generate;

/**
 * Calendar effects, indexed by month of year (1 = January). Spring Festival (January/February)
 * drives travel and roaming, the summer holidays drive data use, and the operators' big sales
 * campaigns (spring and back-to-school) drive gross adds in March and September.
 */
final class Seasonality {
  private static final double[] JOINS =
      {0, 0.85, 0.75, 1.30, 1.00, 0.95, 0.95, 1.00, 1.05, 1.35, 0.95, 1.00, 0.85};
  private static final double[] ROAMING_CHANCE =
      {0, 0.10, 0.12, 0.03, 0.02, 0.03, 0.02, 0.05, 0.05, 0.02, 0.05, 0.02, 0.02};
  private static final double[] ROAMING_SIZE =
      {0, 1.6, 1.7, 1.0, 1.0, 1.0, 1.0, 1.2, 1.2, 1.0, 1.1, 1.0, 1.0};
  private static final double[] DATA_VOLUME =
      {0, 1.08, 1.12, 0.97, 0.97, 0.98, 1.02, 1.22, 1.25, 1.00, 1.03, 0.98, 1.00};
  private static final double[] DATA_OVERAGE =
      {0, 0.12, 0.14, 0.11, 0.11, 0.12, 0.14, 0.21, 0.23, 0.12, 0.13, 0.11, 0.12};
  /** Competitors' campaigns pull subscribers away when the market is busiest. */
  private static final double[] CHURN =
      {0, 0.95, 1.05, 1.15, 1.0, 0.95, 0.95, 0.95, 1.0, 1.15, 1.0, 0.95, 0.9};

  private Seasonality() {
  }

  static double joins(int monthOfYear) {
    return JOINS[monthOfYear];
  }

  static double roamingChance(int monthOfYear) {
    return ROAMING_CHANCE[monthOfYear];
  }

  static double roamingSize(int monthOfYear) {
    return ROAMING_SIZE[monthOfYear];
  }

  static double dataVolume(int monthOfYear) {
    return DATA_VOLUME[monthOfYear];
  }

  static double dataOverageChance(int monthOfYear) {
    return DATA_OVERAGE[monthOfYear];
  }

  static double churn(int monthOfYear) {
    return CHURN[monthOfYear];
  }

  /** Spring Festival travel: voice calls made while roaming. */
  static boolean festive(int monthOfYear) {
    return monthOfYear == 1 || monthOfYear == 2;
  }
}
