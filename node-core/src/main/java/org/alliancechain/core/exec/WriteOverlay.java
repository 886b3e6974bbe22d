package org.alliancechain.core.exec;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.state.StateLimits;

/**
 * Buffered writes over a reader: a transaction's writes over the block's, or the block's over the
 * store's head. Reads see the buffer first. Sorted, so the diff it hands on is in key order.
 */
final class WriteOverlay implements StateWriter {
  private final StateReader below;
  private final boolean applicationView;
  private final SortedMap<Bytes, Optional<Bytes>> writes = new TreeMap<>();

  /**
   * @param applicationView true for the view the application writes through, which refuses
   *     node-core's reserved keys
   */
  WriteOverlay(StateReader below, boolean applicationView) {
    this.below = below;
    this.applicationView = applicationView;
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    Optional<Bytes> written = writes.get(key);
    return written != null ? written : below.get(key);
  }

  @Override
  public void put(Bytes key, Bytes value) {
    checkKey(key);
    if (value.size() > StateLimits.VALUE_BYTES_MAX) {
      throw new IllegalArgumentException("state value over " + StateLimits.VALUE_BYTES_MAX + " B");
    }
    writes.put(key, Optional.of(value));
  }

  @Override
  public void delete(Bytes key) {
    checkKey(key);
    writes.put(key, Optional.empty());
  }

  private void checkKey(Bytes key) {
    if (applicationView && Nonces.isReserved(key)) {
      throw new IllegalArgumentException("keys starting with 0x00 are reserved for node-core");
    }
    if (key.size() > StateLimits.KEY_BYTES_MAX) {
      throw new IllegalArgumentException("state key over " + StateLimits.KEY_BYTES_MAX + " B");
    }
  }

  void mergeInto(WriteOverlay target) {
    target.writes.putAll(writes);
  }

  SortedMap<Bytes, Optional<Bytes>> writes() {
    return writes;
  }
}
