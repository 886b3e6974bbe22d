package org.alliancechain.core.crypto;

import java.security.SecureRandom;

/** An Ed25519 key pair: the 32-byte private seed and its public key. */
public final class KeyPair {
  public static final int SEED_BYTES = 32;

  private final byte[] seed;
  private final PublicKey publicKey;

  private KeyPair(byte[] seed) {
    this.seed = seed;
    byte[] pub = new byte[PublicKey.SIZE_BYTES];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(seed, 0, pub, 0);
    this.publicKey = PublicKey.of(pub);
  }

  public static KeyPair fromSeed(byte[] seed) {
    if (seed.length != SEED_BYTES) {
      throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, got " + seed.length);
    }
    return new KeyPair(seed.clone());
  }

  public static KeyPair generate(SecureRandom random) {
    byte[] seed = new byte[SEED_BYTES];
    random.nextBytes(seed);
    return new KeyPair(seed);
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /** A copy of the private seed, for the encrypted key file only. */
  public byte[] seed() {
    return seed.clone();
  }

  public Signature sign(Domain domain, byte[] message) {
    return Signature.of(signRaw(domain.prefix(message)));
  }

  /** Signs raw bytes with no domain prefix (test vectors only). */
  public byte[] signRaw(byte[] message) {
    byte[] out = new byte[Signature.SIZE_BYTES];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(
        seed, 0, publicKey.unsafeBytes(), 0, message, 0, message.length, out, 0);
    return out;
  }

  @Override
  public String toString() {
    return "KeyPair(" + publicKey.toHex() + ")";
  }
}
