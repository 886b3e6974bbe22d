package org.alliancechain.cli.node;

import org.alliancechain.core.tx.Transaction;

/**
 * What the node needs from consensus: hand it admitted transactions, ask where it stands. A
 * validator runs the PBFT driver; any other node follows the chain through block sync.
 */
public interface ConsensusEngine extends AutoCloseable {
  void start();

  /** A transaction admitted to this node's mempool. */
  void submit(Transaction tx);

  ApiViews.ConsensusStatus status();

  @Override
  void close();
}
