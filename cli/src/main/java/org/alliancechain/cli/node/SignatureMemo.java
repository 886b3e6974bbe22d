package org.alliancechain.cli.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.alliancechain.consensus.msg.SignatureVerifier;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.core.tx.Transaction;

/**
 * Ed25519 with a bounded memo of signatures that verified, shared by the consensus edge (which
 * checks every inbound message before it is queued) and the replica (which checks again inside its
 * validator): the second check of one message costs a hash, not a verification. Only successes are
 * remembered, keyed by a hash of the signed bytes, so a forged signature is verified (and fails)
 * each time it is seen, and memory stays at {@link #ENTRIES_MAX} small entries.
 */
final class SignatureMemo implements SignatureVerifier {
  static final int ENTRIES_MAX = 16_384;

  private final Consumer<List<Transaction>> verifyAll;

  /** {@code verifyAll} verifies transactions on all cores and returns when every one is done. */
  SignatureMemo(Consumer<List<Transaction>> verifyAll) {
    this.verifyAll = verifyAll;
  }

  private record Key(PublicKey key, Domain domain, Hash message, Signature signature) {}

  // Access-ordered: the least recently used entry leaves first. Guarded by this.
  private final Map<Key, Boolean> verified =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
          return size() > ENTRIES_MAX;
        }
      };

  /**
   * Asked of the transaction: it keeps a successful check (and node-core's memo answers for another
   * copy of the same bytes), so neither this map nor its lock sees the thousands of transactions a
   * proposal carries; they would also push the votes out of it.
   */
  @Override
  public boolean verifyTransaction(Transaction tx) {
    return tx.hasValidSignature();
  }

  @Override
  public void verifyAhead(List<Transaction> txs) {
    verifyAll.accept(txs);
  }

  @Override
  public boolean verify(PublicKey key, Domain domain, byte[] message, Signature signature) {
    Key k = new Key(key, domain, Sha256.hash(message), signature);
    synchronized (this) {
      if (verified.containsKey(k)) {
        return true;
      }
    }
    if (!Ed25519.verify(key, domain, message, signature)) {
      return false;
    }
    synchronized (this) {
      verified.put(k, Boolean.TRUE);
    }
    return true;
  }
}
