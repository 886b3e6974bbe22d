package org.alliancechain.core.store;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.hash.Hash;

/**
 * The chain's starting point: state version 0 and the hash block 1 must name as its parent (the
 * hash of the genesis document, or zero).
 */
public record Genesis(Hash hash, SortedMap<Bytes, Bytes> state) {
  public Genesis {
    state = Collections.unmodifiableSortedMap(new TreeMap<>(state));
  }

  public static Genesis empty() {
    return new Genesis(Hash.ZERO, new TreeMap<>());
  }
}
