package org.alliancechain.core.crypto;

import java.util.Arrays;
import java.util.List;
import org.alliancechain.core.Hex;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.hash.Hash;

/**
 * Ed25519 signature verification with the protocol's one verification profile. Every node must
 * accept exactly the same signatures, so the profile is part of the protocol (docs/crypto.md):
 *
 * <ol>
 *   <li>S is an integer below the group order L (RFC 8032 §5.1.7 step 1; no S + L malleation);
 *   <li>A and R are canonical encodings: y < p, and x = 0 never carries a set sign bit (RFC 8032
 *       §5.1.3 decoding, which fails on both);
 *   <li>A is not one of the 8 points of small order (such a key would accept one signature for
 *       every message);
 *   <li>A and R decode to curve points, and the cofactored equation [8][S]B = [8]R + [8][k]A holds
 *       with k = SHA-512(R ‖ A ‖ M) (RFC 8032 §5.1.7 step 3, the equation RFC 8032 itself states).
 * </ol>
 *
 * <p>Rules 1-3 are checked here, explicitly and first, so that the profile does not rest on what a
 * given Bouncy Castle version happens to check. Rule 4 is Bouncy Castle's: {@code
 * BouncyCastleBehaviourTest} pins that version 1.87 decodes strictly and uses the cofactored
 * equation, so an upgrade that changed it would fail the build.
 *
 * <p>A key that passes rules 2 and 3 is decoded to a curve point once and kept ({@link
 * DecodedKeys}); Bouncy Castle's verification from a decoded point skips decoding A, about a tenth
 * of a verification, and {@code BouncyCastleBehaviourTest} pins that both forms accept the same
 * signatures.
 */
public final class Ed25519 {
  // Process-wide: the same transaction reaches this check through several paths of one node.
  private static final VerifiedSignatures VERIFIED = new VerifiedSignatures();
  private static final java.util.concurrent.atomic.LongAdder VERIFICATIONS =
      new java.util.concurrent.atomic.LongAdder();
  private static final java.util.concurrent.atomic.LongAdder BATCHED =
      new java.util.concurrent.atomic.LongAdder();

  /** Fewer unverified signatures than this are checked one by one, not as a batch. */
  static final int BATCH_MIN = 4;

  // Keys decoded once: a member or account signs many transactions (docs/crypto.md).
  private static final DecodedKeys DECODED_KEYS = new DecodedKeys();

  /** Why a signature or key was rejected; {@link #code()} is the {@link Verdict} reason. */
  public enum Rejection {
    SIGNATURE_S_NOT_REDUCED("signature-s-not-reduced"),
    SIGNATURE_R_NON_CANONICAL("signature-r-non-canonical"),
    KEY_NON_CANONICAL("key-non-canonical"),
    KEY_SMALL_ORDER("key-small-order"),
    KEY_NOT_ON_CURVE("key-not-on-curve"),
    SIGNATURE_INVALID("signature-invalid");

    private final String code;

    Rejection(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    Verdict verdict(String detail) {
      return Verdict.reject(code, detail);
    }
  }

  // The group order L = 2^252 + 27742317777372353535851937790883648493, little-endian.
  private static final byte[] ORDER_L =
      hex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");

  // The canonical encodings of the 8 points of order dividing 8 (the whole 8-torsion subgroup).
  // Ed25519ProfileTest derives them independently as the multiples of a point of order 8.
  private static final byte[][] SMALL_ORDER_POINTS = {
    hex("0100000000000000000000000000000000000000000000000000000000000000"), // order 1
    hex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"), // order 2
    hex("0000000000000000000000000000000000000000000000000000000000000000"), // order 4
    hex("0000000000000000000000000000000000000000000000000000000000000080"), // order 4
    hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"), // order 8
    hex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"), // order 8
    hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"), // order 8
    hex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"), // order 8
  };

  private Ed25519() {}

