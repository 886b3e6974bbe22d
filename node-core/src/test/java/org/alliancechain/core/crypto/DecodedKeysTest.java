package org.alliancechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedKeysTest {
  private static final class Signed {
    final byte[] key;
    final byte[] msg;
    final byte[] sig;

    Signed(byte[] key, byte[] msg, byte[] sig) {
      this.key = key;
      this.msg = msg;
      this.sig = sig;
    }
  }

  /** A signature by the reference implementation with secret scalar a and nonce r. */
  private static Signed signed(String a, String r, String message) {
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    BigInteger scalar = new BigInteger(a);
    byte[] key = ReferenceEd25519.BASE.times(scalar).encode();
    BigInteger nonce = new BigInteger(r);
    byte[] sig =
        ReferenceEd25519.sign(scalar, key, nonce, ReferenceEd25519.BASE.times(nonce).encode(), msg);
    return new Signed(key, msg, sig);
  }

  private static byte[] keyOf(long scalar) {
    return ReferenceEd25519.BASE.times(BigInteger.valueOf(scalar)).encode();
  }

  @Test
  void aDecodedKeyEncodesBackToItsBytesAndIsDecodedOnce() {
    DecodedKeys keys = new DecodedKeys();
    byte[] key = keyOf(12_345);
    var point = keys.point(key);
    byte[] encoded = new byte[32];
    org.bouncycastle.math.ec.rfc8032.Ed25519.encodePublicPoint(point, encoded, 0);
    assertThat(encoded).isEqualTo(key);
    assertThat(keys.point(key.clone())).isSameAs(point);
    assertThat(keys.size()).isEqualTo(1);
  }

  @Test
  void theTableKeepsACopyOfTheCallersBytes() {
    DecodedKeys keys = new DecodedKeys();
    byte[] key = keyOf(777);
    var point = keys.point(key);
    byte[] original = key.clone();
    key[0] ^= 1;
    assertThat(keys.point(original)).isSameAs(point);
  }

  @Test
  void aKeyOffTheCurveIsNotKept() {
    DecodedKeys keys = new DecodedKeys();
    assertThat(keys.point(ReferenceEd25519.littleEndian(BigInteger.TWO))).isNull();
    assertThat(keys.size()).isZero();
  }

  @Test
  void theTableStaysWithinItsBound() {
    DecodedKeys keys = new DecodedKeys(8);
    for (int i = 1; i <= 20; i++) {
      // Distinct canonical y values on the curve: multiples of the base point.
      assertThat(keys.point(keyOf(i))).isNotNull();
    }
    assertThat(keys.size()).isBetween(1, 8);
  }

  @Test
  void theProfileVerifiesThroughTheDecodedKeyTheSameAsBefore() {
    Signed s = signed("4242424242424242424242", "1717171717171717", "decoded");
    byte[] key = s.key;
    byte[] msg = s.msg;
    byte[] sig = s.sig;
    // Twice: the first call decodes and keeps the key, the second verifies from the kept point.
    assertThat(Ed25519.checkRaw(key, msg, sig).isOk()).isTrue();
    assertThat(Ed25519.checkRaw(key, msg, sig).isOk()).isTrue();
    byte[] other = "another message".getBytes(StandardCharsets.UTF_8);
    assertThat(Ed25519.checkRaw(key, other, sig).reason())
        .isEqualTo(Ed25519.Rejection.SIGNATURE_INVALID.code());
  }

  @Test
  void theMachineLimitsFormIsBouncyCastlesOwnFromTheBytes() {
    Signed s = signed("99999999999999999", "31415926535", "limit");
    byte[] key = s.key;
    byte[] msg = s.msg;
    byte[] sig = s.sig;
    assertThat(Ed25519.verifyBouncyCastleBytes(key, msg, sig)).isTrue();
    assertThat(Ed25519.verifyBouncyCastleBytes(key, "other".getBytes(StandardCharsets.UTF_8), sig))
        .isFalse();
    assertThat(Ed25519.verifyBouncyCastleBytes(java.util.Arrays.copyOf(key, 31), msg, sig))
        .isFalse();
  }
}
