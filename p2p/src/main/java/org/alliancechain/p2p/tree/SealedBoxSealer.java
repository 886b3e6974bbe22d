package org.alliancechain.p2p.tree;

import java.security.SecureRandom;
import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.secure.HandshakeException;
import org.alliancechain.p2p.secure.SealedBox;

/** {@link PayloadSealer} over {@link SealedBox}, with this node's identity key. */
public final class SealedBoxSealer implements PayloadSealer {
  private final KeyPair identity;
  private final SecureRandom random;

  public SealedBoxSealer(KeyPair identity, SecureRandom random) {
    this.identity = identity;
    this.random = random;
  }

  @Override
  public Bytes seal(PublicKey recipient, Bytes payload) {
    try {
      return Bytes.wrap(SealedBox.seal(identity, recipient, payload.unsafeArray(), random));
    } catch (HandshakeException e) {
      // Member keys are checked when admitted; a key with no X25519 image is a broken invariant.
      throw new AssertionError("member key cannot be sealed to: " + recipient, e);
    }
  }

  @Override
  public Optional<Opened> open(Bytes box) {
    try {
      SealedBox.Opened o = SealedBox.open(identity, box.unsafeArray());
      return Optional.of(new Opened(o.sender(), o.payload()));
    } catch (HandshakeException e) {
      return Optional.empty();
    }
  }
}
