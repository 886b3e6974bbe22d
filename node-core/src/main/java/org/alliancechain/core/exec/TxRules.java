package org.alliancechain.core.exec;

import org.alliancechain.core.Verdict;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.tx.Transaction;

/**
 * node-core's part of admitting a transaction (ARCHITECTURE.md data flow step 2): chain id,
 * signature, nonce. The mempool and the proposer use {@link #check} so that a block never holds a
 * transaction that fails them; the executor applies the same rules and records a failed outcome,
 * without state changes and without using the nonce, for one that is there anyway.
 */
public final class TxRules {
  private TxRules() {}

  public static Verdict checkStateless(Transaction tx, String chainId) {
    if (!tx.chainId().equals(chainId)) {
      return Verdict.reject("wrong_chain", "transaction for chain " + tx.chainId());
    }
    if (!tx.hasValidSignature()) {
      return Verdict.reject("bad_signature", "signature does not verify");
    }
    return Verdict.ok();
  }

  public static Verdict checkNonce(Transaction tx, StateReader state) {
    long next = Nonces.next(state, tx.sender());
    if (tx.nonce() < next) {
      return Verdict.reject("nonce_used", "nonce " + tx.nonce() + ", next is " + next);
    }
    if (tx.nonce() > next) {
      return Verdict.reject("nonce_gap", "nonce " + tx.nonce() + ", next is " + next);
    }
    return Verdict.ok();
  }

  /** All of node-core's rules, for the mempool. */
  public static Verdict check(Transaction tx, String chainId, StateReader state) {
    Verdict stateless = checkStateless(tx, chainId);
    return stateless.isOk() ? checkNonce(tx, state) : stateless;
  }
}
