package org.alliancechain.core.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.StateTree;
import org.alliancechain.core.state.StateUpdate;
import org.alliancechain.core.state.TreeHashing;
import org.alliancechain.core.tx.Transaction;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The node's RocksDB store (SPEC M-28, ARCHITECTURE.md "Storage layout"): blocks with their
 * certificates, the transaction index, the authenticated state, the consensus module's persisted
 * log, off-chain resources and metadata, each in its own column family (layout in docs/storage.md).
 *
 * <p>Atomicity: {@link #commitBlock} writes a block, its certificate, its transactions' index
 * entries and outcomes, its state changes, the state root for its height and the new head in one
 * {@link WriteBatch} with {@code sync = true}: RocksDB applies a batch atomically (one WAL record)
 * and a synced write returns only after the WAL is fsynced, so after a crash at any moment the
 * store holds all of a block or none of it, and every block whose commit returned.
 *
 * <p>One thread commits blocks (the executor); reads may come from any thread.
 */
public final class RocksStore implements AutoCloseable {
  static final String CF_BLOCKS = "blocks";
  static final String CF_TX_INDEX = "tx_index";
  static final String CF_STATE = "state";
  static final String CF_CONSENSUS = "consensus";
  static final String CF_RESOURCES = "resources";
  static final String CF_META = "meta";
  static final List<String> COLUMN_FAMILIES =
      List.of("default", CF_BLOCKS, CF_TX_INDEX, CF_STATE, CF_CONSENSUS, CF_RESOURCES, CF_META);

  private final Path dir;
  private final String chainId;
  private final StoreOptions options;
  private final RocksHandles handles;
  final RocksDB db;
  final WriteOptions syncWrite;
  final ColumnFamilyHandle blocks;
  final ColumnFamilyHandle txIndex;
  final ColumnFamilyHandle state;
  final ColumnFamilyHandle meta;
  private final RocksNodeStore nodeStore;
  private final StateTree tree;
  private final ConsensusArea consensusArea;
  private final ResourceStore resourceStore;
  private volatile long head;
  private volatile Hash genesisHash;
  private volatile BlockHeader headHeader;
  private volatile boolean closed;

  private RocksStore(Path dir, String chainId, StoreOptions options, RocksHandles handles) {
    this.dir = dir;
    this.chainId = chainId;
    this.options = options;
    this.handles = handles;
    this.db = handles.db();
    this.syncWrite = handles.syncWrite();
    this.blocks = handles.family(CF_BLOCKS);
    this.txIndex = handles.family(CF_TX_INDEX);
    this.state = handles.family(CF_STATE);
    this.meta = handles.family(CF_META);
    this.nodeStore = new RocksNodeStore(this);
    this.tree = new StateTree(nodeStore);
    this.consensusArea = new ConsensusArea(this, handles.family(CF_CONSENSUS));
    this.resourceStore = new ResourceStore(this, handles.family(CF_RESOURCES));
  }

  /**
   * Opens the store in {@code dir} for {@code chainId}, creating it when the folder is missing or
   * empty. An existing store is first checked read-only (schema version, chain id, the head's block
   * and state root); any failure throws a {@link StoreException} with its reason and leaves the
   * folder untouched. A folder another process has open fails with {@code LOCKED}.
   */
  public static RocksStore open(Path dir, String chainId, StoreOptions options) {
    if (!Transaction.isValidChainId(chainId)) {
      throw new IllegalArgumentException("malformed chain id: " + chainId);
    }
    RocksLibrary.load();
    boolean create = StoreOpener.checkBeforeOpen(dir, chainId);
    if (create) {
      try {
        java.nio.file.Files.createDirectories(dir);
      } catch (java.io.IOException e) {
        throw new StoreException(StoreException.Reason.IO, "cannot create " + dir, e);
      }
    }
    RocksHandles handles = RocksHandles.openWritable(dir, create);
    RocksStore store = new RocksStore(dir, chainId, options, handles);
    try {
      if (create) {
        store.writeNewMeta();
      }
      store.loadHead();
      store.resourceStore.recover();
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    return store;
  }

  public static RocksStore open(Path dir, String chainId) {
    return open(dir, chainId, StoreOptions.defaults());
  }

  private void writeNewMeta() {
    try (WriteBatch batch = new WriteBatch()) {
      batch.put(meta, Keys.CHAIN_ID, new CanonicalWriter(80).string(chainId).toByteArray());
      batch.put(
          meta,
          Keys.SCHEMA_VERSION,
          new CanonicalWriter(4).u32(StoreLimits.SCHEMA_VERSION).toByteArray());
      db.write(syncWrite, batch);
    } catch (RocksDBException e) {
      throw io("writing the new store's metadata", e);
    }
  }

  private void loadHead() {
    head = readLong(meta, Keys.HEAD_HEIGHT).orElse(-1L);
    genesisHash = getRaw(meta, Keys.GENESIS_HASH).map(Hash::of).orElse(null);
    headHeader = head > 0 ? block(head).orElseThrow().block().header() : null;
    nodeStore.loadLatestVersion();
  }

  public Path dir() {
    return dir;
  }

  public String chainId() {
    return chainId;
  }

  public StoreOptions options() {
    return options;
  }

  /** The last executed height: 0 after genesis, -1 before {@link #initialize}. */
  public long head() {
    return head;
  }

  /** The head block's header, without decoding the block; empty at genesis. */
  public Optional<BlockHeader> headHeader() {
    return Optional.ofNullable(headHeader);
  }

  public boolean isInitialized() {
    return head >= 0;
  }

  /** The hash block 1 names as its parent. */
  public Hash genesisHash() {
    Invariants.check(genesisHash != null, "store not initialized");
    return genesisHash;
  }

  public StateTree stateTree() {
    return tree;
  }

  public ConsensusArea consensus() {
    return consensusArea;
  }

  public ResourceStore resources() {
    return resourceStore;
  }

  /** A state value at the head, in one lookup. */
  public Optional<Bytes> stateValue(Bytes key) {
    return nodeStore.latestValue(TreeHashing.keyHash(key));
  }

  /**
   * The value of {@code key} at {@code height} with a proof against that height's state root.
   *
   * @throws org.alliancechain.core.state.StateVersionException when the height was pruned or is not
   *     executed yet
   */
  public ProvenValue proveState(Bytes key, long height) {
    return new ProvenValue(
        height, tree.rootHash(height), key, tree.get(key, height), tree.prove(key, height));
  }

  /** Writes genesis as state version 0 and head 0, once, in one synced batch. */
  public synchronized void initialize(Genesis genesis) {
    ensureOpen();
    if (head >= 0) {
      throw new IllegalStateException("store already initialized at head " + head);
    }
    SortedMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    genesis.state().forEach((k, v) -> changes.put(k, Optional.of(v)));
    StateUpdate update = tree.update(StateUpdate.NO_BASE, 0, changes);
    try (WriteBatch batch = new WriteBatch()) {
      nodeStore.write(batch, update);
      batch.put(meta, Keys.GENESIS_HASH, genesis.hash().toBytes());
      batch.put(meta, Keys.stateRoot(0), update.rootHash().toBytes());
      batch.put(meta, Keys.HEAD_HEIGHT, Keys.u64(0));
      db.write(syncWrite, batch);
    } catch (RocksDBException e) {
      throw io("writing genesis", e);
    }
    nodeStore.committed(update);
    genesisHash = genesis.hash();
    head = 0;
  }

  /**
   * Commits an executed block in one synced batch (see the class comment), and prunes state
   * versions that fall out of {@link StoreOptions#stateVersionsKept()} in the same batch. Returns
   * once the batch is durable.
   */
  public synchronized void commitBlock(BlockCommit commit) {
    ensureOpen();
    long height = commit.height();
    Invariants.check(height == head + 1, "block " + height + " committed over head " + head);
    Invariants.check(commit.state().baseVersion() == head, "state update not over the head");
    try (WriteBatch batch = new WriteBatch()) {
      CertifiedBlock certified = commit.block();
      batch.put(blocks, Keys.block(height), certified.encode());
      batch.put(blocks, Keys.blockHash(certified.block().hash()), Keys.u64(height));
      writeTxIndex(batch, commit);
      nodeStore.write(batch, commit.state());
      long versionKeptMin = height - options.stateVersionsKept() + 1;
      if (versionKeptMin > 0) {
        nodeStore.prune(batch, versionKeptMin);
        nodeStore.pruneOwn(batch, commit.state(), versionKeptMin);
      }
      batch.put(meta, Keys.stateRoot(height), commit.state().rootHash().toBytes());
      batch.put(meta, Keys.HEAD_HEIGHT, Keys.u64(height));
      db.write(syncWrite, batch);
    } catch (RocksDBException e) {
      throw io("committing block " + height, e);
    }
    nodeStore.committed(commit.state());
    nodeStore.prunedTo(height - options.stateVersionsKept() + 1);
    headHeader = commit.block().block().header();
    head = height;
  }

  private void writeTxIndex(WriteBatch batch, BlockCommit commit) throws RocksDBException {
    List<Transaction> txs = commit.block().block().transactions();
    TreeSet<Hash> seen = new TreeSet<>();
    for (int i = 0; i < txs.size(); i++) {
      Hash hash = txs.get(i).hash();
      byte[] key = hash.toBytes();
      if (seen.add(hash) && db.get(txIndex, key) == null) {
        batch.put(
            txIndex, key, new TxLocation(commit.height(), i, commit.outcomes().get(i)).encode());
      }
    }
  }

  public Optional<CertifiedBlock> block(long height) {
    return getRaw(blocks, Keys.block(height)).map(bytes -> decode(bytes, "block " + height));
  }

  private static CertifiedBlock decode(byte[] bytes, String what) {
    try {
      return CertifiedBlock.decode(bytes);
    } catch (DecodeException e) {
      throw new StoreException(
          StoreException.Reason.CORRUPT, what + " does not decode: " + e.getMessage(), e);
    }
  }

  public Optional<Long> blockHeight(Hash blockHash) {
    return getRaw(blocks, Keys.blockHash(blockHash)).map(b -> Keys.readU64(b, 0));
  }

  /** The height of the last block stored, found by scanning keys rather than the head record. */
  public long lastStoredBlockHeight() {
    try (var it = db.newIterator(blocks)) {
      it.seekForPrev(Keys.block(Long.MAX_VALUE));
      return it.isValid() && it.key()[0] == Keys.BLOCK ? Keys.readU64(it.key(), 1) : 0;
    }
  }

  /** One RocksDB block-cache counter: the kind of block, the outcome, and its count so far. */
  public record CacheCounter(String block, String outcome, java.util.function.LongSupplier count) {}

  /**
   * RocksDB's block cache look-ups since the store opened, by block kind and outcome: {@code
   * {index, filter, data} x {hit, miss}}, then the reads a Bloom filter answered ("bloom",
   * "absent") without touching a data block. Misses read the block from the files (usually the
   * operating system's page cache), check its checksum and insert it into the cache.
   */
  public List<CacheCounter> cacheCounters() {
    return List.of(
        counter("index", "hit", org.rocksdb.TickerType.BLOCK_CACHE_INDEX_HIT),
        counter("index", "miss", org.rocksdb.TickerType.BLOCK_CACHE_INDEX_MISS),
        counter("filter", "hit", org.rocksdb.TickerType.BLOCK_CACHE_FILTER_HIT),
        counter("filter", "miss", org.rocksdb.TickerType.BLOCK_CACHE_FILTER_MISS),
        counter("data", "hit", org.rocksdb.TickerType.BLOCK_CACHE_DATA_HIT),
        counter("data", "miss", org.rocksdb.TickerType.BLOCK_CACHE_DATA_MISS),
        counter("bloom", "absent", org.rocksdb.TickerType.BLOOM_FILTER_USEFUL));
  }

  private CacheCounter counter(String block, String outcome, org.rocksdb.TickerType ticker) {
    return new CacheCounter(block, outcome, () -> handles.ticker(ticker));
  }

  public Optional<TxLocation> transaction(Hash txHash) {
    return getRaw(txIndex, txHash.toBytes()).map(TxLocation::decode);
  }

  /** The state root after executing {@code height} (0 = genesis); kept for every height. */
  public Optional<Hash> stateRoot(long height) {
    return getRaw(meta, Keys.stateRoot(height)).map(Hash::of);
  }

  Optional<org.alliancechain.core.state.Node> stateNodeOnDisk(
      org.alliancechain.core.state.NodeKey key) {
    return nodeStore.nodeOnDisk(key);
  }

  /** Every key-value pair of the head state's flat index, in key-hash order (for checks). */
  public void forEachLatest(java.util.function.BiConsumer<Hash, Bytes> action) {
    nodeStore.forEachLatest(action);
  }

  /** Flushes memtables to SST files (operations and tests; durability never depends on it). */
  public void flush() {
    ensureOpen();
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      db.flush(flush, handles.families());
    } catch (RocksDBException e) {
      throw io("flushing", e);
    }
  }

  Optional<byte[]> getRaw(ColumnFamilyHandle family, byte[] key) {
    ensureOpen();
    try {
      return Optional.ofNullable(db.get(family, key));
    } catch (RocksDBException e) {
      throw io("reading", e);
    }
  }

  private Optional<Long> readLong(ColumnFamilyHandle family, byte[] key) {
    return getRaw(family, key).map(b -> Keys.readU64(b, 0));
  }

  void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("store closed");
    }
  }

  static StoreException io(String what, RocksDBException e) {
    return StoreOpener.classify(what, e);
  }

  static String readChainId(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    String id = r.string("chain id", Transaction.CHAIN_ID_BYTES_MAX);
    r.expectEnd("chain id");
    return id;
  }

  static int readSchemaVersion(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    int version = r.u32("schema version", Integer.MAX_VALUE);
    r.expectEnd("schema version");
    return version;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      handles.close();
    }
  }

  @Override
  public String toString() {
    return "RocksStore(" + dir + ", chain " + chainId + ", head " + head + ")";
  }

  static List<String> sortedFamilies(List<byte[]> names) {
    List<String> out = new ArrayList<>();
    for (byte[] name : names) {
      out.add(new String(name, java.nio.charset.StandardCharsets.UTF_8));
    }
    out.sort(null);
    return out;
  }

  static ColumnFamilyOptions familyOptions() {
    return new ColumnFamilyOptions();
  }

  static DBOptions dbOptions(RocksLogger logger, boolean create) {
    return new DBOptions()
        .setCreateIfMissing(create)
        .setCreateMissingColumnFamilies(create)
        .setParanoidChecks(true)
        .setMaxOpenFiles(-1)
        .setLogger(logger);
  }
}
