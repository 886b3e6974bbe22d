package org.alliancechain.core.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.IndexType;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Statistics;
import org.rocksdb.StatsLevel;
import org.rocksdb.TickerType;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/** Every native RocksDB object of one open database, closed together in reverse order. */
final class RocksHandles implements AutoCloseable {
  /**
   * Memtables of all column families together at most (a shared {@code WriteBufferManager}, its
   * memory charged to the block cache). RocksDB's defaults give each of the seven families 64 MiB
   * buffers, two at a time: a node's resident memory grew by hundreds of MiB over a 30-minute bench
   * (docs/benchmarks.md, session 5) before reaching that plateau.
   */
  static final long MEMTABLES_BYTES_MAX = 64L * 1024 * 1024;

  /** One family's memtable is flushed at this size. */
  static final long MEMTABLE_BYTES_MAX = 16L * 1024 * 1024;

  /** The block cache shared by all families (the memtables' budget is charged to it too). */
  static final long BLOCK_CACHE_BYTES = 96L * 1024 * 1024;

  /**
   * Write-ahead logs kept at most before the families still holding data in the oldest are flushed
   * (RocksDB's default is 4 times the total of the write buffers).
   */
  static final long WAL_BYTES_MAX = 128L * 1024 * 1024;

  /**
   * Bloom filter bits per key (about 1 % false positives). Most of a node's point reads are for
   * keys that are absent: "is this transaction already in a block?" for every admitted or proposed
   * transaction, new accounts' values. Without filters each such read searched every level's index,
   * so it cost more as the database grew: consensus and intake took 1.7 times as long per
   * transaction after 210 s of load as after 90 s (docs/benchmarks.md, session 7).
   */
  static final double BLOOM_BITS_PER_KEY = 10;

  /**
   * Size of one partition of a file's index or Bloom filter. Unpartitioned, a 60 MB file of the
   * transaction index has a filter block of about 1.5 MB: larger than a shard of the block cache,
   * so it was evicted at once and read, checksummed and inserted again by the next look-up, about
   * three times per committed transaction. Throughput fell from 2,650 to about 1,000 transactions
   * per second within eight minutes of load (docs/benchmarks.md, session 9).
   */
  static final long METADATA_BLOCK_BYTES = 4096;

  /** The block cache in 2^4 shards (RocksDB's default for 96 MiB is 2^6 shards of 1.5 MiB). */
  static final int CACHE_SHARD_BITS = 4;

  /** The block cache's share for index and filter blocks, which are evicted last. */
  static final double CACHE_HIGH_PRIORITY_RATIO = 0.5;

  private final RocksLogger logger;
  private final Statistics statistics;
  private final LRUCache cache;
  private final BloomFilter filter;
  private final WriteBufferManager writeBuffers;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions familyOptions;
  private final List<String> names;
  private final List<ColumnFamilyHandle> families;
  private final RocksDB db;
  private final WriteOptions syncWrite;

  private RocksHandles(
      RocksLogger logger,
      Statistics statistics,
      LRUCache cache,
      BloomFilter filter,
      WriteBufferManager writeBuffers,
      DBOptions dbOptions,
      ColumnFamilyOptions familyOptions,
      List<String> names,
      List<ColumnFamilyHandle> families,
      RocksDB db) {
    this.logger = logger;
    this.statistics = statistics;
    this.cache = cache;
    this.filter = filter;
    this.writeBuffers = writeBuffers;
    this.dbOptions = dbOptions;
    this.familyOptions = familyOptions;
    this.names = List.copyOf(names);
    this.families = List.copyOf(families);
    this.db = db;
    this.syncWrite = new WriteOptions().setSync(true);
  }

  static RocksHandles openWritable(Path dir, boolean create) {
    return open(dir, RocksStore.COLUMN_FAMILIES, create, false);
  }

  static RocksHandles openReadOnly(Path dir, List<String> names) {
    return open(dir, names, false, true);
  }

  private static RocksHandles open(Path dir, List<String> names, boolean create, boolean readOnly) {
    RocksLibrary.load(); // idempotent; RocksStore loads it too, tools may open handles first
    RocksLogger logger = new RocksLogger();
    Statistics statistics = new Statistics();
    statistics.setStatsLevel(StatsLevel.EXCEPT_DETAILED_TIMERS);
    LRUCache cache =
        new LRUCache(BLOCK_CACHE_BYTES, CACHE_SHARD_BITS, false, CACHE_HIGH_PRIORITY_RATIO);
    BloomFilter filter = new BloomFilter(BLOOM_BITS_PER_KEY);
    WriteBufferManager writeBuffers = new WriteBufferManager(MEMTABLES_BYTES_MAX, cache);
    DBOptions dbOptions =
        RocksStore.dbOptions(logger, create)
            .setWriteBufferManager(writeBuffers)
            .setStatistics(statistics)
            .setMaxTotalWalSize(WAL_BYTES_MAX);
    ColumnFamilyOptions familyOptions =
        RocksStore.familyOptions()
            .setWriteBufferSize(MEMTABLE_BYTES_MAX)
            .setTableFormatConfig(
                new BlockBasedTableConfig()
                    .setBlockCache(cache)
                    .setFilterPolicy(filter)
                    // Index and filter blocks count against the block cache (bounded memory),
                    // in its high-priority part; the newest files' stay pinned there.
                    .setCacheIndexAndFilterBlocks(true)
                    .setCacheIndexAndFilterBlocksWithHighPriority(true)
                    .setPinL0FilterAndIndexBlocksInCache(true)
                    // Partitioned: a look-up loads one small partition of a file's index and
                    // filter, never the whole (see METADATA_BLOCK_BYTES).
                    .setIndexType(IndexType.kTwoLevelIndexSearch)
                    .setPartitionFilters(true)
                    .setMetadataBlockSize(METADATA_BLOCK_BYTES)
                    .setPinTopLevelIndexAndFilter(true));
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String name : names) {
      descriptors.add(
          new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), familyOptions));
    }
    List<ColumnFamilyHandle> families = new ArrayList<>();
    try {
      RocksDB db =
          readOnly
              ? RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, families)
              : RocksDB.open(dbOptions, dir.toString(), descriptors, families);
      return new RocksHandles(
          logger,
          statistics,
          cache,
          filter,
          writeBuffers,
          dbOptions,
          familyOptions,
          names,
          families,
          db);
    } catch (RocksDBException e) {
      families.forEach(ColumnFamilyHandle::close);
      familyOptions.close();
      dbOptions.close();
      writeBuffers.close();
      filter.close();
      cache.close();
      statistics.close();
      logger.close();
      throw StoreOpener.classifyOpen(dir, e);
    }
  }

  RocksDB db() {
    return db;
  }

  WriteOptions syncWrite() {
    return syncWrite;
  }

  ColumnFamilyHandle family(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column family " + name);
    }
    return families.get(index);
  }

  boolean hasFamily(String name) {
    return names.contains(name);
  }

  List<ColumnFamilyHandle> families() {
    return families;
  }

  @Override
  public void close() {
    syncWrite.close();
    families.forEach(ColumnFamilyHandle::close);
    db.close();
    familyOptions.close();
    dbOptions.close();
    writeBuffers.close();
    filter.close();
    cache.close();
    statistics.close();
    logger.close();
  }

  /** A RocksDB counter since the database was opened. */
  long ticker(TickerType type) {
    return statistics.getTickerCount(type);
  }
}
