package org.alliancechain.token.state;

import java.util.List;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;

/**
 * The validator set in force and, after a DAO decision, the one that replaces it from {@code
 * activationHeight} on (always an epoch boundary, SPEC M-3). {@code pending} is empty when no
 * change is scheduled.
 */
public record ValidatorState(
    List<PublicKey> current, List<PublicKey> pending, long activationHeight) {
  public ValidatorState {
    current = List.copyOf(current);
    pending = List.copyOf(pending);
  }

  /** The set that certifies blocks at {@code height}. */
  public ValidatorSet effectiveAt(long height) {
    return ValidatorSet.of(!pending.isEmpty() && height >= activationHeight ? pending : current);
  }

  /** The latest decided set (pending if any), which a further change starts from. */
  public List<PublicKey> latest() {
    return pending.isEmpty() ? current : pending;
  }

  public void encode(CanonicalWriter w) {
    Codecs.keys(w, current);
    Codecs.keys(w, pending);
    w.u63(activationHeight);
  }

  public static ValidatorState decode(CanonicalReader r) {
    return new ValidatorState(
        Codecs.sortedKeys(r, "validators", ValidatorSet.SIZE_MAX),
        Codecs.sortedKeys(r, "pending validators", ValidatorSet.SIZE_MAX),
        r.u63("activation height"));
  }
}
