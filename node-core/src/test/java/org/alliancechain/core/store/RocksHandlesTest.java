package org.alliancechain.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.FlushOptions;
import org.rocksdb.TableProperties;

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
}
