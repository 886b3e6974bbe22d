package org.alliancechain.cli.node;

/**
 * Caps the transactions this node proposes in one block by how fast it executed recent blocks, so
 * that no block keeps the consensus thread busy for long: blocks execute on that thread, and while
 * the primary executes a block of 800 contract transactions for seconds it proposes nothing, and
 * the backups' request timers run out (a view change of a 10-validator alliance under `sharing`,
 * docs/benchmarks.md, session 8). Transfers execute in microseconds and are never capped below
 * {@code batch-tx-max}.
 *
 * <p>The cap only shapes what the primary proposes; replicas accept any block up to {@code
 * batch-tx-max}, so nodes need not agree on it and the wall clock it reads never reaches the
 * ledger. Thread-safe: the consensus thread both records and asks.
 */
final class ExecutionBudget {
  /** Blocks are never capped below this many transactions. */
  static final int TXS_MIN = 32;

  /** Weight of a new block's measurement in the running mean (1 / 2^EWMA_SHIFT). */
  static final int EWMA_SHIFT = 2;

  private final long blockNanosTarget;
  private long nanosPerTx; // running mean; 0 until a non-empty block was executed

  /**
   * @param blockNanosTarget how long executing one block should take at most
   */
  ExecutionBudget(long blockNanosTarget) {
    if (blockNanosTarget <= 0) {
      throw new IllegalArgumentException("the target must be positive");
    }
    this.blockNanosTarget = blockNanosTarget;
  }

  /** For a view-change timeout: a fifth of it, leaving the backups' timers room to spare. */
  static ExecutionBudget forViewChangeTimeout(long timeoutMillis) {
    return new ExecutionBudget(Math.max(1, timeoutMillis) * 1_000_000L / 5);
  }

  /** Records that a block of {@code txs} transactions took {@code nanos} to execute and commit. */
  synchronized void executed(int txs, long nanos) {
    if (txs <= 0 || nanos < 0) {
      return;
    }
    long sample = Math.max(1, nanos / txs);
    nanosPerTx = nanosPerTx == 0 ? sample : nanosPerTx + ((sample - nanosPerTx) >> EWMA_SHIFT);
  }

  /** The transactions to propose at most, given the protocol's own maximum. */
  synchronized int txMax(int max) {
    if (nanosPerTx == 0) {
      return max;
    }
    long fits = blockNanosTarget / nanosPerTx;
    return (int) Math.min(max, Math.max(Math.min(TXS_MIN, max), fits));
  }

  /** The running mean in nanoseconds per transaction (0 before any block), for tests and logs. */
  synchronized long nanosPerTx() {
    return nanosPerTx;
  }
}
