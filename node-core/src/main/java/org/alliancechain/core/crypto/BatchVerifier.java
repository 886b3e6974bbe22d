package org.alliancechain.core.crypto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.core.crypto.EdwardsPoints.Cached;
import org.alliancechain.core.crypto.EdwardsPoints.Point;

/**
 * Many Ed25519 signatures checked by one equation (docs/crypto.md, "Batch verification"). For
 * signatures i with keys A_i, nonces R_i, scalars S_i and k_i = SHA-512(R_i ‖ A_i ‖ M_i) mod L,
 * each satisfies the profile's cofactored equation [8]([S_i]B - R_i - [k_i]A_i) = 0 exactly when
 * (but for a chance of 2^-128) the random linear combination does:
 *
 * <pre>
 *   [8]( Σ [z_i]R_i + Σ_A [Σ_{i: A_i = A} z_i·k_i]A - [Σ z_i·S_i]B ) = 0
 * </pre>
 *
 * <p>If every signature holds, so does the sum. If one does not, its term [8]([S_i]B - R_i -
 * [k_i]A_i) is a point of order L, and the sum is zero only for one value of z_i in 2^128.
 * Multiplying by 8 removes small-order components exactly as the single check does, so a batch
 * accepts what single verification accepts, nothing more (docs/crypto.md).
 *
 * <p>The z_i are 128-bit values derived by SHA-512 from every signature, key and k_i of the batch
 * (as in Fiat-Shamir): deterministic, so no randomness enters a node, and fixed only after every
 * input is, so a forger cannot aim at them. Signatures of one key share one multiplication of A,
 * and the sum is one multi-scalar multiplication (Straus: one chain of doublings, width-5 NAF
 * digits for each point, width 8 for B): a batch of 64 costs a fraction of 64 verifications ({@code
 * SignatureBench}).
 */
final class BatchVerifier {
  private BatchVerifier() {}

  static final BigInteger L =
      BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

  private static final int WIDTH = 5;
  private static final int BASE_WIDTH = 8;
  private static final Cached[] BASE_MULTIPLES =
      EdwardsPoints.oddMultiples(EdwardsPoints.BASE, 1 << (BASE_WIDTH - 2));
  private static final byte[] TAG =
      "alliancechain/v1/ed25519-batch".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * One signature ready for the equation: its key and nonce decoded, its S below L (checked by the
   * caller, with the rest of the profile's rules). A class, not a record: Error Prone forbids array
   * record components.
   */
  static final class Item {
    private final byte[] key;
    private final Point a;
    private final byte[] prefixedMessage;
    private final byte[] signature;
    private final Point r;

    Item(byte[] key, Point a, byte[] prefixedMessage, byte[] signature, Point r) {
      this.key = key;
      this.a = a;
      this.prefixedMessage = prefixedMessage;
      this.signature = signature;
      this.r = r;
    }

    byte[] key() {
      return key;
    }

    Point a() {
      return a;
    }

    byte[] prefixedMessage() {
      return prefixedMessage;
    }

    byte[] signature() {
      return signature;
    }

    Point r() {
      return r;
    }
  }

  /** Whether the batch equation holds for all of {@code items}; true for none. */
  static boolean holds(List<Item> items) {
    if (items.isEmpty()) {
      return true;
    }
    MessageDigest sha512 = sha512();
    int n = items.size();
    byte[][] kHashes = new byte[n][];
    for (int i = 0; i < n; i++) {
      Item item = items.get(i);
      sha512.update(item.signature(), 0, 32);
      sha512.update(item.key());
      sha512.update(item.prefixedMessage());
      kHashes[i] = sha512.digest();
    }
    BigInteger[] z = weights(sha512, items, kHashes);

    BigInteger sSum = BigInteger.ZERO;
    Map<ByteBuffer, BigInteger> keyScalars = new LinkedHashMap<>();
    Map<ByteBuffer, Point> keyPoints = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Item item = items.get(i);
      BigInteger k = littleEndian(kHashes[i], 0, 64).mod(L);
      BigInteger s = littleEndian(item.signature(), 32, 32);
      sSum = sSum.add(z[i].multiply(s));
      ByteBuffer key = ByteBuffer.wrap(item.key());
      keyScalars.merge(key, z[i].multiply(k), BigInteger::add);
      keyPoints.putIfAbsent(key, item.a());
    }

    int terms = n + keyScalars.size();
    Cached[][] tables = new Cached[terms + 1][];
    byte[][] digits = new byte[terms + 1][];
    int t = 0;
    EdwardsPoints.Scratch scratch = new EdwardsPoints.Scratch();
    for (int i = 0; i < n; i++, t++) {
      tables[t] = EdwardsPoints.oddMultiples(items.get(i).r(), 1 << (WIDTH - 2), scratch);
      digits[t] = nafDigits(z[i], WIDTH);
    }
    for (Map.Entry<ByteBuffer, BigInteger> e : keyScalars.entrySet()) {
      tables[t] = EdwardsPoints.oddMultiples(keyPoints.get(e.getKey()), 1 << (WIDTH - 2), scratch);
      digits[t] = nafDigits(e.getValue().mod(L), WIDTH);
      t++;
    }
    tables[t] = BASE_MULTIPLES;
    digits[t] = nafDigits(L.subtract(sSum.mod(L)).mod(L), BASE_WIDTH);

    Point sum = straus(tables, digits, scratch);
    sum.twice(scratch);
    sum.twice(scratch);
    sum.twice(scratch);
    return sum.isIdentity();
  }

