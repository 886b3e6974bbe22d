package org.alliancechain.p2p.tree;

import java.util.Iterator;
import java.util.LinkedHashSet;
import org.alliancechain.core.hash.Hash;

/** The ids a node has already handled, bounded: the oldest are forgotten first. */
final class SeenIds {
  private final int countMax;
  private final LinkedHashSet<Hash> ids = new LinkedHashSet<>();

  SeenIds(int countMax) {
    this.countMax = countMax;
  }

  /** True if the id is new (and now remembered). */
  boolean add(Hash id) {
    if (!ids.add(id)) {
      return false;
    }
    if (ids.size() > countMax) {
      Iterator<Hash> oldest = ids.iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  boolean contains(Hash id) {
    return ids.contains(id);
  }
}
