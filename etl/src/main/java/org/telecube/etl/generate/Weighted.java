package org.telecube.etl.generate;

import java.util.SplittableRandom;

/** Draws from small discrete distributions. */
final class Weighted {
  private Weighted() {
  }

  /** An index drawn with probability proportional to its weight; -1 when all weights are 0. */
  static int pick(SplittableRandom rng, double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    if (total <= 0) {
      return -1;
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0 && weights[i] > 0) {
        return i;
      }
    }
    for (int i = weights.length - 1; i >= 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    return -1;
  }

  /** Uniform integer in [lo, hi]. */
  static int between(SplittableRandom rng, int lo, int hi) {
    return hi <= lo ? lo : lo + rng.nextInt(hi - lo + 1);
  }

  /** Log-normal with the given median and log-space spread. */
  static double logNormal(SplittableRandom rng, double median, double sigma) {
    return median * StrictMath.exp(sigma * gaussian(rng));
  }

  /**
   * Standard normal by Box-Muller. Not RandomGenerator.nextGaussian, whose algorithm is a JDK
   * detail; StrictMath, so every JVM computes the same bits and files stay byte-identical.
   */
  static double gaussian(SplittableRandom rng) {
    double u = 1.0 - rng.nextDouble();
    double v = rng.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
  }
}
