package org.alliancechain.core.state;

import java.util.Optional;
import java.util.OptionalLong;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.hash.Hash;

/**
 * The storage the state tree needs, and no more: versioned nodes, a root per version, and a flat
 * index of the latest value of every key so that reads at the head cost one lookup instead of a
 * walk down the tree. Implementations: {@link InMemoryNodeStore} for tests and benchmarks, and the
 * RocksDB store.
 */
public interface NodeStore {

  Optional<Node> node(NodeKey key);

  /** The root of {@code version}; empty when that version was never written or was pruned. */
  Optional<NodeRef> root(long version);

  /** The newest version written, if any. */
  OptionalLong latestVersion();

  /** The oldest version still readable (versions below it were pruned), if any. */
  OptionalLong oldestVersion();

  /** The value of a key at {@link #latestVersion()}. */
  Optional<Bytes> latestValue(Hash keyHash);

  /** Writes an update computed by {@link StateTree#update} over the latest version, atomically. */
  void commit(StateUpdate update);

  /**
   * Forgets every version below {@code versionKeptMin}: proofs and reads at those versions fail
   * afterwards, and nodes that only they used are deleted.
   */
  void prune(long versionKeptMin);
}
