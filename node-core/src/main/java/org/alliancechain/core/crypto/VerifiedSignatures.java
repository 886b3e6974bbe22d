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
 * verified before. Only successes are kept. Fixed memory: a table of {@link #SLOTS_COUNT} digests
 * in sets of {@link #WAYS} (set-associative, like a CPU cache); a full set evicts one of its
 * digests, which never gives a wrong answer. Direct-mapped (one way), a node holding a few thousand
 * transactions lost about 2.6 % of its look-ups to pairs of digests evicting each other, each
 * paying a full verification again (docs/benchmarks.md, step 7).
 */
final class VerifiedSignatures {
  static final int SLOTS_COUNT = 1 << 16;
  static final int WAYS = 4;

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
    int set = firstSlot(digest);
    for (int way = 0; way < WAYS; way++) {
      if (digest.equals(slots.get(set + way))) {
        hits.increment();
        return true;
      }
    }
    return false;
  }

  void add(Hash digest) {
    int set = firstSlot(digest);
    for (int way = 0; way < WAYS; way++) {
      Hash held = slots.get(set + way);
      if (held == null || held.equals(digest)) {
        slots.set(set + way, digest);
        return;
      }
    }
    // A full set: evict the way named by other bits of the digest (uniform, no state to share).
    slots.set(set + (digest.byteAt(4) & (WAYS - 1)), digest);
  }

  long hits() {
    return hits.sum();
  }

  /** The first slot of the digest's set. */
  static int firstSlot(Hash digest) {
    return digest.hashCode() & (SLOTS_COUNT - 1) & -WAYS;
  }
}
