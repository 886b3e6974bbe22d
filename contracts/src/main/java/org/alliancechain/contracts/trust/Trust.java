package org.alliancechain.contracts.trust;

/**
 * Paper eq. (2): {@code T(i,j) = alpha * (beta * R_d + (1 - beta) * R_r) - gamma * R_i}, in fixed
 * point, deterministic (it decides who a competitive request reaches, SPEC M-7, M-9).
 *
 * <ul>
 *   <li>R_d = completed / (completed + cancelled + disputed) over i's contracts with j, or the
 *       prior when there are none;
 *   <li>R_r = (alliance-wide success ratio of j, same formula, + profile score) / 2;
 *   <li>R_i = the risk input.
 * </ul>
 *
 * Each product is floored, so the result is at most a few millionths below the exact value.
 */
public final class Trust {
  private Trust() {}

  public static TrustValue compute(TrustInputs inputs, TrustParameters parameters) {
    long direct =
        successRatio(
            inputs.directCompleted(),
            inputs.directCancelled(),
            inputs.directDisputed(),
            parameters.prior());
    long alliance =
        successRatio(
            inputs.allianceCompleted(),
            inputs.allianceCancelled(),
            inputs.allianceDisputed(),
            parameters.prior());
    long reputation = Math.floorDiv(alliance + inputs.profileScore(), 2);
    long beta = parameters.beta();
    long blended =
        Math.floorDiv(
            Math.addExact(
                Math.multiplyExact(beta, direct),
                Math.multiplyExact(FixedPoint.SCALE - beta, reputation)),
            FixedPoint.SCALE);
    long value =
        FixedPoint.multiply(parameters.alpha(), blended)
            - FixedPoint.multiply(parameters.gamma(), inputs.risk());
    return new TrustValue(value, direct, reputation, inputs.risk(), parameters, inputs);
  }

  static long successRatio(long completed, long cancelled, long disputed, long prior) {
    long total = Math.addExact(Math.addExact(completed, cancelled), disputed);
    return total == 0 ? prior : FixedPoint.ratio(completed, total);
  }
}
