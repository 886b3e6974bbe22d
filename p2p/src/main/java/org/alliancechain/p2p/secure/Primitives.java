package org.alliancechain.p2p.secure;

import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.ChaCha20Poly1305;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.rfc7748.X25519;

/** Thin wrappers over the Bouncy Castle primitives the link and sealed-box protocols use. */
final class Primitives {
  static final int KEY_BYTES = 32;
  static final int TAG_BYTES = 16;
  static final int NONCE_BYTES = 12;

  private Primitives() {}

  static byte[] x25519PrivateKey(SecureRandom random) {
    byte[] key = new byte[X25519.SCALAR_SIZE];
    X25519.generatePrivateKey(random, key);
    return key;
  }

  static byte[] x25519PublicKey(byte[] privateKey) {
    byte[] out = new byte[X25519.POINT_SIZE];
    X25519.generatePublicKey(privateKey, 0, out, 0);
    return out;
  }

  /** The shared secret, or a {@link HandshakeException} for a low-order peer point (all-zero). */
  static byte[] x25519(byte[] privateKey, byte[] peerPublicKey) throws HandshakeException {
    byte[] out = new byte[X25519.POINT_SIZE];
    if (!X25519.calculateAgreement(privateKey, 0, peerPublicKey, 0, out, 0)) {
      throw new HandshakeException(HandshakeException.Reason.WEAK_KEY, "low-order X25519 point");
    }
    return out;
  }

  /** HKDF-SHA256 (RFC 5869). */
  static byte[] hkdf(byte[] ikm, byte[] salt, String info, int lengthBytes) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(
        new HKDFParameters(ikm, salt, info.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    byte[] out = new byte[lengthBytes];
    hkdf.generateBytes(out, 0, lengthBytes);
    return out;
  }

  /** The 96-bit nonce of RFC 8439 built from a 64-bit counter (big-endian, high 32 bits zero). */
  static byte[] counterNonce(long counter) {
    byte[] nonce = new byte[NONCE_BYTES];
    for (int i = 0; i < 8; i++) {
      nonce[NONCE_BYTES - 1 - i] = (byte) (counter >>> (8 * i));
    }
    return nonce;
  }

  static byte[] seal(byte[] key, long counter, byte[] ad, byte[] plaintext) {
    ChaCha20Poly1305 aead = new ChaCha20Poly1305();
    aead.init(
        true, new AEADParameters(new KeyParameter(key), 8 * TAG_BYTES, counterNonce(counter), ad));
    byte[] out = new byte[aead.getOutputSize(plaintext.length)];
    int n = aead.processBytes(plaintext, 0, plaintext.length, out, 0);
    try {
      aead.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new AssertionError("encryption cannot fail", e);
    }
    return out;
  }

  static byte[] open(byte[] key, long counter, byte[] ad, byte[] ciphertext, int offset, int length)
      throws HandshakeException {
    if (length < TAG_BYTES) {
      throw new HandshakeException(HandshakeException.Reason.MALFORMED, "shorter than a tag");
    }
    ChaCha20Poly1305 aead = new ChaCha20Poly1305();
    aead.init(
        false, new AEADParameters(new KeyParameter(key), 8 * TAG_BYTES, counterNonce(counter), ad));
    byte[] out = new byte[aead.getOutputSize(length)];
    int n = aead.processBytes(ciphertext, offset, length, out, 0);
    try {
      aead.doFinal(out, n);
    } catch (InvalidCipherTextException e) {
      throw new HandshakeException(
          HandshakeException.Reason.DECRYPT_FAILED, "authentication tag mismatch");
    }
    return out;
  }
}
