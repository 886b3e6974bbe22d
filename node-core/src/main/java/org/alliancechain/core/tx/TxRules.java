package org.alliancechain.core.tx;

import org.alliancechain.core.Verdict;

/**
 * Stateless admission of a transaction (SPEC M-26): the checks that need nothing but the
 * transaction and the chain's id, done by the mempool before gossip and again for every transaction
 * of a proposed block. Cheap checks come first, the signature last. The nonce rule needs the
 * sender's account and lives with the executor ({@link NonceRule}).
 *
 * <p>Reasons: {@code too_large}, {@code wrong_chain_id}, {@code nonce_exhausted}, {@code
 * bad_signature}.
 */
public final class TxRules {
  private TxRules() {}

  /** The protocol's rule: what every node applies to blocks, so the limit is the codec's. */
  public static Verdict checkStateless(Transaction tx, String expectedChainId) {
    return checkStateless(tx, expectedChainId, Transaction.ENCODED_BYTES_MAX);
  }

  /**
   * As above with a tighter size limit: a mempool may refuse transactions smaller than the codec
   * allows (its own policy), but block validation must use {@link #checkStateless(Transaction,
   * String)} so that every node judges a block alike.
   */
  public static Verdict checkStateless(Transaction tx, String expectedChainId, int txBytesMax) {
    int size = tx.encodedSizeBytes();
    if (size > txBytesMax) {
      return Verdict.reject("too_large", size + " bytes, limit " + txBytesMax);
    }
    if (!tx.chainId().equals(expectedChainId)) {
      return Verdict.reject(
          "wrong_chain_id", "signed for " + tx.chainId() + ", this chain is " + expectedChainId);
    }
    // The sender's next nonce would overflow: the account could never transact again.
    if (tx.nonce() == Long.MAX_VALUE) {
      return Verdict.reject("nonce_exhausted", "nonce " + tx.nonce() + " is the last one");
    }
    if (!tx.hasValidSignature()) {
      return Verdict.reject("bad_signature", "signature does not verify for the sender's key");
    }
    return Verdict.ok();
  }
}
