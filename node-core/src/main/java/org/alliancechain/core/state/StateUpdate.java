package org.alliancechain.core.state;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.hash.Hash;

/**
 * Everything one version adds to the store, computed by {@link StateTree#update} without writing:
 * the new nodes, the nodes the new version no longer uses (stale since {@code version}, deleted
 * when that version's predecessors are pruned), the new root, and the latest-value index changes.
 * Sorted collections, so that writing it is deterministic.
 */
public record StateUpdate(
    long baseVersion,
    long version,
    NodeRef root,
    SortedMap<NodeKey, Node> newNodes,
    List<NodeKey> staleNodes,
    SortedMap<Hash, Optional<Bytes>> latestValues) {

  /** No base version: the first version of an empty store. */
  public static final long NO_BASE = -1;

  public StateUpdate {
    newNodes = Collections.unmodifiableSortedMap(new TreeMap<>(newNodes));
    staleNodes = List.copyOf(staleNodes.stream().sorted().toList());
    latestValues = Collections.unmodifiableSortedMap(new TreeMap<>(latestValues));
  }

  public Hash rootHash() {
    return root.hash();
  }
}
