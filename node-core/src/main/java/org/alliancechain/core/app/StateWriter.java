package org.alliancechain.core.app;

import org.alliancechain.core.Bytes;

/**
 * Read-write access to state during block execution. Writes are buffered by the caller and
 * committed atomically with the block; a failed transaction's writes are discarded by the caller.
 */
public interface StateWriter extends StateReader {
  void put(Bytes key, Bytes value);

  void delete(Bytes key);
}
