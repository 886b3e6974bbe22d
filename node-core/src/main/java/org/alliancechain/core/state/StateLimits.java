package org.alliancechain.core.state;

/** Limits of the authenticated state, in one place. */
public final class StateLimits {
  /** Longest application key. Keys are hashed into the tree, so this only bounds storage. */
  public static final int KEY_BYTES_MAX = 1024;

  /** Largest value; large off-chain resources belong in the resource store, not in state. */
  public static final int VALUE_BYTES_MAX = 1024 * 1024;

  /** Tree depth: one level per bit of a SHA-256 key hash. */
  public static final int DEPTH_MAX = 256;

  /** Changes in one update (a block's state diff). */
  public static final int CHANGES_MAX = 1_000_000;

  private StateLimits() {}
}