  /** Verifies a signature over {@code message} in {@code domain}. */
  public static boolean verify(PublicKey key, Domain domain, byte[] message, Signature signature) {
    return check(key, domain, message, signature).isOk();
  }

  /** Like {@link #verify} but says why a signature is rejected (reason = a {@link Rejection}). */
  public static Verdict check(PublicKey key, Domain domain, byte[] message, Signature signature) {
    byte[] prefixed = domain.prefix(message);
    Hash digest = VerifiedSignatures.digest(key.unsafeBytes(), prefixed, signature.unsafeBytes());
    if (VERIFIED.contains(digest)) {
      return Verdict.ok();
    }
    VERIFICATIONS.increment();
    Verdict verdict = checkRaw(key.unsafeBytes(), prefixed, signature.unsafeBytes());
    if (verdict.isOk()) {
      VERIFIED.add(digest);
    }
    return verdict;
  }

  /**
   * Says for each signature whether it verifies: exactly what {@link #verify} says of each alone,
   * at a fraction of the cost when many are valid. The signatures the memo does not know go through
   * the profile's rules 1-3 one by one, then through one batch equation ({@link BatchVerifier}); if
   * that fails (at least one is invalid), each is verified alone, so a bad signature costs its
   * batch one extra equation and never changes another's answer. The lists are parallel.
   */
  public static boolean[] verifyAll(
      List<PublicKey> keys, Domain domain, List<byte[]> messages, List<Signature> signatures) {
    int n = keys.size();
    if (messages.size() != n || signatures.size() != n) {
      throw new IllegalArgumentException("keys, messages and signatures differ in number");
    }
    boolean[] verified = new boolean[n];
    Hash[] digests = new Hash[n];
    int[] unknown = new int[n];
    int unknownCount = 0;
    byte[][] unknownKeys = new byte[n][];
    byte[][] unknownMessages = new byte[n][];
    byte[][] unknownSignatures = new byte[n][];
    for (int i = 0; i < n; i++) {
      byte[] key = keys.get(i).unsafeBytes();
      byte[] signature = signatures.get(i).unsafeBytes();
      byte[] prefixed = domain.prefix(messages.get(i));
      digests[i] = VerifiedSignatures.digest(key, prefixed, signature);
      if (VERIFIED.contains(digests[i])) {
        verified[i] = true;
      } else {
        unknownKeys[unknownCount] = key;
        unknownMessages[unknownCount] = prefixed;
        unknownSignatures[unknownCount] = signature;
        unknown[unknownCount++] = i;
      }
    }
    boolean[] checked =
        checkAll(
            Arrays.copyOf(unknownKeys, unknownCount),
            Arrays.copyOf(unknownMessages, unknownCount),
            Arrays.copyOf(unknownSignatures, unknownCount));
    for (int j = 0; j < unknownCount; j++) {
      if (checked[j]) {
        verified[unknown[j]] = true;
        VERIFIED.add(digests[unknown[j]]);
      }
    }
    return verified;
  }

  /**
   * {@link #verifyAll} over raw messages (no domain prefix) and without the memo: for test vectors
   * and benchmarks. Parallel arrays; a key or signature of the wrong length is refused.
   */
  public static boolean[] verifyAllRaw(byte[][] keys, byte[][] messages, byte[][] signatures) {
    if (messages.length != keys.length || signatures.length != keys.length) {
      throw new IllegalArgumentException("keys, messages and signatures differ in number");
    }
    for (int i = 0; i < keys.length; i++) {
      if (keys[i].length != PublicKey.SIZE_BYTES || signatures[i].length != Signature.SIZE_BYTES) {
        throw new IllegalArgumentException("signature " + i + ": wrong length of key or signature");
      }
    }
    return checkAll(keys, messages, signatures);
  }

