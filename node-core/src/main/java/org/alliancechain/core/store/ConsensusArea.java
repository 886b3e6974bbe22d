package org.alliancechain.core.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * The consensus module's own key-value area (column family {@code consensus}): opaque bytes, laid
 * out by consensus. Every write is synced before it returns, so a validator that persists what it
 * signed before sending it never signs two conflicting messages after a crash (SPEC M-27).
 */
public final class ConsensusArea {
  /** A key and its value, from a scan. */
  public record Entry(Bytes key, Bytes value) {}

  private final RocksStore store;
  private final ColumnFamilyHandle family;

  ConsensusArea(RocksStore store, ColumnFamilyHandle family) {
    this.store = store;
    this.family = family;
  }

  public Optional<Bytes> get(Bytes key) {
    checkKey(key);
    return store.getRaw(family, key.unsafeArray()).map(Bytes::wrap);
  }

  public void put(Bytes key, Bytes value) {
    write(new ConsensusBatch().put(key, value));
  }

  public void delete(Bytes key) {
    write(new ConsensusBatch().delete(key));
  }

  /** Applies the batch atomically; durable when this returns. */
  public void write(ConsensusBatch batch) {
    store.ensureOpen();
    try (WriteBatch writes = new WriteBatch()) {
      for (ConsensusBatch.Op op : batch.ops()) {
        switch (op) {
          case ConsensusBatch.Put put ->
              writes.put(family, put.key().unsafeArray(), put.value().unsafeArray());
          case ConsensusBatch.Delete delete -> writes.delete(family, delete.key().unsafeArray());
          case ConsensusBatch.DeleteRange range ->
              writes.deleteRange(
                  family, range.fromInclusive().unsafeArray(), range.toExclusive().unsafeArray());
        }
      }
      store.db.write(store.syncWrite, writes);
    } catch (RocksDBException e) {
      throw RocksStore.io("writing the consensus log", e);
    }
  }

  /** Entries whose key starts with {@code prefix}, in key order, at most {@code countMax}. */
  public List<Entry> scan(Bytes prefix, int countMax) {
    if (countMax < 0 || countMax > StoreLimits.CONSENSUS_SCAN_COUNT_MAX) {
      throw new IllegalArgumentException("scan count over " + StoreLimits.CONSENSUS_SCAN_COUNT_MAX);
    }
    store.ensureOpen();
    byte[] start = prefix.unsafeArray();
    List<Entry> out = new ArrayList<>();
    try (RocksIterator it = store.db.newIterator(family)) {
      for (it.seek(start); it.isValid() && out.size() < countMax; it.next()) {
        byte[] key = it.key();
        if (key.length < start.length
            || !Arrays.equals(key, 0, start.length, start, 0, start.length)) {
          break;
        }
        out.add(new Entry(Bytes.wrap(key), Bytes.wrap(it.value())));
      }
    }
    return out;
  }

  static void checkKey(Bytes key) {
    if (key.size() == 0 || key.size() > StoreLimits.CONSENSUS_KEY_BYTES_MAX) {
      throw new IllegalArgumentException(
          "consensus key must be 1 to " + StoreLimits.CONSENSUS_KEY_BYTES_MAX + " bytes");
    }
  }

  static void checkValue(Bytes value) {
    if (value.size() > StoreLimits.CONSENSUS_VALUE_BYTES_MAX) {
      throw new IllegalArgumentException(
          "consensus value over " + StoreLimits.CONSENSUS_VALUE_BYTES_MAX + " bytes");
    }
  }
}
