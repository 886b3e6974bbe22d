package org.alliancechain.contracts.trust;

/**
 * The alliance's coefficients of paper eq. (2), in fixed point (10^6 = 1.0), set by the DAO: alpha
 * and gamma in [0, 10], beta in [0, 1], the acceptance threshold in [-10, 10]; {@code prior} in [0,
 * 1] stands in for a ratio with no history behind it.
 */
public record TrustParameters(long alpha, long beta, long gamma, long threshold, long prior) {
  private static final long TEN = 10 * FixedPoint.SCALE;

  public TrustParameters {
    check(alpha, 0, TEN, "alpha");
    check(beta, 0, FixedPoint.SCALE, "beta");
    check(gamma, 0, TEN, "gamma");
    check(threshold, -TEN, TEN, "threshold");
    check(prior, 0, FixedPoint.SCALE, "prior");
  }

  private static void check(long value, long min, long max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name
              + " must be in ["
              + FixedPoint.format(min)
              + ", "
              + FixedPoint.format(max)
              + "], got "
              + FixedPoint.format(value));
    }
  }

  /** A neutral default: alpha 1, beta 0.5, gamma 0.5, threshold 0.5, prior 0.5. */
  public static TrustParameters defaults() {
    long half = FixedPoint.SCALE / 2;
    return new TrustParameters(FixedPoint.SCALE, half, half, half, half);
  }
}
