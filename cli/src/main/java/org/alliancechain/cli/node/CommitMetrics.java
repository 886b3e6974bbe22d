package org.alliancechain.cli.node;

import java.time.Clock;
import java.util.ArrayDeque;
import org.alliancechain.core.block.Block;
import org.alliancechain.p2p.metrics.MetricsRegistry;

/**
 * Commit figures for /metrics (SPEC M-31). Commit latency is block-time based: from the block's
 * timestamp (the primary's clock when it proposed the block) to the moment this node committed it,
 * so it covers the three PBFT phases and execution, plus any clock offset between the two nodes
 * (bounded by the block-time drift parameter). Transactions per second are averaged over the last
 * {@link #TPS_WINDOW_MILLIS} of commits.
 */
final class CommitMetrics {
  static final long TPS_WINDOW_MILLIS = 10_000;
  static final int TPS_WINDOW_BLOCKS_MAX = 100_000;
  static final long[] LATENCY_BOUNDS_MILLIS = {
    5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000
  };

  private final Clock clock;
  private final MetricsRegistry.Histogram latency;
  private final MetricsRegistry.Counter transactions;
  // (commit time, transactions) of recent blocks; guarded by this.
  private final ArrayDeque<long[]> recent = new ArrayDeque<>();
  private long recentTransactions;

  CommitMetrics(MetricsRegistry metrics, Clock clock) {
    this.clock = clock;
    this.latency =
        metrics.histogram(
            "alliance_commit_latency_milliseconds",
            "block time (proposal) to commit on this node",
            LATENCY_BOUNDS_MILLIS);
    this.transactions =
        metrics.counter("alliance_transactions_committed_total", "transactions committed");
    metrics.gauge(
        "alliance_transactions_per_second",
        "transactions committed per second over the last 10 s",
        this::perSecond);
  }

  /** Called once per committed block, from the consensus thread. */
  void onCommitted(Block block) {
    long now = clock.millis();
    latency.observe(Math.max(0, now - block.header().timestampMillis()));
    int count = block.transactions().size();
    transactions.add(count);
    synchronized (this) {
      recent.addLast(new long[] {now, count});
      recentTransactions += count;
      trim(now);
    }
  }

  private synchronized long perSecond() {
    trim(clock.millis());
    return recentTransactions * 1_000 / TPS_WINDOW_MILLIS;
  }

  private void trim(long now) {
    while (!recent.isEmpty()
        && (now - recent.peekFirst()[0] > TPS_WINDOW_MILLIS
            || recent.size() > TPS_WINDOW_BLOCKS_MAX)) {
      recentTransactions -= recent.pollFirst()[1];
    }
  }
}