  /** Σ digits_j · P_j, by one chain of doublings with the points' odd multiples added in. */
  static Point straus(Cached[][] oddMultiples, byte[][] digits) {
    return straus(oddMultiples, digits, new EdwardsPoints.Scratch());
  }

  private static Point straus(
      Cached[][] oddMultiples, byte[][] digits, EdwardsPoints.Scratch scratch) {
    int top = NAF_LENGTH - 1;
    while (top >= 0 && allZero(digits, top)) {
      top--;
    }
    Point sum = Point.identity();
    for (int bit = top; bit >= 0; bit--) {
      sum.twice(scratch);
      for (int j = 0; j < digits.length; j++) {
        int d = digits[j][bit];
        if (d > 0) {
          sum.add(oddMultiples[j][d >> 1], false, scratch);
        } else if (d < 0) {
          sum.add(oddMultiples[j][-d >> 1], true, scratch);
        }
      }
    }
    return sum;
  }

  private static boolean allZero(byte[][] digits, int bit) {
    for (byte[] d : digits) {
      if (d[bit] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The z_i: 128 bits each, two per SHA-512 block keyed by a digest of the whole batch. */
  private static BigInteger[] weights(MessageDigest sha512, List<Item> items, byte[][] kHashes) {
    sha512.update(TAG);
    for (int i = 0; i < items.size(); i++) {
      sha512.update(items.get(i).signature());
      sha512.update(items.get(i).key());
      sha512.update(kHashes[i]);
    }
    byte[] seed = sha512.digest();
    BigInteger[] z = new BigInteger[items.size()];
    for (int i = 0; i < z.length; i += 2) {
      sha512.update(seed);
      sha512.update(ByteBuffer.allocate(4).putInt(i).array());
      byte[] block = sha512.digest();
      z[i] = nonZero(littleEndian(block, 0, 16));
      if (i + 1 < z.length) {
        z[i + 1] = nonZero(littleEndian(block, 16, 16));
      }
    }
    return z;
  }

  private static BigInteger nonZero(BigInteger z) {
    return z.signum() == 0 ? BigInteger.ONE : z;
  }

  static final int NAF_LENGTH = 257;

  /**
   * Width-w non-adjacent form of 0 ≤ scalar < 2^253 (so below L, and its last carry fits):
   * digits[i] is 0 or odd with |digits[i]| < 2^(w-1), any w consecutive digits hold at most one
   * non-zero, and Σ digits[i]·2^i = scalar.
   */
  static byte[] nafDigits(BigInteger scalar, int width) {
    if (scalar.signum() < 0 || scalar.bitLength() > 253) {
      throw new IllegalArgumentException("scalar out of range");
    }
    long[] words = new long[6];
    byte[] bigEndian = scalar.toByteArray();
    for (int i = 0; i < bigEndian.length && i < 40; i++) {
      words[i >>> 3] |= (bigEndian[bigEndian.length - 1 - i] & 0xffL) << (8 * (i & 7));
    }
    byte[] digits = new byte[NAF_LENGTH];
    int carry = 0;
    int i = 0;
    while (i < NAF_LENGTH) {
      int bit = (int) (words[i >>> 6] >>> (i & 63)) & 1;
      if (bit == carry) { // this position's digit is even: 0, carry moves on
        i++;
        continue;
      }
      int window = bits(words, i, width) + carry; // odd
      int digit;
      if ((window & (1 << (width - 1))) != 0) {
        digit = window - (1 << width);
        carry = 1;
      } else {
        digit = window;
        carry = 0;
      }
      digits[i] = (byte) digit;
      i += width;
    }
    return digits;
  }

  private static int bits(long[] words, int from, int count) {
    int word = from >>> 6;
    int shift = from & 63;
    long value = words[word] >>> shift;
    if (shift != 0) {
      value |= words[word + 1] << (64 - shift);
    }
    return (int) (value & ((1L << count) - 1));
  }

  static BigInteger littleEndian(byte[] bytes, int offset, int length) {
    byte[] bigEndian = new byte[length];
    for (int i = 0; i < length; i++) {
      bigEndian[i] = bytes[offset + length - 1 - i];
    }
    return new BigInteger(1, bigEndian);
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is part of every Java platform", e);
    }
  }
}
