package org.alliancechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecodedKeysTest {
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
    byte[] msg = "decoded".getBytes(StandardCharsets.UTF_8);
    BigInteger a = new BigInteger("4242424242424242424242");
    byte[] key = ReferenceEd25519.BASE.times(a).encode();
    BigInteger r = new BigInteger("1717171717171717");
    byte[] sig = ReferenceEd25519.sign(a, key, r, ReferenceEd25519.BASE.times(r).encode(), msg);
    // Twice: the first call decodes and keeps the key, the second verifies from the kept point.
    assertThat(Ed25519.checkRaw(key, msg, sig).isOk()).isTrue();
    assertThat(Ed25519.checkRaw(key, msg, sig).isOk()).isTrue();
    byte[] other = "another message".getBytes(StandardCharsets.UTF_8);
    assertThat(Ed25519.checkRaw(key, other, sig).reason())
        .isEqualTo(Ed25519.Rejection.SIGNATURE_INVALID.code());
  }

  @Test
  void theMachineLimitsFormIsBouncyCastlesOwnFromTheBytes() {
    byte[] msg = "limit".getBytes(StandardCharsets.UTF_8);
    BigInteger a = new BigInteger("99999999999999999");
    byte[] key = ReferenceEd25519.BASE.times(a).encode();
    BigInteger r = new BigInteger("31415926535");
    byte[] sig = ReferenceEd25519.sign(a, key, r, ReferenceEd25519.BASE.times(r).encode(), msg);
    assertThat(Ed25519.verifyBouncyCastleBytes(key, msg, sig)).isTrue();
    assertThat(Ed25519.verifyBouncyCastleBytes(key, "other".getBytes(StandardCharsets.UTF_8), sig))
        .isFalse();
    assertThat(Ed25519.verifyBouncyCastleBytes(java.util.Arrays.copyOf(key, 31), msg, sig))
        .isFalse();
  }
}
