package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.mempool.Mempool;
import org.alliancechain.core.tx.Transaction;

/**
 * Finds the senders whose transactions wait here without progress, so the node can gossip them
 * again. A transaction goes to the peers once, when it is admitted; if that frame was lost on the
 * way to the primary (a link down, or the primary's admission queue full), the primary cannot
 * propose it nor anything of that sender after it, and before this only a view change (10 s and
 * more) moved it on (docs/benchmarks.md, session 5). Checked once a period: a sender whose next
 * committed nonce has a transaction waiting here and did not move since the last check is stalled;
 * its waiting run from that nonce is sent again, at most {@link #RUN_TXS_MAX} transactions per
 * sender and {@link #PERIOD_TXS_MAX} in all. Peers drop what they already hold. A sender that
 * commits once a period or more often is never re-sent.
 */
final class StalledSenders {
  /** One gossip batch per stalled sender at most. */
  static final int RUN_TXS_MAX = 500;

  /** Transactions re-sent per period at most, over all senders. */
  static final int PERIOD_TXS_MAX = 5_000;

  private final Mempool mempool;
  private Map<PublicKey, Long> lastReady = Map.of();

  StalledSenders(Mempool mempool) {
    this.mempool = mempool;
  }

  /** Called once a period (one thread): the runs to gossip again, one list per stalled sender. */
  List<List<Transaction>> check() {
    Map<PublicKey, Long> ready = mempool.readySenders();
    List<List<Transaction>> runs = new ArrayList<>();
    int budget = PERIOD_TXS_MAX;
    for (Map.Entry<PublicKey, Long> e : ready.entrySet()) {
      if (budget == 0) {
        break;
      }
      if (e.getValue().equals(lastReady.get(e.getKey()))) {
        List<Transaction> run =
            mempool.run(e.getKey(), e.getValue(), Math.min(RUN_TXS_MAX, budget));
        if (!run.isEmpty()) {
          budget -= run.size();
          runs.add(run);
        }
      }
    }
    lastReady = ready;
    return runs;
  }
}
