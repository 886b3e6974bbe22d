package org.alliancechain.contracts.trust;

/**
 * Fixed-point numbers as longs scaled by {@link #SCALE} (10^6): 1.0 is 1_000_000. Products round
 * toward negative infinity ({@link Math#floorDiv}); overflow throws rather than wraps.
 */
public final class FixedPoint {
  public static final long SCALE = 1_000_000L;

  private FixedPoint() {}

  public static long multiply(long a, long b) {
    return Math.floorDiv(Math.multiplyExact(a, b), SCALE);
  }

  /** numerator / denominator as a fixed-point ratio, floored; denominator must be positive. */
  public static long ratio(long numerator, long denominator) {
    if (denominator <= 0) {
      throw new IllegalArgumentException("denominator must be positive: " + denominator);
    }
    return Math.floorDiv(Math.multiplyExact(numerator, SCALE), denominator);
  }

  /** For display only: 750000 -> "0.750000". Never parsed back. */
  public static String format(long value) {
    String sign = value < 0 ? "-" : "";
    long abs = Math.abs(value);
    return sign + abs / SCALE + "." + String.format(java.util.Locale.ROOT, "%06d", abs % SCALE);
  }
}
