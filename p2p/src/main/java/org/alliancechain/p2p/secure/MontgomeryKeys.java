package org.alliancechain.p2p.secure;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.alliancechain.core.crypto.PublicKey;

/**
 * Converts Ed25519 identity keys to X25519 keys, so a payload can be encrypted to a member's
 * identity without a second published key. The same maps as libsodium's {@code
 * crypto_sign_ed25519_pk_to_curve25519} and {@code ..._sk_to_curve25519}: the birational map u = (1
 * + y) / (1 - y) mod p (RFC 7748 §4.1) for the public key, and the first half of SHA-512(seed) (the
 * Ed25519 secret scalar, RFC 8032 §5.1.5) for the private key.
 */
public final class MontgomeryKeys {
  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

  private MontgomeryKeys() {}

  public static byte[] publicKey(PublicKey ed25519) throws HandshakeException {
    byte[] le = ed25519.toBytes();
    le[31] &= 0x7f; // the top bit is the sign of x, which u does not depend on
    BigInteger y = new BigInteger(1, reverse(le));
    BigInteger oneMinusY = BigInteger.ONE.subtract(y).mod(P);
    if (y.compareTo(P) >= 0 || oneMinusY.signum() == 0) {
      throw new HandshakeException(HandshakeException.Reason.WEAK_KEY, "not a usable Ed25519 key");
    }
    BigInteger u = BigInteger.ONE.add(y).multiply(oneMinusY.modInverse(P)).mod(P);
    return toLittleEndian32(u);
  }

  public static byte[] privateKey(byte[] ed25519Seed) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(ed25519Seed);
      return Arrays.copyOf(digest, 32); // X25519 clamps it (RFC 7748 §5)
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-512", e);
    }
  }

  private static byte[] toLittleEndian32(BigInteger value) {
    byte[] be = value.toByteArray();
    byte[] out = new byte[32];
    for (int i = 0; i < 32 && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    return out;
  }

  private static byte[] reverse(byte[] bytes) {
    byte[] out = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      out[i] = bytes[bytes.length - 1 - i];
    }
    return out;
  }
}
