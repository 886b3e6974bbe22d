package org.alliancechain.consensus.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.consensus.ConsensusLimits;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;

/**
 * Transactions waiting to be ordered, in arrival order, and the recently committed ones (so that a
 * replayed transaction is neither proposed nor prepared again). Both are bounded.
 */
final class Mempool implements TxPool {
  private final LinkedHashMap<Hash, Transaction> pending = new LinkedHashMap<>();
  private final LinkedHashSet<Hash> committed = new LinkedHashSet<>();
  private long additions;

  /** False when the transaction is known or the pool is full. */
  @Override
  public boolean add(Hash hash, Transaction tx) {
    if (committed.contains(hash)
        || pending.containsKey(hash)
        || pending.size() >= ConsensusLimits.PENDING_TXS_MAX) {
      return false;
    }
    pending.put(hash, tx);
    additions++;
    return true;
  }

  @Override
  public long additions() {
    return additions;
  }

  @Override
  public boolean isKnown(Hash hash) {
    return committed.contains(hash) || pending.containsKey(hash);
  }

  @Override
  public boolean isCommitted(Hash hash) {
    return committed.contains(hash);
  }

  @Override
  public boolean isEmpty() {
    return pending.isEmpty();
  }

  @Override
  public int size() {
    return pending.size();
  }

  @Override
  public void onCommitted(Block block) {
    for (Transaction tx : block.transactions()) {
      Hash hash = tx.hash();
      pending.remove(hash);
      committed.add(hash);
    }
    while (committed.size() > ConsensusLimits.COMMITTED_TX_HASHES_MAX) {
      committed.remove(committed.iterator().next());
    }
  }

  /** Up to {@code max} waiting transactions, oldest first, skipping those already in flight. */
  @Override
  public List<Transaction> batch(int max, Set<Hash> inFlight) {
    List<Transaction> batch = new ArrayList<>();
    for (Map.Entry<Hash, Transaction> e : pending.entrySet()) {
      if (batch.size() >= max) {
        break;
      }
      if (!inFlight.contains(e.getKey())) {
        batch.add(e.getValue());
      }
    }
    return batch;
  }
}
