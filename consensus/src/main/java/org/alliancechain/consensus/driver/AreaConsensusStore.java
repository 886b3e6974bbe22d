package org.alliancechain.consensus.driver;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.core.ConsensusStore;
import org.alliancechain.consensus.core.PersistRecord;
import org.alliancechain.consensus.core.PersistRecordCodec;
import org.alliancechain.consensus.msg.NewView;
import org.alliancechain.consensus.msg.ViewChange;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.store.ConsensusArea;
import org.alliancechain.core.store.ConsensusBatch;
import org.alliancechain.core.store.StoreLimits;

/**
 * The consensus log in node-core's RocksDB consensus area (ARCHITECTURE.md "consensus" column
 * family). One synced batch per {@link #save}. Keys: {@code 'r' seq counter} for votes and prepared
 * certificates (so a stable checkpoint deletes everything at or below it with one range delete),
 * {@code 'v'} the latest view-change, {@code 'n'} the latest new-view, {@code 's'} the stable
 * checkpoint.
 */
public final class AreaConsensusStore implements ConsensusStore {
  private static final Bytes VIEW_CHANGE = Bytes.wrap(new byte[] {'v'});
  private static final Bytes NEW_VIEW = Bytes.wrap(new byte[] {'n'});
  private static final Bytes STABLE = Bytes.wrap(new byte[] {'s'});
  private static final Bytes RECORDS = Bytes.wrap(new byte[] {'r'});

  private final ConsensusArea area;
  private long counter;

  public AreaConsensusStore(ConsensusArea area) {
    this.area = area;
    for (ConsensusArea.Entry e : area.scan(RECORDS, StoreLimits.CONSENSUS_SCAN_COUNT_MAX)) {
      counter = Math.max(counter, readCounter(e.key()) + 1);
    }
  }

  private static Bytes recordKey(long seq, long counter) {
    return Bytes.wrap(new CanonicalWriter(17).u8('r').u63(seq).u63(counter).toByteArray());
  }

  private static long readCounter(Bytes key) {
    long value = 0;
    for (int i = 9; i < 17; i++) {
      value = (value << 8) | (key.byteAt(i) & 0xff);
    }
    return value;
  }

  @Override
  public void save(List<PersistRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    ConsensusBatch batch = new ConsensusBatch();
    for (PersistRecord r : records) {
      Bytes value = Bytes.wrap(PersistRecordCodec.encode(r));
      switch (r) {
        case PersistRecord.StableCheckpoint c -> {
          batch.deleteRange(recordKey(0, 0), recordKey(c.seq() + 1, 0));
          batch.put(STABLE, value);
        }
        case PersistRecord.Signed s when s.message() instanceof ViewChange ->
            batch.put(VIEW_CHANGE, value);
        case PersistRecord.Signed s when s.message() instanceof NewView ->
            batch.put(NEW_VIEW, value);
        case PersistRecord.Signed s -> batch.put(recordKey(s.seq(), counter++), value);
        case PersistRecord.Prepared p -> batch.put(recordKey(p.seq(), counter++), value);
      }
    }
    area.write(batch);
  }

  /** Stable checkpoint, then votes by seq, then the view-change, then the new-view. */
  @Override
  public List<PersistRecord> load() {
    List<PersistRecord> out = new ArrayList<>();
    area.get(STABLE).ifPresent(v -> out.add(PersistRecordCodec.decode(v.toByteArray())));
    for (ConsensusArea.Entry e : area.scan(RECORDS, StoreLimits.CONSENSUS_SCAN_COUNT_MAX)) {
      out.add(PersistRecordCodec.decode(e.value().toByteArray()));
    }
    area.get(VIEW_CHANGE).ifPresent(v -> out.add(PersistRecordCodec.decode(v.toByteArray())));
    area.get(NEW_VIEW).ifPresent(v -> out.add(PersistRecordCodec.decode(v.toByteArray())));
    return out;
  }
}
