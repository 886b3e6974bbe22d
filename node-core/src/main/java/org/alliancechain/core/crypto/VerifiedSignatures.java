package org.alliancechain.core.crypto;

import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;

/**
 * A memo of signatures that verified: a transaction is checked on admission, again when a proposal
 * carries it, when a view change re-proposes it and when its block executes; only the first check
 * should cost an Ed25519 verification (docs/benchmarks.md: four checks per transaction per node
 * were most of the consensus thread's time).
 *
 * <p>Sound because verification is a pure function of (key, domain, message, signature): the memo
 * is keyed by SHA-256 over all four, so a hit means this exact signature over these exact bytes
 * verified before. Only successes are kept. Fixed memory: a direct-mapped table of {@link
 * #SLOTS_COUNT} digests; a collision of slots only evicts, it never gives a wrong answer.
 */
final class VerifiedSignatures {
  static final int SLOTS_COUNT = 1 << 16;

  private final AtomicReferenceArray<Hash> slots = new AtomicReferenceArray<>(SLOTS_COUNT);
  private final LongAdder hits = new LongAdder();

  static Hash digest(byte[] key, byte[] prefixedMessage, byte[] signature) {
    MessageDigest sha = Sha256.newDigest();
    sha.update(key);
    sha.update(signature);
    sha.update(prefixedMessage);
    return Hash.of(sha.digest());
  }

  boolean contains(Hash digest) {
    boolean hit = digest.equals(slots.get(slot(digest)));
    if (hit) {
      hits.increment();
    }
    return hit;
  }

  void add(Hash digest) {
    slots.set(slot(digest), digest);
  }

  long hits() {
    return hits.sum();
  }

  private static int slot(Hash digest) {
    return digest.hashCode() & (SLOTS_COUNT - 1);
  }
}
