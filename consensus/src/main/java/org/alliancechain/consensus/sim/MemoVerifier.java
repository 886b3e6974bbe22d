package org.alliancechain.consensus.sim;

import java.util.HashMap;
import java.util.Map;
import org.alliancechain.consensus.msg.SignatureVerifier;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;

/**
 * Ed25519 with a memo shared by every replica of one simulation: each distinct (key, domain,
 * message, signature) is verified once. The answer is the real one, so nothing is trusted that
 * would not verify; only the repeated work is saved. Bounded: cleared when it grows too large.
 */
final class MemoVerifier implements SignatureVerifier {
  private static final int ENTRIES_MAX = 200_000;

  private record Key(PublicKey key, Domain domain, Bytes message, Signature signature) {}

  private final Map<Key, Boolean> memo = new HashMap<>();

  @Override
  public boolean verify(PublicKey key, Domain domain, byte[] message, Signature signature) {
    Key k = new Key(key, domain, Bytes.wrap(message), signature);
    Boolean known = memo.get(k);
    if (known != null) {
      return known;
    }
    if (memo.size() >= ENTRIES_MAX) {
      memo.clear();
    }
    boolean ok = Ed25519.verify(key, domain, message, signature);
    memo.put(k, ok);
    return ok;
  }
}
