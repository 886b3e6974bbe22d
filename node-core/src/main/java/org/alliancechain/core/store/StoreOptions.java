package org.alliancechain.core.store;

/**
 * How a store is run.
 *
 * @param stateVersionsKept how many recent state versions (heights) stay readable and provable; at
 *     height h, versions below {@code h - stateVersionsKept + 1} are pruned in the same batch that
 *     commits h. At least 1 (the head).
 */
public record StoreOptions(long stateVersionsKept) {
  public StoreOptions {
    if (stateVersionsKept < 1) {
      throw new IllegalArgumentException("keep at least the head state version");
    }
  }

  public static StoreOptions defaults() {
    return new StoreOptions(StoreLimits.STATE_VERSIONS_KEPT_DEFAULT);
  }
}
