package org.alliancechain.core.exec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.crypto.PublicKey;

/**
 * Per-sender next nonce, kept in the authenticated state under node-core's reserved key prefix (so
 * it is covered by the state root like everything else). A sender's first transaction has nonce 0;
 * each included transaction that passes the nonce rule uses one.
 */
public final class Nonces {
  /** Keys starting with byte 0x00 belong to node-core; applications may read but not write them. */
  public static final byte RESERVED_PREFIX = 0x00;

  private static final byte[] NONCE_PREFIX = "\0core/nonce/".getBytes(StandardCharsets.US_ASCII);

  private Nonces() {}

  public static boolean isReserved(Bytes key) {
    return key.size() > 0 && key.byteAt(0) == RESERVED_PREFIX;
  }

  public static Bytes key(PublicKey sender) {
    byte[] key = new byte[NONCE_PREFIX.length + PublicKey.SIZE_BYTES];
    System.arraycopy(NONCE_PREFIX, 0, key, 0, NONCE_PREFIX.length);
    System.arraycopy(sender.toBytes(), 0, key, NONCE_PREFIX.length, PublicKey.SIZE_BYTES);
    return Bytes.wrap(key);
  }

  public static long next(StateReader state, PublicKey sender) {
    return state.get(key(sender)).map(v -> ByteBuffer.wrap(v.unsafeArray()).getLong()).orElse(0L);
  }

  /** The next nonce of a sender at the store's head, for the mempool's {@code NonceSource}. */
  public static long next(org.alliancechain.core.store.RocksStore store, PublicKey sender) {
    return next(store::stateValue, sender);
  }

  static void setNext(StateWriter state, PublicKey sender, long next) {
    state.put(key(sender), Bytes.wrap(ByteBuffer.allocate(8).putLong(next).array()));
  }
}
