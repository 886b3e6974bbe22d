package org.alliancechain.cli.node;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.alliancechain.consensus.ConsensusLimits;
import org.alliancechain.consensus.core.TxPool;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.mempool.Mempool;
import org.alliancechain.core.tx.Transaction;

/**
 * The replica's pool is the node's one mempool (before, consensus kept a second copy of every
 * waiting transaction, in arrival order, and proposed in that order, which can put a sender's nonce
 * n + 1 before n and fail it with nonce_gap). Admission (signature, chain id, nonces, the
 * application's checks) happens in {@link Node}; proposals take each sender's consecutive nonces.
 *
 * <p>The hashes of committed transactions are kept here, bounded, because the replica learns of a
 * commit before the node executes the block and removes its transactions from the mempool. Only the
 * driver thread calls this class.
 */
final class NodeTxPool implements TxPool {
  private final Mempool mempool;
  private final LinkedHashSet<Hash> committed = new LinkedHashSet<>();
  private final Predicate<Hash> inChain;

  NodeTxPool(Mempool mempool) {
    this(mempool, hash -> false);
  }

  /**
   * With {@code inChain}, the node's transaction index: the bounded set above forgets old commits
   * and starts empty after a restart, so without the index a Byzantine primary could re-propose a
   * transaction committed (as failed, its nonce unused) long ago, and replicas would accept it
   * (reliability finding 3).
   */
  NodeTxPool(Mempool mempool, Predicate<Hash> inChain) {
    this.mempool = mempool;
    this.inChain = inChain;
  }

  @Override
  public boolean add(Hash hash, Transaction tx) {
    // Transactions reach the replica after the node admitted them; the replica's own (evidence)
    // go through the same admission.
    return !committed.contains(hash) && (mempool.contains(hash) || mempool.add(tx).isOk());
  }

  @Override
  public boolean isKnown(Hash hash) {
    return committed.contains(hash) || mempool.contains(hash) || inChain.test(hash);
  }

  @Override
  public boolean isCommitted(Hash hash) {
    return committed.contains(hash) || inChain.test(hash);
  }

  /**
   * Empty when nothing is proposable: a sender's transactions behind a nonce gap are not work the
   * primary can do, and must not keep the replicas' progress timers (view changes) running.
   */
  @Override
  public boolean isEmpty() {
    return mempool.size() == 0 || mempool.proposable(1, committed::contains).isEmpty();
  }

  @Override
  public int size() {
    return mempool.size();
  }

  @Override
  public long additions() {
    return mempool.additions();
  }

  @Override
  public void onCommitted(Block block) {
    for (Transaction tx : block.transactions()) {
      committed.add(tx.hash());
    }
    while (committed.size() > ConsensusLimits.COMMITTED_TX_HASHES_MAX) {
      committed.remove(committed.iterator().next());
    }
  }

  @Override
  public List<Transaction> batch(int max, Set<Hash> inFlight) {
    return mempool.proposable(max, h -> inFlight.contains(h) || committed.contains(h));
  }
}
