package org.alliancechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.alliancechain.core.Hex;
import org.alliancechain.core.crypto.ReferenceEd25519.Point;
import org.junit.jupiter.api.Test;

// What Bouncy Castle 1.87's low-level org.bouncycastle.math.ec.rfc8032.Ed25519.verify checks on
// its own, found by testing (docs/crypto.md, "What Bouncy Castle checks"). The profile checks S,
// the
// encodings and small-order keys itself, but takes decoding and the equation from Bouncy Castle:
// if an upgrade changes any of this, this test says what changed.
class BouncyCastleBehaviourTest {
  private static final byte[] MSG = "bc probe".getBytes(StandardCharsets.UTF_8);
  private static final BigInteger A_SCALAR = new BigInteger("5555555555555555555555555555555");
  private static final BigInteger R_SCALAR = new BigInteger("7777777777777777777777777777777");
  private static final Point A_POINT = ReferenceEd25519.BASE.times(A_SCALAR);
  private static final Point R_POINT = ReferenceEd25519.BASE.times(R_SCALAR);
  private static final byte[] A = A_POINT.encode();
  private static final byte[] R = R_POINT.encode();

  // Both of Bouncy Castle's forms, from the key's bytes and from its decoded point (DecodedKeys),
  // must give the same answer for every probe here: the profile uses the second whenever the key
  // decodes.
  private static boolean bc(byte[] key, byte[] msg, byte[] sig) {
    boolean fromBytes =
        org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, key, 0, msg, 0, msg.length);
    org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point =
        org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(key, 0);
    if (point != null) {
      boolean fromPoint =
          org.bouncycastle.math.ec.rfc8032.Ed25519.verify(sig, 0, point, msg, 0, msg.length);
      assertThat(fromPoint).as("decoded-point form of " + Hex.encode(key)).isEqualTo(fromBytes);
    }
    return fromBytes;
  }

  private static boolean bcPartial(byte[] key) {
    return org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartial(key, 0);
  }

  @Test
  void rejectsSAtOrAboveL() {
    byte[] sig = ReferenceEd25519.sign(A_SCALAR, A, R_SCALAR, R, MSG);
    assertThat(bc(A, MSG, sig)).isTrue();
    BigInteger s = ReferenceEd25519.unsignedLittleEndian(java.util.Arrays.copyOfRange(sig, 32, 64));
    assertThat(bc(A, MSG, ReferenceEd25519.signature(R, s.add(ReferenceEd25519.L)))).isFalse();
  }

  @Test
  void usesTheCofactoredEquation() {
    // R = [r]B + T with T of order 8: only the cofactored equation holds, and BC accepts.
    Point t = ReferenceEd25519.eightTorsion().get(1);
    byte[] mixedR = R_POINT.add(t).encode();
    byte[] sig = ReferenceEd25519.sign(A_SCALAR, A, R_SCALAR, mixedR, MSG);
    assertThat(ReferenceEd25519.verifyCofactorless(A, MSG, sig)).isFalse();
    assertThat(bc(A, MSG, sig)).isTrue();
    // Likewise a key with a torsion component.
    byte[] mixedA = A_POINT.add(t).encode();
    byte[] sigForMixedA = ReferenceEd25519.sign(A_SCALAR, mixedA, R_SCALAR, R, MSG);
    assertThat(ReferenceEd25519.verifyCofactorless(mixedA, MSG, sigForMixedA)).isFalse();
    assertThat(bc(mixedA, MSG, sigForMixedA)).isTrue();
  }

  @Test
  void acceptsCanonicalRsOfSmallOrder() {
    for (Point t : ReferenceEd25519.eightTorsion()) {
      byte[] sig = ReferenceEd25519.sign(A_SCALAR, A, BigInteger.ZERO, t.encode(), MSG);
      assertThat(bc(A, MSG, sig)).as(Hex.encode(t.encode())).isTrue();
    }
  }

  @Test
  void rejectsNonCanonicalRThoughTheEquationHolds() {
    for (String hex :
        List.of(
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0100000000000000000000000000000000000000000000000000000000000080",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")) {
      byte[] sig = ReferenceEd25519.sign(A_SCALAR, A, BigInteger.ZERO, Hex.decode(hex), MSG);
      assertThat(ReferenceEd25519.verifyCofactored(A, MSG, sig)).isTrue();
      assertThat(bc(A, MSG, sig)).as(hex).isFalse();
    }
  }

  @Test
  void rejectsKeysOfSmallOrderAndNonCanonicalKeys() {
    byte[] sig = ReferenceEd25519.signature(R, R_SCALAR);
    for (Point t : ReferenceEd25519.eightTorsion()) {
      assertThat(ReferenceEd25519.verifyCofactored(t.encode(), MSG, sig)).isTrue();
      assertThat(bc(t.encode(), MSG, sig)).as(Hex.encode(t.encode())).isFalse();
    }
    byte[] nonCanonicalIdentity =
        Hex.decode("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertThat(bc(nonCanonicalIdentity, MSG, sig)).isFalse();
  }

  @Test
  void partialKeyValidationMeansCanonicalOnTheCurveAndNotOfSmallOrder() {
    // Ed25519.checkRaw and checkPublicKey call it only after their own small-order check, to name
    // the "key-not-on-curve" reason.
    assertThat(bcPartial(A)).isTrue();
    assertThat(bcPartial(A_POINT.add(ReferenceEd25519.eightTorsion().get(3)).encode())).isTrue();
    assertThat(bcPartial(ReferenceEd25519.littleEndian(BigInteger.TWO))).isFalse();
    assertThat(
            bcPartial(
                Hex.decode("f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")))
        .isFalse();
    for (Point t : ReferenceEd25519.eightTorsion()) {
      assertThat(bcPartial(t.encode())).as(Hex.encode(t.encode())).isFalse();
    }
  }

  @Test
  void speccheckRowOfThisVersion() {
    // results.md lists an older Bouncy Castle as V V V V X X X X X X X X (cofactorless, small
    // keys accepted). Version 1.87 refuses small-order keys and verifies cofactored.
    List<Ed25519SpeccheckTest.Case> cases = Ed25519SpeccheckTest.cases();
    StringBuilder row = new StringBuilder();
    for (Ed25519SpeccheckTest.Case c : cases) {
      row.append(bc(c.key(), c.msg(), c.sig()) ? 'V' : 'X');
    }
    assertThat(row.toString()).isEqualTo("XXVVVVXXXXXX");
  }
}
