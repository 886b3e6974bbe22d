package org.alliancechain.core.tx;

import org.alliancechain.core.Verdict;

/**
 * The replay rule (SPEC M-26): an account's transactions carry nonces 0, 1, 2, ... with none used
 * twice and none skipped. The executor keeps each sender's next expected nonce (a stateful matter);
 * this pure helper gives the verdict so that mempool and executor word it alike.
 */
public final class NonceRule {
  private NonceRule() {}

  public static Verdict check(long expectedNextNonce, Transaction tx) {
    if (expectedNextNonce < 0) {
      throw new IllegalArgumentException("expected nonce must be non-negative");
    }
    if (tx.nonce() < expectedNextNonce) {
      return Verdict.reject(
          "nonce_used", "nonce " + tx.nonce() + " already used, next is " + expectedNextNonce);
    }
    if (tx.nonce() > expectedNextNonce) {
      return Verdict.reject(
          "nonce_gap", "nonce " + tx.nonce() + " skips ahead of " + expectedNextNonce);
    }
    return Verdict.ok();
  }
}
