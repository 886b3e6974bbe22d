package org.alliancechain.p2p.secure;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * Thin wrappers over the primitives the link and sealed-box protocols use: Bouncy Castle for X25519
 * and HKDF, the JDK for ChaCha20-Poly1305.
 */
final class Primitives {
  static final int KEY_BYTES = 32;
  static final int TAG_BYTES = 16;
  static final int NONCE_BYTES = 12;
  private static final String AEAD = "ChaCha20-Poly1305";

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

  /**
   * A fresh JDK ChaCha20-Poly1305 cipher. The JDK's implementation, not Bouncy Castle's: HotSpot
   * compiles its ChaCha20 block and Poly1305 to vector instructions (AVX2/AVX-512), several times
   * faster than Bouncy Castle's pure Java on the peer links' hot path; both are RFC 8439, so the
   * bytes on the wire do not change.
   */
  static Cipher newAead() {
    try {
      return Cipher.getInstance(AEAD);
    } catch (GeneralSecurityException e) {
      throw new AssertionError("every JDK since 11 has " + AEAD, e);
    }
  }

  static byte[] seal(byte[] key, long counter, byte[] ad, byte[] plaintext) {
    return seal(newAead(), key, counter, ad, plaintext);
  }

  /**
   * Seals with {@code cipher}, which may be reused: the JDK refuses to encrypt twice under the same
   * key and nonce with one cipher object, which a caller with an increasing counter never does.
   */
  static byte[] seal(Cipher cipher, byte[] key, long counter, byte[] ad, byte[] plaintext) {
    try {
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "ChaCha20"),
          new IvParameterSpec(counterNonce(counter)));
      if (ad.length > 0) {
        cipher.updateAAD(ad);
      }
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new AssertionError("encryption cannot fail", e);
    }
  }

  static byte[] open(byte[] key, long counter, byte[] ad, byte[] ciphertext, int offset, int length)
      throws HandshakeException {
    return open(newAead(), key, counter, ad, ciphertext, offset, length);
  }

  static byte[] open(
      Cipher cipher, byte[] key, long counter, byte[] ad, byte[] ciphertext, int offset, int length)
      throws HandshakeException {
    if (length < TAG_BYTES) {
      throw new HandshakeException(HandshakeException.Reason.MALFORMED, "shorter than a tag");
    }
    try {
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "ChaCha20"),
          new IvParameterSpec(counterNonce(counter)));
      if (ad.length > 0) {
        cipher.updateAAD(ad);
      }
      return cipher.doFinal(ciphertext, offset, length);
    } catch (AEADBadTagException e) {
      throw new HandshakeException(
          HandshakeException.Reason.DECRYPT_FAILED, "authentication tag mismatch");
    } catch (GeneralSecurityException e) {
      throw new AssertionError("decryption can fail only on its tag", e);
    }
  }
}
