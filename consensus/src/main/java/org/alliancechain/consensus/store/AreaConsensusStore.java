package org.alliancechain.consensus.store;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.core.ConsensusStore;
import org.alliancechain.consensus.core.PersistRecord;
import org.alliancechain.consensus.msg.Checkpoint;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.MessageCodec;
import org.alliancechain.consensus.msg.NewView;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.consensus.msg.PreparedCertificate;
import org.alliancechain.consensus.msg.ViewChange;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.store.ConsensusArea;
import org.alliancechain.core.store.ConsensusBatch;
import org.alliancechain.core.store.StoreLimits;

/**
 * The consensus log on RocksDB (SPEC M-27: a restarted validator never signs two conflicting
 * messages). Each {@link #save} is one synced write batch, so the driver can send right after it.
 * Records are keyed by an increasing 8-byte counter, so {@link #load} returns them in save order.
 * It prunes exactly as {@code InMemoryConsensusStore} does: at a new stable checkpoint every record
 * at or below it goes, and only the latest view-change and new-view are kept.
 */
public final class AreaConsensusStore implements ConsensusStore {
  private static final int SIGNED = 1;
  private static final int PREPARED = 2;
  private static final int STABLE_CHECKPOINT = 3;
  private static final int LIST_MAX = 4_096;

  private record Stored(long counter, PersistRecord record) {}

  private final ConsensusArea area;
  private final List<Stored> records = new ArrayList<>();
  private long nextCounter;

  public AreaConsensusStore(ConsensusArea area) {
    this.area = area;
    for (ConsensusArea.Entry entry : area.scan(Bytes.EMPTY, StoreLimits.CONSENSUS_SCAN_COUNT_MAX)) {
      long counter = new CanonicalReader(entry.key().unsafeArray()).i64("log counter");
      records.add(new Stored(counter, decode(entry.value().unsafeArray())));
      nextCounter = counter + 1;
    }
  }

  @Override
  public synchronized void save(List<PersistRecord> batch) {
    if (batch.isEmpty()) {
      return;
    }
    ConsensusBatch writes = new ConsensusBatch();
    for (PersistRecord r : batch) {
      if (r instanceof PersistRecord.StableCheckpoint sc) {
        drop(writes, old -> old.seq() <= sc.seq() || old instanceof PersistRecord.StableCheckpoint);
      }
      if (r instanceof PersistRecord.Signed s
          && (s.message() instanceof ViewChange || s.message() instanceof NewView)) {
        Class<?> kind = s.message().getClass();
        drop(writes, old -> old instanceof PersistRecord.Signed o && kind.isInstance(o.message()));
      }
      long counter = nextCounter++;
      writes.put(key(counter), Bytes.wrap(encode(r)));
      records.add(new Stored(counter, r));
    }
    area.write(writes);
  }

  private void drop(ConsensusBatch writes, java.util.function.Predicate<PersistRecord> which) {
    records.removeIf(
        stored -> {
          if (which.test(stored.record())) {
            writes.delete(key(stored.counter()));
            return true;
          }
          return false;
        });
  }

  @Override
  public synchronized List<PersistRecord> load() {
    return records.stream().map(Stored::record).toList();
  }

  private static Bytes key(long counter) {
    return Bytes.wrap(new CanonicalWriter(8).i64(counter).toByteArray());
  }

  static byte[] encode(PersistRecord record) {
    CanonicalWriter w = new CanonicalWriter(512);
    switch (record) {
      case PersistRecord.Signed s ->
          w.u8(SIGNED).u63(s.seq()).bytes(MessageCodec.encode(s.message()));
      case PersistRecord.Prepared p -> {
        w.u8(PREPARED).bytes(MessageCodec.encode(p.certificate().prePrepare()));
        w.count(p.certificate().prepares().size());
        p.certificate().prepares().forEach(prepare -> w.bytes(MessageCodec.encode(prepare)));
      }
      case PersistRecord.StableCheckpoint c -> {
        w.u8(STABLE_CHECKPOINT).u63(c.seq()).hash(c.digest()).count(c.proof().size());
        c.proof().forEach(checkpoint -> w.bytes(MessageCodec.encode(checkpoint)));
      }
    }
    return w.toByteArray();
  }

  static PersistRecord decode(byte[] bytes) {
    CanonicalReader r = new CanonicalReader(bytes);
    int tag = r.u8("record tag");
    PersistRecord record =
        switch (tag) {
          case SIGNED -> {
            long seq = r.u63("seq");
            yield new PersistRecord.Signed(message(r), seq);
          }
          case PREPARED -> {
            PrePrepare prePrepare = expect(message(r), PrePrepare.class);
            int count = r.count("prepares", LIST_MAX);
            List<Prepare> prepares = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
              prepares.add(expect(message(r), Prepare.class));
            }
            yield new PersistRecord.Prepared(new PreparedCertificate(prePrepare, prepares));
          }
          case STABLE_CHECKPOINT -> {
            long seq = r.u63("seq");
            Hash digest = r.hash("digest");
            int count = r.count("checkpoints", LIST_MAX);
            List<Checkpoint> proof = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
              proof.add(expect(message(r), Checkpoint.class));
            }
            yield new PersistRecord.StableCheckpoint(seq, digest, proof);
          }
          default ->
              throw new DecodeException(
                  DecodeException.Reason.UNKNOWN_KIND, "consensus log record tag " + tag);
        };
    r.expectEnd("consensus log record");
    return record;
  }

  private static ConsensusMessage message(CanonicalReader r) {
    return MessageCodec.decode(r.bytes("message", StoreLimits.CONSENSUS_VALUE_BYTES_MAX));
  }

  private static <T> T expect(ConsensusMessage message, Class<T> type) {
    Invariants.check(type.isInstance(message), "consensus log holds a " + type.getSimpleName());
    return type.cast(message);
  }
}
