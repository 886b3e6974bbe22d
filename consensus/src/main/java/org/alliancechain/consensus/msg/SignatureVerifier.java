package org.alliancechain.consensus.msg;

import java.util.List;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.tx.Transaction;

/**
 * Signature checks as a port, so that the simulator can share one memo of verified signatures among
 * all its replicas (each signature is then checked once, not once per replica).
 */
@FunctionalInterface
public interface SignatureVerifier {
  boolean verify(PublicKey key, Domain domain, byte[] message, Signature signature);

  /**
   * A transaction's signature. A node overrides this to ask the transaction itself, which keeps a
   * successful check (docs/benchmarks.md, step 9): after {@link #verifyAhead} it is a field read.
   */
  default boolean verifyTransaction(Transaction tx) {
    return verify(tx.sender(), Domain.TRANSACTION, tx.signingBytes(), tx.signature());
  }

  /**
   * Called with a proposal's transactions before {@link #verifyTransaction} is asked of each: a
   * node verifies them on all cores at once here and keeps the successes, so the replica's thread
   * waits for the slowest core instead of the sum. It decides nothing: {@link #verifyTransaction}
   * still judges every transaction (docs/benchmarks.md, session 4).
   */
  default void verifyAhead(List<Transaction> txs) {}

  SignatureVerifier ED25519 = Ed25519::verify;
}
