package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.mempool.Mempool;
import org.alliancechain.core.tx.Transaction;

/**
 * Finds the senders whose transactions wait here while the chain moves on without them, so the node
 * can gossip them again. A transaction goes to the peers once, when it is admitted; if that frame
 * was lost on the way to the primary (a link down, or the primary's admission queue full), the
 * primary cannot propose it nor anything of that sender after it, and before this only a view
 * change (10 s and more) moved it on (docs/benchmarks.md, session 5).
 *
 * <p>Checked once a period with the committed height. A sender is stalled when its next committed
 * nonce has a transaction waiting here and that nonce did not move for {@link #STALL_PERIODS_MIN}
 * periods while at least {@link #STALL_BLOCKS_MIN} blocks were committed: every block takes from
 * every sender the primary holds, so the primary lacks that transaction (a gossip that is merely
 * slow arrives within a few blocks). Its waiting run from that nonce is sent again, at most {@link
 * #RUN_TXS_MAX} per sender and {@link #PERIOD_TXS_MAX} in all; a sender sent again at the same
 * nonce waits twice as many periods each time (up to {@link #BACKOFF_PERIODS_MAX}). While no block
 * commits, consensus itself is stalled and nothing is sent: re-sending then only loads the peers.
 * (At 7 validators a first version, which re-sent after one period and one block, sent 200,000
 * transactions per node in 80 s.)
 */
final class StalledSenders {
  /** One gossip batch per stalled sender at most. */
  static final int RUN_TXS_MAX = 500;

  /** Transactions re-sent per period at most, over all senders. */
  static final int PERIOD_TXS_MAX = 5_000;

  /** A sender's next nonce must stay put this many periods... */
  static final int STALL_PERIODS_MIN = 3;

  /** ...while this many blocks were committed, for the sender to count as stalled. */
  static final int STALL_BLOCKS_MIN = 3;

  /** A sender re-sent at the same nonce again and again waits at most this many periods. */
  static final int BACKOFF_PERIODS_MAX = 32;

  // Where a ready sender's next nonce was first seen at its present value.
  private record Since(long nonce, long period, long height) {}

  private record Resent(long nonce, long period, int waitPeriods) {}

  private final Mempool mempool;
  private long period;
  private final Map<PublicKey, Since> since = new HashMap<>();
  private final Map<PublicKey, Resent> resent = new HashMap<>();

  StalledSenders(Mempool mempool) {
    this.mempool = mempool;
  }

  /**
   * Called once a period (one thread) with the committed height: the runs to gossip again, one list
   * per stalled sender.
   */
  List<List<Transaction>> check(long committedHeight) {
    period++;
    Map<PublicKey, Long> ready = mempool.readySenders();
    since.keySet().retainAll(ready.keySet());
    resent.keySet().retainAll(ready.keySet());
    List<List<Transaction>> runs = new ArrayList<>();
    int budget = PERIOD_TXS_MAX;
    for (Map.Entry<PublicKey, Long> e : ready.entrySet()) {
      PublicKey sender = e.getKey();
      long nonce = e.getValue();
      Since first = since.get(sender);
      if (first == null || first.nonce() != nonce) {
        since.put(sender, new Since(nonce, period, committedHeight));
        continue;
      }
      if (budget == 0
          || period - first.period() < STALL_PERIODS_MIN
          || committedHeight - first.height() < STALL_BLOCKS_MIN) {
        continue;
      }
      Resent last = resent.get(sender);
      int wait = 1;
      if (last != null && last.nonce() == nonce) {
        if (period - last.period() < last.waitPeriods()) {
          continue;
        }
        wait = Math.min(BACKOFF_PERIODS_MAX, last.waitPeriods() * 2);
      }
      List<Transaction> run = mempool.run(sender, nonce, Math.min(RUN_TXS_MAX, budget));
      if (!run.isEmpty()) {
        budget -= run.size();
        runs.add(run);
        resent.put(sender, new Resent(nonce, period, wait));
      }
    }
    return runs;
  }
}
