package org.telecube.etl.generate;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the run's seed. Each subscriber-month gets its own
 * stream, so a subscriber's data does not shift when another subscriber draws one more number,
 * and stable per-subscriber traits are pure functions of (seed, subscriber).
 */
final class Seeds {
  static final long BASE = 0x42A5E1L;
  static final long JOINS = 0x10125L;
  static final long SUBSCRIBER_MONTH = 0x5B5C21BEL;
  static final long TRAIT = 0x7EA175L;

  /** Stable per-subscriber traits, each a uniform number in [0, 1). */
  static final int USAGE = 1;
  static final int VAS = 2;
  static final int VAS_AMOUNT = 3;
  static final int DISCOUNT = 4;
  static final int DISCOUNT_SHARE = 5;
  static final int VIP_NOISE = 6;

  private Seeds() {
  }

  /** SplitMix64's finaliser: a bijective scrambler of 64-bit values. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  static SplittableRandom stream(long seed, long stream, int index) {
    return new SplittableRandom(mix(mix(mix(seed) ^ stream) + index));
  }

  static SplittableRandom subscriberMonth(long seed, int subscriber, int monthIndex) {
    return new SplittableRandom(mix(mix(mix(seed) ^ SUBSCRIBER_MONTH) + subscriber) + monthIndex);
  }

  static double trait(long seed, int subscriber, int trait) {
    long bits = mix(mix(mix(mix(seed) ^ TRAIT) + subscriber) + trait);
    return (bits >>> 11) * 0x1.0p-53;
  }
}
