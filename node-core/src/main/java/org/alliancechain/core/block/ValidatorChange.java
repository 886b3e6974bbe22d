package org.alliancechain.core.block;

/**
 * A validator-set change the ledger decided in block {@code decidedAt}, in force from {@code
 * activationHeight} on (SPEC M-3). The ledger application computes the activation height with
 * {@link #activationHeight} and writes it into the state; every other part (the consensus replica,
 * the block executor, the light client) reads it from there and never recomputes it, so there is
 * one rule with one source (docs/consensus.md, "Validator-set changes").
 */
public record ValidatorChange(long decidedAt, long activationHeight, ValidatorSet validators) {

  public ValidatorChange {
    if (decidedAt < 0 || activationHeight <= decidedAt) {
      throw new IllegalArgumentException(
          "a change decided at " + decidedAt + " cannot take effect at " + activationHeight);
    }
  }

  /** The consensus window is two checkpoint intervals (PBFT's log size, docs/consensus.md). */
  public static long windowBlocks(long checkpointIntervalBlocks) {
    return Math.multiplyExact(2, checkpointIntervalBlocks);
  }

  /**
   * The rule: a change decided in block {@code h} takes effect at the first epoch boundary {@code
   * E} (a multiple of {@code epochBlocks}) with {@code E > h + windowBlocks}. Every block a replica
   * may already be ordering when it executes {@code h} lies at or below {@code h + windowBlocks},
   * so no block is certified by one set on some replicas and by another elsewhere.
   */
  public static long activationHeight(long decidedAt, long windowBlocks, long epochBlocks) {
    if (decidedAt < 0 || windowBlocks < 1 || epochBlocks < 1) {
      throw new IllegalArgumentException("height, window and epoch must be positive");
    }
    long after = Math.addExact(decidedAt, windowBlocks);
    return Math.multiplyExact(after / epochBlocks + 1, epochBlocks);
  }

  /** Whether a change decided at {@code decidedAt} may take effect at {@code activation}. */
  public static boolean isSafe(long decidedAt, long activation, long windowBlocks) {
    return activation > decidedAt + windowBlocks;
  }
}
