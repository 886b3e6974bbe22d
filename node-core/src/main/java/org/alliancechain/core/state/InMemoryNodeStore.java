package org.alliancechain.core.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.hash.Hash;

/** A {@link NodeStore} in memory, for tests and benchmarks. Not thread-safe. */
public final class InMemoryNodeStore implements NodeStore {
  private final TreeMap<NodeKey, Node> nodes = new TreeMap<>();
  private final TreeMap<Long, NodeRef> roots = new TreeMap<>();
  private final TreeMap<Long, List<NodeKey>> staleSince = new TreeMap<>();
  private final TreeMap<Hash, Bytes> latest = new TreeMap<>();

  @Override
  public Optional<Node> node(NodeKey key) {
    return Optional.ofNullable(nodes.get(key));
  }

  @Override
  public Optional<NodeRef> root(long version) {
    return Optional.ofNullable(roots.get(version));
  }

  @Override
  public OptionalLong latestVersion() {
    return roots.isEmpty() ? OptionalLong.empty() : OptionalLong.of(roots.lastKey());
  }

  @Override
  public OptionalLong oldestVersion() {
    return roots.isEmpty() ? OptionalLong.empty() : OptionalLong.of(roots.firstKey());
  }

  @Override
  public Optional<Bytes> latestValue(Hash keyHash) {
    return Optional.ofNullable(latest.get(keyHash));
  }

  @Override
  public void commit(StateUpdate update) {
    Invariants.check(
        update.baseVersion() == latestVersion().orElse(StateUpdate.NO_BASE),
        "state update not over the latest version");
    nodes.putAll(update.newNodes());
    roots.put(update.version(), update.root());
    staleSince.put(update.version(), new ArrayList<>(update.staleNodes()));
    for (Map.Entry<Hash, Optional<Bytes>> e : update.latestValues().entrySet()) {
      if (e.getValue().isPresent()) {
        latest.put(e.getKey(), e.getValue().get());
      } else {
        latest.remove(e.getKey());
      }
    }
  }

  @Override
  public void prune(long versionKeptMin) {
    // A node stale since v is in versions before v only, so it can go once v <= versionKeptMin.
    var prunable = staleSince.headMap(versionKeptMin, true);
    for (List<NodeKey> stale : prunable.values()) {
      stale.forEach(nodes::remove);
    }
    prunable.clear();
    roots.headMap(versionKeptMin, false).clear();
  }

  public int nodeCount() {
    return nodes.size();
  }
}
