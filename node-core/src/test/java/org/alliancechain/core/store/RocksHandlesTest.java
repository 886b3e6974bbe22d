package org.alliancechain.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.FlushOptions;
import org.rocksdb.TableProperties;
import org.rocksdb.TickerType;

class RocksHandlesTest {
  // Point reads of absent keys (the transaction index, new accounts) must not search every level:
  // each table file written carries a Bloom filter (docs/benchmarks.md, session 7).
  @Test
  void everyTableFileCarriesABloomFilter(@TempDir Path dir) throws Exception {
    try (RocksHandles handles = RocksHandles.openWritable(dir, true);
        FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      var family = handles.family(RocksStore.CF_TX_INDEX);
      for (int i = 0; i < 1_000; i++) {
        handles
            .db()
            .put(
                family, ("tx-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[8]);
      }
      handles.db().flush(flush, family);
      Map<String, TableProperties> tables = handles.db().getPropertiesOfAllTables(family);
      assertThat(tables).isNotEmpty();
      for (TableProperties table : tables.values()) {
        assertThat(table.getFilterPolicyName()).containsIgnoringCase("bloom");
        assertThat(table.getFilterSize()).isPositive();
      }
      assertThat(
              handles.db().get(family, "absent".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .isNull();
    }
  }

  // Filter blocks enter the cache one small partition at a time, never as a file's whole filter:
  // whole filters of large files were larger than a cache shard, evicted at once and loaded again
  // by the next look-up, and throughput collapsed under sustained load (docs/benchmarks.md,
  // session 9).
  @Test
  void filtersEnterTheCacheInPartitionsNotWhole(@TempDir Path dir) throws Exception {
    java.util.Random random = new java.util.Random(9);
    try (RocksHandles handles = RocksHandles.openWritable(dir, true);
        FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      var family = handles.family(RocksStore.CF_TX_INDEX);
      byte[] key = new byte[32];
      for (int i = 0; i < 100_000; i++) {
        random.nextBytes(key);
        handles.db().put(family, key, new byte[24]);
      }
      handles.db().flush(flush, family);
      handles.db().compactRange(family); // out of level 0, whose filters stay pinned
      for (int i = 0; i < 200; i++) {
        random.nextBytes(key);
        assertThat(handles.db().get(family, key)).isNull();
      }
      long wholeFilter = 0;
      for (TableProperties table : handles.db().getPropertiesOfAllTables(family).values()) {
        wholeFilter = Math.max(wholeFilter, table.getFilterSize());
      }
      long blocks = handles.ticker(TickerType.BLOCK_CACHE_FILTER_ADD);
      long bytes = handles.ticker(TickerType.BLOCK_CACHE_FILTER_BYTES_INSERT);
      assertThat(wholeFilter).as("the file's whole filter").isGreaterThan(64 * 1024);
      assertThat(blocks).as("filter blocks put in the cache").isGreaterThan(1);
      assertThat(bytes / blocks)
          .as("bytes per filter block put in the cache")
          .isLessThanOrEqualTo(4 * RocksHandles.METADATA_BLOCK_BYTES);
    }
  }
}
