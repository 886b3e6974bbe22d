package org.alliancechain.core.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.hash.Hash;

/**
 * The tree's root straight from its definition, as an independent oracle: recursively split the
 * sorted key hashes by bit; a set of one key is that key's leaf hash at whatever depth, an empty
 * set is zero, anything else is the internal hash of its two halves. No storage, no versions, no
 * incremental updates.
 */
final class ReferenceSmt {
  private ReferenceSmt() {}

  record Entry(Hash keyHash, Hash leafHash) {}

  static Hash root(Map<Bytes, Bytes> state) {
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<Bytes, Bytes> e : state.entrySet()) {
      Hash keyHash = TreeHashing.keyHash(e.getKey());
      entries.add(
          new Entry(keyHash, TreeHashing.leaf(keyHash, TreeHashing.valueHash(e.getValue()))));
    }
    entries.sort((a, b) -> a.keyHash().compareTo(b.keyHash()));
    return subtree(entries, 0);
  }

  private static Hash subtree(List<Entry> entries, int depth) {
    if (entries.isEmpty()) {
      return Hash.ZERO;
    }
    if (entries.size() == 1) {
      return entries.get(0).leafHash();
    }
    List<Entry> left = new ArrayList<>();
    List<Entry> right = new ArrayList<>();
    for (Entry e : entries) {
      (e.keyHash().bit(depth) ? right : left).add(e);
    }
    return TreeHashing.internal(subtree(left, depth + 1), subtree(right, depth + 1));
  }
}
