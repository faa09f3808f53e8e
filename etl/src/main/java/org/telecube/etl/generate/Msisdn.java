package org.telecube.etl.generate;

/**
 * Mobile numbers: a real-looking 3-digit prefix and an 8-digit suffix that is a bijection of the
 * subscriber index (multiplication by a unit modulo 10^8), so numbers are unique without a set of
 * issued numbers in memory.
 */
final class Msisdn {
  static final String[] PREFIXES = {
      "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
      "150", "151", "152", "153", "155", "156", "157", "158", "159",
      "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
      "191", "193", "195", "196", "197", "198", "199"};
  private static final long MODULUS = 100_000_000L;
  /** Odd and not a multiple of 5, hence invertible modulo 10^8. */
  private static final long MULTIPLIER = 73_939_133L;

  private final long offset;

  Msisdn(long seed) {
    this.offset = Math.floorMod(Seeds.mix(seed ^ 0x3551D5EEDL), MODULUS);
  }

  String of(int subscriber, int prefix) {
    long suffix = (MULTIPLIER * subscriber + offset) % MODULUS;
    String digits = Long.toString(suffix);
    StringBuilder b = new StringBuilder(11).append(PREFIXES[prefix]);
    for (int i = digits.length(); i < 8; i++) {
      b.append('0');
    }
    return b.append(digits).toString();
  }
}
