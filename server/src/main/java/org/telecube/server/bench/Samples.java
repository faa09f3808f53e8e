package org.telecube.server.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Timed runs of one case in milliseconds: the median and the 95th percentile (nearest rank), or
 * none ({@link #FAILED}) when the case could not run.
 */
public record Samples(int count, double p50, double p95) {
  public static final Samples FAILED = new Samples(0, Double.NaN, Double.NaN);

  public static Samples of(double... millis) {
    if (millis.length == 0) {
      return FAILED;
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Samples(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95));
  }

  public static Samples of(List<Double> millis) {
    return of(millis.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** The nearest-rank percentile: the smallest sample with at least {@code q} of them at or below it. */
  private static double rank(double[] sorted, double q) {
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  public boolean failed() {
    return count == 0;
  }

  /** One run, then {@code runs} timed ones (the first warms caches and the JIT). */
  public static Samples time(int warmups, int runs, Work work) throws Exception {
    for (int i = 0; i < warmups; i++) {
      work.run();
    }
    double[] times = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      work.run();
      times[i] = (System.nanoTime() - t) / 1e6;
    }
    return of(times);
  }

  /** A unit of timed work. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }
}
