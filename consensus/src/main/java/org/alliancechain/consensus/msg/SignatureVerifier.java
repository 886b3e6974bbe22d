package org.alliancechain.consensus.msg;

import org.alliancechain.core.crypto.Domain;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;

/**
 * Signature checks as a port, so that the simulator can share one memo of verified signatures among
 * all its replicas (each signature is then checked once, not once per replica).
 */
@FunctionalInterface
public interface SignatureVerifier {
  boolean verify(PublicKey key, Domain domain, byte[] message, Signature signature);

  SignatureVerifier ED25519 = Ed25519::verify;
}
