package org.alliancechain.core.crypto;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Points of edwards25519 (-x² + y² = 1 + d·x²·y² over GF(2^255 - 19)) in extended coordinates, on
 * Bouncy Castle's field arithmetic ({@link X25519Field}, public API): what batch verification
 * ({@link BatchVerifier}) needs and Bouncy Castle keeps private. The formulas are RFC 8032 §5.1.4's
 * (addition and doubling in extended homogeneous coordinates, complete for this curve).
 *
 * <p>Field elements are Bouncy Castle's ten signed limbs. Its multiplication accepts the sum or
 * difference of two products; anything built from more is carried first ({@code carry} below).
 * Variable time: only public data (signatures, keys, messages) goes through here.
 */
final class EdwardsPoints {
  private EdwardsPoints() {}

  /** The curve constant d = -121665/121666, and 2·d. */
  static final int[] D = constantD();

  static final int[] D2 = doubled(D);

  /** The base point B of RFC 8032 §5.1 (y = 4/5, x even). */
  static final Point BASE =
      decode(
          org.alliancechain.core.Hex.decode(
              "5866666666666666666666666666666666666666666666666666666666666666"),
          0);

  /** A point (X : Y : Z : T) with x = X/Z, y = Y/Z, x·y = T/Z. Mutable; never shared mutated. */
  static final class Point {
    final int[] x = X25519Field.create();
    final int[] y = X25519Field.create();
    final int[] z = X25519Field.create();
    final int[] t = X25519Field.create();

    static Point identity() {
      Point p = new Point();
      X25519Field.one(p.y);
      X25519Field.one(p.z);
      return p;
    }

    Point copy() {
      Point p = new Point();
      X25519Field.copy(x, 0, p.x, 0);
      X25519Field.copy(y, 0, p.y, 0);
      X25519Field.copy(z, 0, p.z, 0);
      X25519Field.copy(t, 0, p.t, 0);
      return p;
    }

    /** This point in the form additions take: (Y + X, Y - X, 2·Z, 2·d·T). */
    Cached cached() {
      Cached c = new Cached();
      X25519Field.apm(y, x, c.yPlusX, c.yMinusX);
      X25519Field.carry(c.yPlusX);
      X25519Field.carry(c.yMinusX);
      X25519Field.add(z, z, c.z2);
      X25519Field.carry(c.z2);
      X25519Field.mul(t, D2, c.t2d);
      return c;
    }

    /** this ← 2·this (RFC 8032 §5.1.4, doubling), in the caller's temporaries. */
    void twice(Scratch s) {
      int[] a = s.a;
      int[] b = s.b;
      int[] c = s.c;
      int[] e = s.e;
      int[] f = s.f;
      int[] g = s.g;
      int[] h = s.h;
      X25519Field.sqr(x, a);
      X25519Field.sqr(y, b);
      X25519Field.sqr(z, c);
      X25519Field.add(c, c, c);
      X25519Field.apm(a, b, h, g); // h = A + B, g = A - B
      X25519Field.add(x, y, e);
      X25519Field.sqr(e, e);
      X25519Field.sub(h, e, e); // E = H - (X + Y)²
      X25519Field.carry(e);
      X25519Field.add(c, g, f); // F = C + G
      X25519Field.carry(f);
      X25519Field.mul(e, f, x);
      X25519Field.mul(g, h, y);
      X25519Field.mul(e, h, t);
      X25519Field.mul(f, g, z);
    }

    /**
     * this ← this + q, or this - q when {@code subtract} (RFC 8032 §5.1.4, addition), in the
     * caller's temporaries.
     */
    void add(Cached q, boolean subtract, Scratch s) {
      int[] a = s.a;
      int[] b = s.b;
      int[] c = s.c;
      int[] d = s.d;
      int[] e = s.e;
      int[] f = s.f;
      int[] g = s.g;
      int[] h = s.h;
      X25519Field.apm(y, x, b, a); // b = Y + X, a = Y - X
      // -q = (-x, y): Y+X and Y-X trade places and T changes sign.
      X25519Field.mul(a, subtract ? q.yPlusX : q.yMinusX, a);
      X25519Field.mul(b, subtract ? q.yMinusX : q.yPlusX, b);
      X25519Field.mul(t, q.t2d, c);
      X25519Field.mul(z, q.z2, d);
      X25519Field.apm(b, a, h, e); // H = B + A, E = B - A
      if (subtract) {
        X25519Field.apm(d, c, f, g); // F = D + C, G = D - C
      } else {
        X25519Field.apm(d, c, g, f); // G = D + C, F = D - C
      }
      X25519Field.mul(e, f, x);
      X25519Field.mul(g, h, y);
      X25519Field.mul(e, h, t);
      X25519Field.mul(f, g, z);
    }

