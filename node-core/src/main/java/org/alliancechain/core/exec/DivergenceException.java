package org.alliancechain.core.exec;

import org.alliancechain.core.hash.Hash;

/**
 * A certified block names a state root for a height that differs from the root this node computed
 * for it: this node's state has diverged from the quorum's (or the quorum's from the rules). The
 * node must stop, not go on as a Byzantine replica (STYLE.md 6); nothing of the block was written.
 */
public final class DivergenceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long blockHeight;
  private final long executedHeight;
  private final transient Hash named;
  private final transient Hash ours;

  public DivergenceException(long blockHeight, long executedHeight, Hash named, Hash ours) {
    super(
        "state diverged: block "
            + blockHeight
            + " names root "
            + named
            + " for height "
            + executedHeight
            + ", this node has "
            + ours);
    this.blockHeight = blockHeight;
    this.executedHeight = executedHeight;
    this.named = named;
    this.ours = ours;
  }

  public long blockHeight() {
    return blockHeight;
  }

  public long executedHeight() {
    return executedHeight;
  }

  public Hash named() {
    return named;
  }

  public Hash ours() {
    return ours;
  }
}