  /**
   * {@link #verifyAll}'s work without the memo, over raw messages (already prefixed): whether each
   * signature verifies under the profile. Parallel arrays; 32-byte keys, 64-byte signatures.
   */
  static boolean[] checkAll(byte[][] keys, byte[][] prefixedMessages, byte[][] signatures) {
    int n = keys.length;
    boolean[] verified = new boolean[n];
    List<BatchVerifier.Item> items = new java.util.ArrayList<>(n);
    int[] itemIndex = new int[n];
    int[] alone = new int[n];
    int aloneCount = 0;
    for (int i = 0; i < n; i++) {
      // Too few for a batch: each alone, without decoding R for an equation that will not run.
      EdwardsPoints.Point a =
          n >= BATCH_MIN && passesEncodingRules(keys[i], signatures[i])
              ? DECODED_KEYS.edwards(keys[i])
              : null;
      EdwardsPoints.Point r = a == null ? null : EdwardsPoints.decode(signatures[i], 0);
      if (r == null) {
        alone[aloneCount++] = i; // its own check says why it fails
        continue;
      }
      itemIndex[items.size()] = i;
      items.add(new BatchVerifier.Item(keys[i], a, prefixedMessages[i], signatures[i], r));
    }
    if (items.size() >= BATCH_MIN && BatchVerifier.holds(items)) {
      for (int j = 0; j < items.size(); j++) {
        verified[itemIndex[j]] = true;
      }
      BATCHED.add(items.size());
    } else {
      for (int j = 0; j < items.size(); j++) {
        alone[aloneCount++] = itemIndex[j];
      }
    }
    for (int j = 0; j < aloneCount; j++) {
      int i = alone[j];
      VERIFICATIONS.increment();
      verified[i] = checkRaw(keys[i], prefixedMessages[i], signatures[i]).isOk();
    }
    return verified;
  }

  /** The profile's rules 1-3 (S reduced; A and R canonical; A not of small order). */
  private static boolean passesEncodingRules(byte[] key, byte[] signature) {
    return isReducedScalar(signature, 32)
        && checkKeyEncoding(key).isOk()
        && isCanonicalPoint(signature, 0);
  }

  /** How many signatures {@link #verifyAll} proved valid in batches (for metrics). */
  public static long batchVerified() {
    return BATCHED.sum();
  }

  /** How many checks the memo of verified signatures answered (for tests and metrics). */
  public static long memoHits() {
    return VERIFIED.hits();
  }

  /**
   * How many checks the memo could not answer, each a full Ed25519 verification (for metrics: the
   * benchmark divides it by the transactions committed to see how often a node verifies one).
   */
  public static long verifications() {
    return VERIFICATIONS.sum();
  }

  /** Verifies a signature over raw bytes with no domain prefix (test vectors only). */
  public static boolean verifyRaw(byte[] key, byte[] message, byte[] signature) {
    if (key.length != PublicKey.SIZE_BYTES || signature.length != Signature.SIZE_BYTES) {
      return false;
    }
    return checkRaw(key, message, signature).isOk();
  }

  /**
   * Bouncy Castle's verification from the key's bytes alone: no memo, no kept decoded key. The
   * benchmark's machine limit ("what one core verifies", issue 8) is this figure, so that what the
   * node saves by keeping keys shows in the ratio instead of raising the limit with it.
   */
  public static boolean verifyBouncyCastleBytes(byte[] key, byte[] message, byte[] signature) {
    return key.length == PublicKey.SIZE_BYTES
        && signature.length == Signature.SIZE_BYTES
        && org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
            signature, 0, key, 0, message, 0, message.length);
  }

