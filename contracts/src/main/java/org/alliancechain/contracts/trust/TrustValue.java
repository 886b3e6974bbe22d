package org.alliancechain.contracts.trust;

/**
 * T(i, j) of paper eq. (2) with everything that went into it, for display (SPEC M-9). All values
 * are fixed point (10^6 = 1.0).
 */
public record TrustValue(
    long value,
    long directTrust,
    long reputation,
    long risk,
    TrustParameters parameters,
    TrustInputs inputs) {

  public boolean trusted() {
    return value >= parameters.threshold();
  }

  /** One line a user can check by hand. */
  public String explain() {
    return "T = alpha * (beta * R_d + (1 - beta) * R_r) - gamma * R_i = "
        + FixedPoint.format(parameters.alpha())
        + " * ("
        + FixedPoint.format(parameters.beta())
        + " * "
        + FixedPoint.format(directTrust)
        + " + "
        + FixedPoint.format(FixedPoint.SCALE - parameters.beta())
        + " * "
        + FixedPoint.format(reputation)
        + ") - "
        + FixedPoint.format(parameters.gamma())
        + " * "
        + FixedPoint.format(risk)
        + " = "
        + FixedPoint.format(value)
        + (trusted() ? " >= " : " < ")
        + "threshold "
        + FixedPoint.format(parameters.threshold())
        + "; R_d from "
        + inputs.directCompleted()
        + " completed, "
        + inputs.directCancelled()
        + " cancelled, "
        + inputs.directDisputed()
        + " disputed; R_r from "
        + inputs.allianceCompleted()
        + "/"
        + inputs.allianceCancelled()
        + "/"
        + inputs.allianceDisputed()
        + " alliance-wide and profile "
        + FixedPoint.format(inputs.profileScore());
  }
}
