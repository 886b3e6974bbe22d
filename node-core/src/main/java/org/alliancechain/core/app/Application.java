package org.alliancechain.core.app;

import org.alliancechain.core.Verdict;
import org.alliancechain.core.tx.Transaction;

/**
 * The ledger application that consensus runs (ARCHITECTURE.md rule 2): a deterministic function of
 * (state, block). node-core has already checked each transaction's signature, chain id and nonce;
 * the application checks and executes the rest. Implementations must read and write state only
 * through the given interfaces, use {@link BlockContext#timeMillis()} as their only clock, integer
 * arithmetic only and ordered collections only.
 */
public interface Application {

  /** Stateful admission check for the mempool; must not write. */
  Verdict check(Transaction tx, StateReader state);

  /**
   * Executes one transaction of a block. The caller gives each transaction its own write overlay
   * and discards it when the outcome is a failure.
   */
  TxOutcome execute(BlockContext block, Transaction tx, StateWriter state);

  /**
   * Runs after the block's transactions (the token consensus algorithm's end-of-block issuance,
   * scheduled installments, DAO executions). Its writes are part of the block.
   */
  void endBlock(BlockContext block, StateWriter state);
}
