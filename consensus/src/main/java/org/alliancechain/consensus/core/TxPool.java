package org.alliancechain.consensus.core;

import java.util.List;
import java.util.Set;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;

/**
 * The transactions a replica may propose (the port to a node's one mempool). The replica reads it
 * and records commits in it only from its own thread. The simulator and the tests use {@link
 * #inMemory}, which depends on nothing but the inputs the replica saw, so runs replay from their
 * seed; a node passes its node-core mempool, so that a transaction is pooled, checked and held once
 * per node, and proposals follow each sender's nonce order.
 */
public interface TxPool {
  /** False when the transaction is known (pooled or committed) or the pool is full. */
  boolean add(Hash hash, Transaction tx);

  boolean isKnown(Hash hash);

  boolean isCommitted(Hash hash);

  boolean isEmpty();

  int size();

  void onCommitted(Block block);

  /**
   * How many transactions were ever added (accepted by {@link #add} or, in a node, by its own
   * admission). The primary searches its pool for a batch again only when this count, its view, its
   * last commit or the next sequence number moved: an empty search walks every pooled transaction
   * in flight, and it used to run on every message (docs/benchmarks.md, session 7).
   */
  long additions();

  /** Up to {@code max} transactions for a proposal, skipping those already in flight. */
  List<Transaction> batch(int max, Set<Hash> inFlight);

  /** A pool of the transactions submitted to this replica, in arrival order. */
  static TxPool inMemory() {
    return new Mempool();
  }
}
