package org.alliancechain.core;

/**
 * Always-on checks of internal invariants. A broken invariant means the node's own code or data is
 * wrong, so it stops the node (an {@link AssertionError} that nothing catches) rather than letting
 * a corrupted replica go on as a Byzantine one. Never use the {@code assert} keyword: it is off by
 * default.
 */
public final class Invariants {
  private Invariants() {}

  public static void check(boolean condition, String what) {
    if (!condition) {
      throw new AssertionError("invariant broken: " + what);
    }
  }
}
