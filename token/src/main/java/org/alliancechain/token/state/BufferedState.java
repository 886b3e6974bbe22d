package org.alliancechain.token.state;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.StateReader;
import org.alliancechain.core.app.StateWriter;

/**
 * A write overlay over another state: reads see the overlay first; {@link #flushTo} applies the
 * writes in key order. Lets a transaction (or one end-of-block step) fail without a trace even if
 * the caller did not give it an overlay of its own.
 */
public final class BufferedState implements StateWriter {
  private final StateReader base;
  private final TreeMap<Bytes, Optional<Bytes>> writes = new TreeMap<>();

  public BufferedState(StateReader base) {
    this.base = base;
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    Optional<Bytes> written = writes.get(key);
    return written != null ? written : base.get(key);
  }

  @Override
  public void put(Bytes key, Bytes value) {
    writes.put(key, Optional.of(value));
  }

  @Override
  public void delete(Bytes key) {
    writes.put(key, Optional.empty());
  }

  public void flushTo(StateWriter target) {
    for (Map.Entry<Bytes, Optional<Bytes>> e : writes.entrySet()) {
      if (e.getValue().isPresent()) {
        target.put(e.getKey(), e.getValue().get());
      } else {
        target.delete(e.getKey());
      }
    }
    writes.clear();
  }
}
