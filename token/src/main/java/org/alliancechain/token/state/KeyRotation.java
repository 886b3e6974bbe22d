package org.alliancechain.token.state;

import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;

/**
 * A member's latest key rotation (issue #4, docs/consensus.md "Key rotation"). The member keeps its
 * ledger entry, which stays under the key it joined with ({@code member}): its account, stake,
 * votes and contracts follow it. Only the key that signs for it changes: {@code oldKey} signs up to
 * block {@code activationHeight - 1}, {@code newKey} from {@code activationHeight} on. The ledger
 * sets {@code inForce} at the end of block {@code activationHeight - 1}, so a transaction check
 * against any state reads the right key without knowing the height.
 */
public record KeyRotation(
    PublicKey member,
    PublicKey oldKey,
    PublicKey newKey,
    long decidedAt,
    long activationHeight,
    boolean inForce) {

  /** The key that signs for the member in a block executed on this state. */
  public PublicKey keyInForce() {
    return inForce ? newKey : oldKey;
  }

  public KeyRotation applied() {
    return new KeyRotation(member, oldKey, newKey, decidedAt, activationHeight, true);
  }

  public void encode(CanonicalWriter w) {
    member.encode(w);
    oldKey.encode(w);
    newKey.encode(w);
    w.u63(decidedAt).u63(activationHeight).bool(inForce);
  }

  public static KeyRotation decode(CanonicalReader r) {
    return new KeyRotation(
        PublicKey.decode(r, "member key"),
        PublicKey.decode(r, "old key"),
        PublicKey.decode(r, "new key"),
        r.u63("decision height"),
        r.u63("activation height"),
        r.bool("in force"));
  }
}
