package org.alliancechain.p2p.tree;

import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.PublicKey;

/**
 * End-to-end encryption of TFT payloads, kept outside the state machine because sealing draws fresh
 * randomness. {@link SealedBoxSealer} is the real one.
 */
public interface PayloadSealer {
  Bytes seal(PublicKey recipient, Bytes payload);

  /** The sender and the payload, or empty when the box does not open for this node. */
  Optional<Opened> open(Bytes box);

  /** An opened box. */
  record Opened(PublicKey sender, Bytes payload) {}
}
