package org.alliancechain.core.crypto;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.math.ec.rfc8032.Ed25519.PublicPoint;

/**
 * Public keys decoded to curve points, so that verifying another signature of the same key does not
 * decode it again (decoding takes a square root in the field: about a tenth of a verification).
 * Bounded: past {@link #KEYS_MAX} keys (by default) the table is emptied and fills again, which
 * costs only the decoding it saves. Thread-safe; the verification pool and the intake share one
 * table.
 */
final class DecodedKeys {
  static final int KEYS_MAX = 16_384;

  /** A key decoded twice: for Bouncy Castle's verification and for batch verification. */
  record Decoded(PublicPoint bouncyCastle, EdwardsPoints.Point edwards) {}

  private final ConcurrentHashMap<ByteBuffer, Decoded> points = new ConcurrentHashMap<>();
  private final int keysMax;

  DecodedKeys() {
    this(KEYS_MAX);
  }

  DecodedKeys(int keysMax) {
    this.keysMax = keysMax;
  }

  /**
   * The decoded point of a 32-byte key, or null when the key does not decode (the caller then
   * verifies from the bytes, which refuses it as before). The caller has checked that the key is a
   * canonical encoding and not of small order.
   */
  PublicPoint point(byte[] key) {
    Decoded decoded = decoded(key);
    return decoded == null ? null : decoded.bouncyCastle();
  }

  /**
   * The key as a point for {@link BatchVerifier}, or null when it does not decode. The point is
   * shared: callers read it and never change it.
   */
  EdwardsPoints.Point edwards(byte[] key) {
    Decoded decoded = decoded(key);
    return decoded == null ? null : decoded.edwards();
  }

  private Decoded decoded(byte[] key) {
    Decoded decoded = points.get(ByteBuffer.wrap(key));
    if (decoded != null) {
      return decoded;
    }
    PublicPoint point =
        org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(key, 0);
    EdwardsPoints.Point edwards = EdwardsPoints.decode(key, 0);
    if (point == null || edwards == null) {
      return null;
    }
    decoded = new Decoded(point, edwards);
    if (points.size() >= keysMax) {
      points.clear();
    }
    // A copy: the table must not see later changes to the caller's array.
    points.put(ByteBuffer.wrap(key.clone()), decoded);
    return decoded;
  }

  int size() {
    return points.size();
  }
}
