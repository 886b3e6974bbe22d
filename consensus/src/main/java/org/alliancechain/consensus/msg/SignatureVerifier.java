package org.alliancechain.consensus.msg;

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
   * successful check: the node verifies a proposal's transactions on all cores before the replica
   * sees them (docs/benchmarks.md, step 9), so the replica's check is then a field read.
   */
  default boolean verifyTransaction(Transaction tx) {
    return verify(tx.sender(), Domain.TRANSACTION, tx.signingBytes(), tx.signature());
  }

  SignatureVerifier ED25519 = Ed25519::verify;
}
