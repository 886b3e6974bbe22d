package org.alliancechain.token;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.StateWriter;

/** The test state: a TreeMap, so a snapshot is a copy and two states compare by content. */
final class MemoryState implements StateWriter {
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

  Map<Bytes, Bytes> snapshot() {
    return new TreeMap<>(map);
  }
}
