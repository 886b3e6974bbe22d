package org.alliancechain.core.crypto;

/**
 * Ed25519 signature verification with the protocol's one verification profile. Every node must
 * accept exactly the same signatures, so the profile is part of the protocol (see docs/crypto.md).
 */
public final class Ed25519 {
  private Ed25519() {}

  /** Verifies a signature over {@code message} in {@code domain}. */
  public static boolean verify(PublicKey key, Domain domain, byte[] message, Signature signature) {
    return verifyRaw(key.unsafeBytes(), domain.prefix(message), signature.unsafeBytes());
  }

  /** Verifies a signature over raw bytes with no domain prefix (test vectors only). */
  public static boolean verifyRaw(byte[] key, byte[] message, byte[] signature) {
    if (key.length != PublicKey.SIZE_BYTES || signature.length != Signature.SIZE_BYTES) {
      return false;
    }
    return org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
        signature, 0, key, 0, message, 0, message.length);
  }
}
