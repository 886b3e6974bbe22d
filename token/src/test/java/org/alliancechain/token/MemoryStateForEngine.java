package org.alliancechain.token;

import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.StateWriter;

/** A public TreeMap state for tests in sub-packages. */
public final class MemoryStateForEngine implements StateWriter {
  private final TreeMap<Bytes, Bytes> map = new TreeMap<>();

  @Override
  public Optional<Bytes> get(Bytes key) {
    return Optional.ofNullable(map.get(key));
  }

  @Override
  public void put(Bytes key, Bytes value) {
    map.put(key, value);
  }

  @Override
  public void delete(Bytes key) {
    map.remove(key);
  }
}
