package org.alliancechain.contracts.trust;

/**
 * Plain ledger-derived counts behind one trust value T(i, j). {@code direct*}: contracts between i
 * and j; {@code alliance*}: j's contracts with anyone; {@code profileScore}: j's profile
 * completeness or committee rating in [0, 10^6]; {@code risk}: the risk of sharing this resource
 * type with j in [0, 10^6] (an alliance table).
 */
public record TrustInputs(
    long directCompleted,
    long directCancelled,
    long directDisputed,
    long allianceCompleted,
    long allianceCancelled,
    long allianceDisputed,
    long profileScore,
    long risk) {

  public TrustInputs {
    if (directCompleted < 0
        || directCancelled < 0
        || directDisputed < 0
        || allianceCompleted < 0
        || allianceCancelled < 0
        || allianceDisputed < 0) {
      throw new IllegalArgumentException("contract counts are non-negative");
    }
    if (profileScore < 0
        || profileScore > FixedPoint.SCALE
        || risk < 0
        || risk > FixedPoint.SCALE) {
      throw new IllegalArgumentException("profileScore and risk are in [0, 1]");
    }
  }
}
