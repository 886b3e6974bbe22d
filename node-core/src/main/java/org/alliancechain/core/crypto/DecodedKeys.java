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

  private final ConcurrentHashMap<ByteBuffer, PublicPoint> points = new ConcurrentHashMap<>();
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
    PublicPoint point = points.get(ByteBuffer.wrap(key));
    if (point != null) {
      return point;
    }
    point = org.bouncycastle.math.ec.rfc8032.Ed25519.validatePublicKeyPartialExport(key, 0);
    if (point == null) {
      return null;
    }
    if (points.size() >= keysMax) {
      points.clear();
    }
    // A copy: the table must not see later changes to the caller's array.
    points.put(ByteBuffer.wrap(key.clone()), point);
    return point;
  }

  int size() {
    return points.size();
  }
}
