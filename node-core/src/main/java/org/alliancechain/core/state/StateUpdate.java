package org.alliancechain.core.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.hash.Hash;

/**
 * Everything one version adds to the store, computed by {@link StateTree#update} without writing:
 * the new nodes, the nodes the new version no longer uses (stale since {@code version}, deleted
 * when that version's predecessors are pruned), the new root, and the latest-value index changes.
 * Nodes come in the order the update made them, which depends only on the base version and the
 * changes; a write batch's result does not depend on the order of its distinct keys anyway. (Kept
 * sorted by key before, the node map's inserts and copies were a fifth of the consensus thread
 * executing {@code sharing} blocks: docs/benchmarks.md, session 7.)
 */
public record StateUpdate(
    long baseVersion,
    long version,
    NodeRef root,
    Map<NodeKey, Node> newNodes,
    List<NodeKey> staleNodes,
    SortedMap<Hash, Optional<Bytes>> latestValues) {

  /** No base version: the first version of an empty store. */
  public static final long NO_BASE = -1;

  public StateUpdate {
    newNodes = Collections.unmodifiableMap(new LinkedHashMap<>(newNodes));
    staleNodes = List.copyOf(staleNodes);
    latestValues = Collections.unmodifiableSortedMap(new TreeMap<>(latestValues));
  }

  public Hash rootHash() {
    return root.hash();
  }
}
