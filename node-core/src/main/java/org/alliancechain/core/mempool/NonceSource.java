package org.alliancechain.core.mempool;

import org.alliancechain.core.crypto.PublicKey;

/** The committed state's next expected nonce of a sender (0 for a sender never seen). */
@FunctionalInterface
public interface NonceSource {
  long nextNonce(PublicKey sender);
}
