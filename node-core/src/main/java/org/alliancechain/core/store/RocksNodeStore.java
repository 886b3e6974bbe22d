package org.alliancechain.core.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.Node;
import org.alliancechain.core.state.NodeKey;
import org.alliancechain.core.state.NodeRef;
import org.alliancechain.core.state.NodeStore;
import org.alliancechain.core.state.StateUpdate;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The state tree's storage in the {@code state} column family: nodes under {@code n ‖ version ‖
 * hash}, one root per version under {@code r ‖ version}, stale markers under {@code s ‖ staleSince
 * ‖ version ‖ hash}, and the head's flat value index under {@code l ‖ keyHash}.
 */
final class RocksNodeStore implements NodeStore {
  private final RocksStore store;
  private final ColumnFamilyHandle family;
  private volatile long latestVersion = -1;
  private volatile long oldestVersion = -1;

  // Nodes never change once written, so a decoded node can be cached without invalidation; an
  // update reads about log2(n) nodes per changed key and the upper levels are shared by all.
  private final Map<NodeKey, Node> cache =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<NodeKey, Node> eldest) {
          return size() > StoreLimits.STATE_NODE_CACHE_ENTRIES_MAX;
        }
      };

  RocksNodeStore(RocksStore store) {
    this.store = store;
    this.family = store.state;
  }

  void loadLatestVersion() {
    try (RocksIterator it = store.db.newIterator(family)) {
      it.seekForPrev(Keys.root(Long.MAX_VALUE));
      latestVersion = it.isValid() && it.key()[0] == Keys.ROOT ? Keys.readU64(it.key(), 1) : -1;
      it.seek(Keys.root(0));
      oldestVersion = it.isValid() && it.key()[0] == Keys.ROOT ? Keys.readU64(it.key(), 1) : -1;
    }
  }

  @Override
  public Optional<Node> node(NodeKey key) {
    synchronized (cache) {
      Node cached = cache.get(key);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    Optional<Node> node = store.getRaw(family, Keys.node(key)).map(bytes -> decodeNode(key, bytes));
    node.ifPresent(n -> cacheNode(key, n));
    return node;
  }

  /** Bypasses the cache: for the consistency checker, which must see what is on disk. */
  Optional<Node> nodeOnDisk(NodeKey key) {
    return store.getRaw(family, Keys.node(key)).map(bytes -> decodeNode(key, bytes));
  }

  private void cacheNode(NodeKey key, Node node) {
    synchronized (cache) {
      cache.put(key, node);
    }
  }

  private static Node decodeNode(NodeKey key, byte[] bytes) {
    try {
      return Node.decode(bytes);
    } catch (DecodeException e) {
      throw new StoreException(
          StoreException.Reason.CORRUPT, "state node " + key + " does not decode", e);
    }
  }

  @Override
  public Optional<NodeRef> root(long version) {
    return store
        .getRaw(family, Keys.root(version))
        .map(
            bytes -> {
              CanonicalReader r = new CanonicalReader(bytes);
              NodeRef ref = NodeRef.decode(r);
              r.expectEnd("state root reference");
              return ref;
            });
  }

  @Override
  public OptionalLong latestVersion() {
    long v = latestVersion;
    return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public OptionalLong oldestVersion() {
    long v = oldestVersion;
    return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
  }

  @Override
  public Optional<Bytes> latestValue(Hash keyHash) {
    return store.getRaw(family, Keys.latest(keyHash)).map(Bytes::wrap);
  }

  void forEachLatest(BiConsumer<Hash, Bytes> action) {
    try (RocksIterator it = store.db.newIterator(family)) {
      for (it.seek(new byte[] {Keys.LATEST});
          it.isValid() && it.key()[0] == Keys.LATEST;
          it.next()) {
        byte[] key = it.key();
        action.accept(
            Hash.of(java.util.Arrays.copyOfRange(key, 1, key.length)), Bytes.wrap(it.value()));
      }
    }
  }

  /** A state-only commit (tests, benchmarks, tools); blocks go through the block commit. */
  @Override
  public synchronized void commit(StateUpdate update) {
    try (WriteBatch batch = new WriteBatch()) {
      write(batch, update);
      store.db.write(store.syncWrite, batch);
    } catch (RocksDBException e) {
      throw RocksStore.io("committing state version " + update.version(), e);
    }
    committed(update);
  }

  @Override
  public synchronized void prune(long versionKeptMin) {
    try (WriteBatch batch = new WriteBatch()) {
      prune(batch, versionKeptMin);
      store.db.write(store.syncWrite, batch);
    } catch (RocksDBException e) {
      throw RocksStore.io("pruning state below " + versionKeptMin, e);
    }
    prunedTo(versionKeptMin);
  }

  void write(WriteBatch batch, StateUpdate update) throws RocksDBException {
    Invariants.check(
        update.baseVersion() == latestVersion, "state update not over the latest version");
    for (Map.Entry<NodeKey, Node> e : update.newNodes().entrySet()) {
      batch.put(family, Keys.node(e.getKey()), e.getValue().encode());
    }
    CanonicalWriter root = new CanonicalWriter(48);
    update.root().encode(root);
    batch.put(family, Keys.root(update.version()), root.toByteArray());
    for (NodeKey stale : update.staleNodes()) {
      batch.put(family, Keys.stale(update.version(), stale), new byte[0]);
    }
    for (Map.Entry<Hash, Optional<Bytes>> e : update.latestValues().entrySet()) {
      if (e.getValue().isPresent()) {
        batch.put(family, Keys.latest(e.getKey()), e.getValue().get().unsafeArray());
      } else {
        batch.delete(family, Keys.latest(e.getKey()));
      }
    }
  }

  /**
   * Adds to {@code batch} the deletion of every version below {@code versionKeptMin}: nodes stale
   * since a version up to {@code versionKeptMin} are in no kept version. Stale markers written
   * earlier in the same batch are not visible to the iterator, so the caller's own update is
   * handled by {@link #pruneOwn}.
   */
  void prune(WriteBatch batch, long versionKeptMin) throws RocksDBException {
    long oldest = Math.max(oldestVersion, 0);
    if (versionKeptMin <= oldest) {
      return;
    }
    try (RocksIterator it = store.db.newIterator(family)) {
      for (it.seek(Keys.stale(oldest + 1, new NodeKey(0, Hash.ZERO)));
          it.isValid() && it.key()[0] == Keys.STALE;
          it.next()) {
        byte[] key = it.key();
        if (Keys.readU64(key, 1) > versionKeptMin) {
          break;
        }
        batch.delete(family, Keys.node(NodeKey.decode(key, 9)));
        batch.delete(family, key);
      }
    }
    batch.deleteRange(family, Keys.root(oldest), Keys.root(versionKeptMin));
  }

  /** Prunes the nodes {@code update} itself made stale when only its own version is kept. */
  void pruneOwn(WriteBatch batch, StateUpdate update, long versionKeptMin) throws RocksDBException {
    if (update.version() <= versionKeptMin) {
      for (NodeKey stale : update.staleNodes()) {
        batch.delete(family, Keys.node(stale));
        batch.delete(family, Keys.stale(update.version(), stale));
      }
    }
  }

  void committed(StateUpdate update) {
    latestVersion = update.version();
    update.newNodes().forEach(this::cacheNode);
    if (oldestVersion < 0) {
      oldestVersion = update.version();
    }
  }

  void prunedTo(long versionKeptMin) {
    if (versionKeptMin > oldestVersion) {
      oldestVersion = versionKeptMin;
    }
  }
}
