package org.alliancechain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancechain.core.Hex;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.crypto.ReferenceEd25519.Point;
import org.junit.jupiter.api.Test;

// The verification profile of docs/crypto.md, rule by rule, on inputs built with the BigInteger
// reference (ReferenceEd25519) so that each rejected signature would pass a verifier lacking that
// rule. Seeded loops print their seed; replay with -Ded25519.seed=<seed>.
class Ed25519ProfileTest {
  private static final BigInteger L = ReferenceEd25519.L;
  private static final BigInteger P = ReferenceEd25519.P;
  private static final byte[] MSG = "pay 10 to bob".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OTHER_MSG = "pay 99 to eve".getBytes(StandardCharsets.UTF_8);

  // A fixed honest key and nonce for the constructed signatures.
  private static final BigInteger A_SCALAR = new BigInteger("1234567890123456789012345678901");
  private static final BigInteger R_SCALAR = new BigInteger("98765432109876543210987654321");
  private static final byte[] A = ReferenceEd25519.BASE.times(A_SCALAR).encode();
  private static final byte[] R = ReferenceEd25519.BASE.times(R_SCALAR).encode();

  private static long seed() {
    long seed = Long.getLong("ed25519.seed", System.nanoTime());
    System.out.println(
        "Ed25519ProfileTest seed = " + seed + " (replay: -Ded25519.seed=" + seed + ")");
    return seed;
  }

  private static String reason(byte[] key, byte[] msg, byte[] sig) {
    return Ed25519.checkRaw(key, msg, sig).reason();
  }

  @Test
  void constructedHonestSignatureIsAccepted() {
    // Guards the constructions below: the reference signer agrees with Bouncy Castle.
    byte[] sig = ReferenceEd25519.sign(A_SCALAR, A, R_SCALAR, R, MSG);
    assertThat(reason(A, MSG, sig)).isEqualTo("ok");
    assertThat(reason(A, OTHER_MSG, sig)).isEqualTo(Ed25519.Rejection.SIGNATURE_INVALID.code());
  }

  @Test
  void malleatedSignaturesWithSPlusMultiplesOfLFail() {
    // RFC 8032 §5.1.7, §8.4: S + L satisfies both equations; only the S < L rule rejects it.
    SplittableRandom random = new SplittableRandom(seed());
    for (int i = 0; i < 50; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      byte[] msg = new byte[random.nextInt(100)];
      random.nextBytes(msg);
      KeyPair pair = KeyPair.fromSeed(seed);
      byte[] sig = pair.signRaw(msg);
      byte[] key = pair.publicKey().toBytes();
      assertThat(reason(key, msg, sig)).isEqualTo("ok");
      BigInteger s =
          ReferenceEd25519.unsignedLittleEndian(java.util.Arrays.copyOfRange(sig, 32, 64));
      for (int multiple : new int[] {1, 2, 4, 8}) {
        byte[] malleated =
            ReferenceEd25519.signature(
                java.util.Arrays.copyOf(sig, 32), s.add(L.multiply(BigInteger.valueOf(multiple))));
        assertThat(ReferenceEd25519.verifyCofactorless(key, msg, malleated)).isTrue();
        assertThat(reason(key, msg, malleated))
            .as("S + %dL", multiple)
            .isEqualTo(Ed25519.Rejection.SIGNATURE_S_NOT_REDUCED.code());
      }
    }
  }

