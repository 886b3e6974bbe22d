package org.alliancechain.core.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A slow textbook Ed25519 over BigInteger, transcribed from the Python of RFC 8032 §5.1 and §6.
 * Tests use it to build and classify edge-case inputs (small-order points, non-canonical encodings,
 * cofactored-only signatures) independently of Bouncy Castle, so that the expected outcomes in the
 * tests are not copied from the implementation under test.
 */
final class ReferenceEd25519 {
  static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
  static final BigInteger D =
      BigInteger.valueOf(-121665).multiply(inv(BigInteger.valueOf(121666))).mod(P);
  private static final BigInteger SQRT_M1 =
      BigInteger.TWO.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P);
  static final Point IDENTITY =
      new Point(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE, BigInteger.ZERO);
  static final Point BASE = base();

  /** Extended homogeneous coordinates: x = X/Z, y = Y/Z, x*y = T/Z (RFC 8032 §5.1.4). */
  record Point(BigInteger x, BigInteger y, BigInteger z, BigInteger t) {
    Point add(Point q) {
      BigInteger a = y.subtract(x).multiply(q.y.subtract(q.x)).mod(P);
      BigInteger b = y.add(x).multiply(q.y.add(q.x)).mod(P);
      BigInteger c = BigInteger.TWO.multiply(t).multiply(q.t).multiply(D).mod(P);
      BigInteger d = BigInteger.TWO.multiply(z).multiply(q.z).mod(P);
      BigInteger e = b.subtract(a);
      BigInteger f = d.subtract(c);
      BigInteger g = d.add(c);
      BigInteger h = b.add(a);
      return new Point(
          e.multiply(f).mod(P), g.multiply(h).mod(P), f.multiply(g).mod(P), e.multiply(h).mod(P));
    }

    Point negate() {
      return new Point(P.subtract(x).mod(P), y, z, P.subtract(t).mod(P));
    }

    Point times(BigInteger scalar) {
      Point result = IDENTITY;
      Point addend = this;
      BigInteger s = scalar;
      while (s.signum() > 0) {
        if (s.testBit(0)) {
          result = result.add(addend);
        }
        addend = addend.add(addend);
        s = s.shiftRight(1);
      }
      return result;
    }

    Point times(long scalar) {
      return times(BigInteger.valueOf(scalar));
    }

    boolean sameAs(Point q) {
      return x.multiply(q.z).subtract(q.x.multiply(z)).mod(P).signum() == 0
          && y.multiply(q.z).subtract(q.y.multiply(z)).mod(P).signum() == 0;
    }

    boolean isIdentity() {
      return sameAs(IDENTITY);
    }

    /** The order of the point: it divides 8L, so it is k or kL with k in {1, 2, 4, 8}. */
    BigInteger order() {
      if (times(8).isIdentity()) {
        return BigInteger.valueOf(torsionOrder(this));
      }
      return L.multiply(BigInteger.valueOf(torsionOrder(times(L))));
    }

    private static long torsionOrder(Point q) {
      for (long k = 1; k <= 8; k *= 2) {
        if (q.times(k).isIdentity()) {
          return k;
        }
      }
      throw new AssertionError("not a point of order dividing 8");
    }

    Kind kind() {
      BigInteger order = order();
      if (order.compareTo(BigInteger.valueOf(8)) <= 0) {
        return Kind.SMALL;
      }
      return order.equals(L) ? Kind.PRIME : Kind.MIXED;
    }

    byte[] encode() {
      BigInteger zi = inv(z);
      BigInteger ax = x.multiply(zi).mod(P);
      BigInteger ay = y.multiply(zi).mod(P);
      return littleEndian(ax.testBit(0) ? ay.setBit(255) : ay);
    }
  }

  /** Order class of a point: in the 8-torsion, exactly order L, or neither. */
  enum Kind {
    SMALL,
    PRIME,
    MIXED
  }

  private ReferenceEd25519() {}

  static BigInteger inv(BigInteger v) {
    return v.modPow(P.subtract(BigInteger.TWO), P);
  }

  private static Point base() {
    BigInteger y = BigInteger.valueOf(4).multiply(inv(BigInteger.valueOf(5))).mod(P);
    BigInteger x = recoverX(y, false);
    return new Point(x, y, BigInteger.ONE, x.multiply(y).mod(P));
  }

  /** RFC 8032 §5.1.3 steps 2-4; null when no x exists or when x = 0 with the sign bit set. */
  static BigInteger recoverX(BigInteger y, boolean sign) {
    BigInteger x2 =
        y.multiply(y)
            .subtract(BigInteger.ONE)
            .multiply(inv(D.multiply(y).multiply(y).add(BigInteger.ONE)));
    x2 = x2.mod(P);
    if (x2.signum() == 0) {
      return sign ? null : BigInteger.ZERO;
    }
    BigInteger x = x2.modPow(P.add(BigInteger.valueOf(3)).shiftRight(3), P);
    if (x.multiply(x).subtract(x2).mod(P).signum() != 0) {
      x = x.multiply(SQRT_M1).mod(P);
    }
    if (x.multiply(x).subtract(x2).mod(P).signum() != 0) {
      return null;
    }
    if (x.testBit(0) != sign) {
      x = P.subtract(x);
    }
    return x;
  }

  /** RFC 8032 §5.1.3 decoding: null unless the encoding is canonical and on the curve. */
  static Point decodeStrict(byte[] encoded) {
    BigInteger y = unsignedLittleEndian(encoded).clearBit(255);
    if (y.compareTo(P) >= 0) {
      return null;
    }
    return decodeY(y, (encoded[31] & 0x80) != 0);
  }

  /**
   * Decoding as a lax verifier would: y is reduced mod p and a set sign bit on x = 0 is ignored.
   * Null only when the point is not on the curve.
   */
  static Point decodeLax(byte[] encoded) {
    BigInteger y = unsignedLittleEndian(encoded).clearBit(255).mod(P);
    Point strict = decodeY(y, (encoded[31] & 0x80) != 0);
    return strict != null ? strict : decodeY(y, false);
  }

  private static Point decodeY(BigInteger y, boolean sign) {
    BigInteger x = recoverX(y, sign);
    return x == null ? null : new Point(x, y, BigInteger.ONE, x.multiply(y).mod(P));
  }

  /** True when the encoding is the canonical one of the point it decodes to (laxly). */
  static boolean isCanonical(byte[] encoded) {
    return decodeStrict(encoded) != null;
  }

  static BigInteger challenge(byte[] r, byte[] a, byte[] message) {
    MessageDigest sha512 = sha512();
    sha512.update(r);
    sha512.update(a);
    sha512.update(message);
    return unsignedLittleEndian(sha512.digest()).mod(L);
  }

  /** [S]B = R + [k]A, with S taken as an integer as is (no reduction), points decoded laxly. */
  static boolean verifyCofactorless(byte[] a, byte[] message, byte[] signature) {
    return equation(a, message, signature, 1);
  }

  /** [8][S]B = [8]R + [8][k]A, the ZIP-215 equation. */
  static boolean verifyCofactored(byte[] a, byte[] message, byte[] signature) {
    return equation(a, message, signature, 8);
  }

  private static boolean equation(byte[] a, byte[] message, byte[] signature, long cofactor) {
    byte[] r = java.util.Arrays.copyOfRange(signature, 0, 32);
    BigInteger s = unsignedLittleEndian(java.util.Arrays.copyOfRange(signature, 32, 64));
    Point pa = decodeLax(a);
    Point pr = decodeLax(r);
    if (pa == null || pr == null) {
      return false;
    }
    BigInteger k = challenge(r, a, message);
    Point left = BASE.times(s).times(cofactor);
    Point right = pr.add(pa.times(k)).times(cofactor);
    return left.sameAs(right);
  }

  /** R ‖ S as a 64-byte signature, S written as 32 little-endian bytes without reduction. */
  static byte[] signature(byte[] r, BigInteger s) {
    byte[] out = java.util.Arrays.copyOf(r, 64);
    System.arraycopy(littleEndian(s), 0, out, 32, 32);
    return out;
  }

  /** S = r + k * a mod L for the given R and A encodings: the signer's side of the equation. */
  static byte[] sign(BigInteger a, byte[] aEncoded, BigInteger r, byte[] rEncoded, byte[] msg) {
    BigInteger k = challenge(rEncoded, aEncoded, msg);
    return signature(rEncoded, r.add(k.multiply(a)).mod(L));
  }

  /** The 8 points of order dividing 8, as the multiples of one point of order 8. */
  static java.util.List<Point> eightTorsion() {
    return TorsionHolder.POINTS;
  }

  private static final class TorsionHolder {
    static final java.util.List<Point> POINTS = computeEightTorsion();
  }

  private static java.util.List<Point> computeEightTorsion() {
    // [L]P is the torsion component of P; search small y for a P whose component has order 8.
    for (long y = 2; ; y++) {
      Point p = decodeStrict(littleEndian(BigInteger.valueOf(y)));
      if (p == null) {
        continue;
      }
      Point t = p.times(L);
      if (t.order().equals(BigInteger.valueOf(8))) {
        java.util.List<Point> out = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
          out.add(t.times(i));
        }
        return java.util.List.copyOf(out);
      }
    }
  }

  static BigInteger unsignedLittleEndian(byte[] bytes) {
    byte[] be = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      be[i] = bytes[bytes.length - 1 - i];
    }
    return new BigInteger(1, be);
  }

  static byte[] littleEndian(BigInteger value) {
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = value.shiftRight(8 * i).byteValue();
    }
    return out;
  }

  static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-512", e);
    }
  }
}