  // Lengths are the caller's: 32-byte key, 64-byte signature.
  static Verdict checkRaw(byte[] key, byte[] message, byte[] signature) {
    if (!isReducedScalar(signature, 32)) {
      return Rejection.SIGNATURE_S_NOT_REDUCED.verdict("S >= L");
    }
    Verdict keyVerdict = checkKeyEncoding(key);
    if (!keyVerdict.isOk()) {
      return keyVerdict;
    }
    if (!isCanonicalPoint(signature, 0)) {
      return Rejection.SIGNATURE_R_NON_CANONICAL.verdict("R is not a canonical point encoding");
    }
    org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint point = DECODED_KEYS.point(key);
    boolean verified =
        point != null
            ? org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
                signature, 0, point, message, 0, message.length)
            : org.bouncycastle.math.ec.rfc8032.Ed25519.verify(
                signature, 0, key, 0, message, 0, message.length);
    if (verified) {
      return Verdict.ok();
    }
    // Off the hot path: only a rejected signature pays for decoding the key a second time.
    if (!org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartial(key, 0)) {
      return Rejection.KEY_NOT_ON_CURVE.verdict("A is not a point of the curve");
    }
    return Rejection.SIGNATURE_INVALID.verdict(
        "R is not a curve point or [8][S]B != [8]R + [8][k]A");
  }

  /**
   * Whether a key can ever verify a signature under the profile: canonical, on the curve and not of
   * small order. Membership (genesis, admission) should refuse keys that fail this.
   */
  public static Verdict checkPublicKey(PublicKey key) {
    byte[] bytes = key.unsafeBytes();
    Verdict verdict = checkKeyEncoding(bytes);
    if (verdict.isOk()
        && !org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartial(bytes, 0)) {
      return Rejection.KEY_NOT_ON_CURVE.verdict("A is not a point of the curve");
    }
    return verdict;
  }

  private static Verdict checkKeyEncoding(byte[] key) {
    if (!isCanonicalPoint(key, 0)) {
      return Rejection.KEY_NON_CANONICAL.verdict("A is not a canonical point encoding");
    }
    if (isSmallOrder(key, 0)) {
      return Rejection.KEY_SMALL_ORDER.verdict("A is a point of small order");
    }
    return Verdict.ok();
  }

  /** Whether the 32 little-endian bytes at {@code offset} are an integer below L. */
  static boolean isReducedScalar(byte[] bytes, int offset) {
    for (int i = 31; i >= 0; i--) {
      int b = bytes[offset + i] & 0xff;
      int l = ORDER_L[i] & 0xff;
      if (b != l) {
        return b < l;
      }
    }
    return false; // equal to L
  }

  /**
   * Whether the 32 bytes at {@code offset} are the canonical encoding of their y and sign: y < p =
   * 2^255 - 19, and not the sign bit set with x = 0 (x = 0 exactly when y = 1 or y = p - 1).
   * Whether a point with that y exists is left to decoding.
   */
  static boolean isCanonicalPoint(byte[] bytes, int offset) {
    boolean signBit = (bytes[offset + 31] & 0x80) != 0;
    int top = bytes[offset + 31] & 0x7f;
    boolean middleAllOnes = true;
    boolean middleAllZeros = true;
    for (int i = 1; i < 31; i++) {
      int b = bytes[offset + i] & 0xff;
      middleAllOnes &= b == 0xff;
      middleAllZeros &= b == 0;
    }
    int low = bytes[offset] & 0xff;
    // p - 1 = ec ff .. ff 7f, p = ed ff .. ff 7f (little-endian).
    boolean atLeastPMinusOne = top == 0x7f && middleAllOnes && low >= 0xec;
    if (atLeastPMinusOne && low >= 0xed) {
      return false; // y >= p
    }
    boolean yIsOne = top == 0 && middleAllZeros && low == 1;
    return !(signBit && (yIsOne || atLeastPMinusOne));
  }

  /** Whether the 32 bytes at {@code offset} encode one of the 8 points of small order. */
  static boolean isSmallOrder(byte[] bytes, int offset) {
    for (byte[] point : SMALL_ORDER_POINTS) {
      if (Arrays.equals(bytes, offset, offset + 32, point, 0, 32)) {
        return true;
      }
    }
    return false;
  }

  /** Copies of the small-order encodings the profile refuses as keys (for tests). */
  static List<byte[]> smallOrderEncodings() {
    return Arrays.stream(SMALL_ORDER_POINTS).map(byte[]::clone).toList();
  }

  private static byte[] hex(String text) {
    return Hex.decode(text);
  }
}