    /** Whether this is the neutral element (0 : 1): X = 0 and Y = Z. */
    boolean isIdentity() {
      int[] x0 = X25519Field.create();
      X25519Field.copy(x, 0, x0, 0);
      X25519Field.normalize(x0);
      int[] diff = X25519Field.create();
      X25519Field.sub(y, z, diff);
      X25519Field.normalize(diff);
      return X25519Field.isZeroVar(x0) && X25519Field.isZeroVar(diff);
    }

    /** The 32-byte RFC 8032 encoding (y, with x's low bit on top). */
    byte[] encode() {
      int[] inverse = X25519Field.create();
      X25519Field.invVar(z, inverse);
      int[] ax = X25519Field.create();
      int[] ay = X25519Field.create();
      X25519Field.mul(x, inverse, ax);
      X25519Field.mul(y, inverse, ay);
      X25519Field.normalize(ax);
      X25519Field.normalize(ay);
      byte[] out = new byte[32];
      X25519Field.encode(ay, out, 0);
      out[31] |= (byte) ((ax[0] & 1) << 7);
      return out;
    }
  }

  /** Temporaries of one thread's additions and doublings: a batch allocates them once. */
  static final class Scratch {
    final int[] a = X25519Field.create();
    final int[] b = X25519Field.create();
    final int[] c = X25519Field.create();
    final int[] d = X25519Field.create();
    final int[] e = X25519Field.create();
    final int[] f = X25519Field.create();
    final int[] g = X25519Field.create();
    final int[] h = X25519Field.create();
  }

  /** A point prepared as the second operand of additions. */
  static final class Cached {
    final int[] yPlusX = X25519Field.create();
    final int[] yMinusX = X25519Field.create();
    final int[] z2 = X25519Field.create();
    final int[] t2d = X25519Field.create();
  }

  /**
   * Decodes 32 bytes at {@code offset} (RFC 8032 §5.1.3), or null when no curve point has that y
   * and sign. The caller has checked that the encoding is canonical (y < p).
   */
  static Point decode(byte[] bytes, int offset) {
    byte[] encodedY = java.util.Arrays.copyOfRange(bytes, offset, offset + 32);
    int sign = (encodedY[31] & 0x80) >>> 7;
    encodedY[31] &= 0x7f;
    Point p = new Point();
    X25519Field.decode255(encodedY, p.y);
    int[] u = X25519Field.create();
    int[] v = X25519Field.create();
    X25519Field.sqr(p.y, u);
    X25519Field.mul(D, u, v);
    X25519Field.subOne(u); // u = y² - 1
    X25519Field.addOne(v); // v = d·y² + 1
    if (!X25519Field.sqrtRatioVar(u, v, p.x)) {
      return null;
    }
    X25519Field.normalize(p.x);
    if (sign == 1 && X25519Field.isZeroVar(p.x)) {
      return null;
    }
    if ((p.x[0] & 1) != sign) { // normalized, so limb 0's low bit is x's
      X25519Field.negate(p.x, p.x);
      X25519Field.normalize(p.x);
    }
    X25519Field.one(p.z);
    X25519Field.mul(p.x, p.y, p.t);
    return p;
  }

  /** The odd multiples P, 3P, 5P, ..., (2·count - 1)P of {@code p}, for width-w NAF digits. */
  static Cached[] oddMultiples(Point p, int count) {
    return oddMultiples(p, count, new Scratch());
  }

  /** {@link #oddMultiples(Point, int)} with the caller's temporaries. */
  static Cached[] oddMultiples(Point p, int count, Scratch scratch) {
    Cached[] table = new Cached[count];
    table[0] = p.cached();
    if (count > 1) {
      Point twice = p.copy();
      twice.twice(scratch);
      Cached step = twice.cached();
      Point running = p.copy();
      for (int i = 1; i < count; i++) {
        running.add(step, false, scratch);
        table[i] = running.cached();
      }
    }
    return table;
  }

  private static int[] constantD() {
    int[] denominator = X25519Field.create();
    X25519Field.one(denominator);
    X25519Field.mul(denominator, 121_666, denominator);
    int[] inverse = X25519Field.create();
    X25519Field.invVar(denominator, inverse);
    int[] d = X25519Field.create();
    X25519Field.mul(inverse, 121_665, d);
    X25519Field.negate(d, d);
    X25519Field.normalize(d);
    return d;
  }

  private static int[] doubled(int[] value) {
    int[] out = X25519Field.create();
    X25519Field.add(value, value, out);
    X25519Field.normalize(out);
    return out;
  }
}