  @Test
  void reducedScalarCheckAgreesWithIntegerComparison() {
    SplittableRandom random = new SplittableRandom(seed());
    List<BigInteger> values =
        new java.util.ArrayList<>(
            List.of(
                BigInteger.ZERO,
                BigInteger.ONE,
                L.subtract(BigInteger.ONE),
                L,
                L.add(BigInteger.ONE),
                BigInteger.TWO.pow(252),
                BigInteger.TWO.pow(253).subtract(BigInteger.ONE),
                BigInteger.TWO.pow(256).subtract(BigInteger.ONE)));
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      BigInteger v = ReferenceEd25519.unsignedLittleEndian(bytes);
      values.add(v);
      values.add(v.mod(L));
      values.add(v.mod(BigInteger.TWO.pow(253)));
    }
    for (BigInteger v : values) {
      assertThat(Ed25519.isReducedScalar(ReferenceEd25519.littleEndian(v), 0))
          .as("S = %s", v)
          .isEqualTo(v.compareTo(L) < 0);
    }
  }

  @Test
  void canonicalPointCheckAgreesWithRfc8032Decoding() {
    // RFC 8032 §5.1.3: decoding fails when y >= p, and when x = 0 (y = 1 or y = p - 1) with the
    // sign bit set. Every y around 0 and p, both signs, plus random ones.
    SplittableRandom random = new SplittableRandom(seed());
    List<BigInteger> ys = new java.util.ArrayList<>();
    for (int d = 0; d < 40; d++) {
      ys.add(BigInteger.valueOf(d));
      ys.add(P.subtract(BigInteger.valueOf(d + 1)));
      ys.add(P.add(BigInteger.valueOf(d)).min(BigInteger.TWO.pow(255).subtract(BigInteger.ONE)));
    }
    for (int i = 0; i < 2000; i++) {
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      ys.add(ReferenceEd25519.unsignedLittleEndian(bytes).clearBit(255));
    }
    for (BigInteger y : ys) {
      for (boolean sign : new boolean[] {false, true}) {
        byte[] encoded = ReferenceEd25519.littleEndian(sign ? y.setBit(255) : y);
        boolean xIsZero = y.equals(BigInteger.ONE) || y.equals(P.subtract(BigInteger.ONE));
        boolean canonical = y.compareTo(P) < 0 && !(sign && xIsZero);
        assertThat(Ed25519.isCanonicalPoint(encoded, 0))
            .as("y = %s, sign = %s", y, sign)
            .isEqualTo(canonical);
      }
    }
  }

  @Test
  void theSmallOrderListIsExactlyTheEightTorsion() {
    // Derived here as the multiples of [L]P for a point P with an order-8 component.
    List<Point> torsion = ReferenceEd25519.eightTorsion();
    List<String> derived = torsion.stream().map(t -> Hex.encode(t.encode())).sorted().toList();
    List<String> listed = Ed25519.smallOrderEncodings().stream().map(Hex::encode).sorted().toList();
    assertThat(derived).doesNotHaveDuplicates().hasSize(8);
    assertThat(listed).isEqualTo(derived);
    for (Point t : torsion) {
      assertThat(t.times(8).isIdentity()).isTrue();
    }
  }

  @Test
  void smallOrderKeysAreRejectedThoughOneSignatureFitsEveryMessage() {
    // With A of small order, [8][k]A = 0: (R = [r]B, S = r) satisfies the cofactored equation for
    // every message. The profile refuses such keys outright.
    byte[] sig = ReferenceEd25519.signature(R, R_SCALAR);
    for (byte[] key : Ed25519.smallOrderEncodings()) {
      assertThat(ReferenceEd25519.verifyCofactored(key, MSG, sig)).isTrue();
      assertThat(ReferenceEd25519.verifyCofactored(key, OTHER_MSG, sig)).isTrue();
      assertThat(reason(key, MSG, sig))
          .as(Hex.encode(key))
          .isEqualTo(Ed25519.Rejection.KEY_SMALL_ORDER.code());
      assertThat(Ed25519.checkPublicKey(PublicKey.of(key)).reason())
          .isEqualTo(Ed25519.Rejection.KEY_SMALL_ORDER.code());
    }
  }

  @Test
  void nonCanonicalKeysAreRejected() {
    // y' + p for y' = 1 (the identity), y' = 0 (order 4), the sign bit on x = 0, and y = p + 3
    // (a point of mixed order): all decode under a lax verifier.
    String[] encodings = {
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0100000000000000000000000000000000000000000000000000000000000080",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
      "f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"
    };
    byte[] sig = ReferenceEd25519.signature(R, R_SCALAR);
    for (String hex : encodings) {
      byte[] key = Hex.decode(hex);
      assertThat(ReferenceEd25519.decodeLax(key)).as(hex).isNotNull();
      assertThat(ReferenceEd25519.isCanonical(key)).as(hex).isFalse();
      assertThat(reason(key, MSG, sig))
          .as(hex)
          .isEqualTo(Ed25519.Rejection.KEY_NON_CANONICAL.code());
    }
    assertThat(ReferenceEd25519.verifyCofactored(Hex.decode(encodings[0]), MSG, sig)).isTrue();
  }

  @Test
  void nonCanonicalREncodingsAreRejectedThoughTheEquationHolds() {
    // R encodings of small-order points that are not canonical; S = k * a makes the cofactored
    // equation hold with k hashed over the bytes as sent.
    String[] encodings = {
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "0100000000000000000000000000000000000000000000000000000000000080",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    };
    for (String hex : encodings) {
      byte[] r = Hex.decode(hex);
      byte[] sig = ReferenceEd25519.sign(A_SCALAR, A, BigInteger.ZERO, r, MSG);
      assertThat(ReferenceEd25519.verifyCofactored(A, MSG, sig)).as(hex).isTrue();
      assertThat(reason(A, MSG, sig))
          .as(hex)
          .isEqualTo(Ed25519.Rejection.SIGNATURE_R_NON_CANONICAL.code());
    }
  }

  @Test
  void mixedOrderKeysAndTorsionInRAreAcceptedBecauseTheEquationIsCofactored() {
    // Only [8]A and [8]R enter the cofactored equation; these signatures still need the scalar a.
    List<Point> torsion = ReferenceEd25519.eightTorsion();
    Point honestA = ReferenceEd25519.BASE.times(A_SCALAR);
    Point honestR = ReferenceEd25519.BASE.times(R_SCALAR);
    int cofactorlessFailures = 0;
    for (int i = 1; i < 8; i++) {
      Point t = torsion.get(i);
      byte[] mixedA = honestA.add(t).encode();
      byte[] sigForMixedA = ReferenceEd25519.sign(A_SCALAR, mixedA, R_SCALAR, R, MSG);
      byte[] mixedR = honestR.add(t).encode();
      byte[] sigWithMixedR = ReferenceEd25519.sign(A_SCALAR, A, R_SCALAR, mixedR, MSG);
      byte[] smallR = t.encode();
      byte[] sigWithSmallR = ReferenceEd25519.sign(A_SCALAR, A, BigInteger.ZERO, smallR, MSG);
      for (byte[][] c :
          new byte[][][] {{mixedA, sigForMixedA}, {A, sigWithMixedR}, {A, sigWithSmallR}}) {
        assertThat(ReferenceEd25519.verifyCofactored(c[0], MSG, c[1])).isTrue();
        assertThat(reason(c[0], MSG, c[1])).as("torsion point %d", i).isEqualTo("ok");
      }
      // The cofactorless equation fails for a mixed R always, for a mixed A unless [k]T = 0.
      if (!ReferenceEd25519.verifyCofactorless(mixedA, MSG, sigForMixedA)) {
        cofactorlessFailures++;
      }
      if (!ReferenceEd25519.verifyCofactorless(A, MSG, sigWithMixedR)) {
        cofactorlessFailures++;
      }
    }
    // R + kA = [r]B + T + kA misses [S]B by T, for each of the 7 torsion points at least.
    assertThat(cofactorlessFailures).isGreaterThanOrEqualTo(7);
  }

  @Test
  void keysAndRNotOnTheCurveAreRejected() {
    // y = 2: (y^2 - 1) / (d y^2 + 1) is not a square mod p, so no x exists.
    byte[] offCurve = ReferenceEd25519.littleEndian(BigInteger.TWO);
    assertThat(ReferenceEd25519.decodeLax(offCurve)).isNull();
    byte[] sig = ReferenceEd25519.signature(R, R_SCALAR);
    assertThat(reason(offCurve, MSG, sig)).isEqualTo(Ed25519.Rejection.KEY_NOT_ON_CURVE.code());
    assertThat(Ed25519.checkPublicKey(PublicKey.of(offCurve)).reason())
        .isEqualTo(Ed25519.Rejection.KEY_NOT_ON_CURVE.code());
    byte[] sigWithOffCurveR = ReferenceEd25519.sign(A_SCALAR, A, R_SCALAR, offCurve, MSG);
    assertThat(reason(A, MSG, sigWithOffCurveR))
        .isEqualTo(Ed25519.Rejection.SIGNATURE_INVALID.code());
  }

  @Test
  void generatedKeysPassTheKeyCheckAndSignaturesVerifyOnlyUnchanged() {
    SplittableRandom random = new SplittableRandom(seed());
    for (int i = 0; i < 30; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      KeyPair pair = KeyPair.fromSeed(seed);
      assertThat(Ed25519.checkPublicKey(pair.publicKey())).isEqualTo(Verdict.ok());
      byte[] msg = new byte[1 + random.nextInt(64)];
      random.nextBytes(msg);
      Signature sig = pair.sign(Domain.TRANSACTION, msg);
      assertThat(Ed25519.verify(pair.publicKey(), Domain.TRANSACTION, msg, sig)).isTrue();
      byte[] flipped = sig.toBytes();
      int bit = random.nextInt(512);
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      assertThat(Ed25519.verify(pair.publicKey(), Domain.TRANSACTION, msg, Signature.of(flipped)))
          .as("bit %d flipped", bit)
          .isFalse();
      byte[] changed = msg.clone();
      changed[random.nextInt(changed.length)] ^= 1;
      assertThat(Ed25519.verify(pair.publicKey(), Domain.TRANSACTION, changed, sig)).isFalse();
    }
  }

  @Test
  void signaturesAreDomainSeparated() {
    // SPEC M-26: a transaction signature must never count as a commit vote (or anything else).
    KeyPair pair = KeyPair.fromSeed(new byte[32]);
    byte[] msg = Hex.decode("00112233445566778899");
    Signature tx = pair.sign(Domain.TRANSACTION, msg);
    assertThat(Ed25519.verify(pair.publicKey(), Domain.TRANSACTION, msg, tx)).isTrue();
    assertThat(Ed25519.verify(pair.publicKey(), Domain.COMMIT_VOTE, msg, tx)).isFalse();
    assertThat(Ed25519.check(pair.publicKey(), Domain.COMMIT_VOTE, msg, tx).reason())
        .isEqualTo(Ed25519.Rejection.SIGNATURE_INVALID.code());
    for (Domain other : Domain.values()) {
      if (other != Domain.TRANSACTION) {
        assertThat(Ed25519.verify(pair.publicKey(), other, msg, tx)).as(other.name()).isFalse();
      }
    }
    assertThat(Ed25519.verifyRaw(pair.publicKey().toBytes(), msg, tx.toBytes())).isFalse();
  }
}
