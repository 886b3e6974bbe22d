package org.alliancechain.core.store;

/** Limits and defaults of the RocksDB store, in one place. */
public final class StoreLimits {
  /** The layout version this code reads and writes; bump it on any incompatible change. */
  public static final int SCHEMA_VERSION = 1;

  /** State versions (heights) kept for reads and proofs by default; older ones are pruned. */
  public static final long STATE_VERSIONS_KEPT_DEFAULT = 1_000;

  /** Decoded state tree nodes kept in memory (each well under 1 KiB for typical values). */
  public static final int STATE_NODE_CACHE_ENTRIES_MAX = 200_000;

  /** Off-chain resources are stored in chunks of this size, so none is ever loaded whole. */
  public static final int RESOURCE_CHUNK_BYTES = 256 * 1024;

  /** Largest off-chain resource. */
  public static final long RESOURCE_BYTES_MAX = 4L * 1024 * 1024 * 1024;

  public static final int CONSENSUS_KEY_BYTES_MAX = 1024;
  public static final int CONSENSUS_VALUE_BYTES_MAX = 16 * 1024 * 1024;

  /** Most entries one consensus-area scan returns. */
  public static final int CONSENSUS_SCAN_COUNT_MAX = 100_000;

  /** Most problems a consistency check collects before it stops listing them. */
  public static final int CHECK_PROBLEMS_MAX = 100;

  static {
    if (RESOURCE_CHUNK_BYTES > CONSENSUS_VALUE_BYTES_MAX || STATE_VERSIONS_KEPT_DEFAULT < 1) {
      throw new ExceptionInInitializerError("inconsistent store limits");
    }
  }

  private StoreLimits() {}
}
