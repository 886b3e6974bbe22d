package org.alliancechain.consensus.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ConsensusStore} in memory, for the simulator and tests: it survives a simulated crash
 * because the simulator keeps the object and builds a new replica from it. It prunes like a real
 * store would: records at or below the stable checkpoint, and all but the latest view-change and
 * new-view.
 */
public final class InMemoryConsensusStore implements ConsensusStore {
  private final List<PersistRecord> records = new ArrayList<>();
  private long saves;

  @Override
  public void save(List<PersistRecord> batch) {
    if (batch.isEmpty()) {
      return;
    }
    saves++;
    for (PersistRecord r : batch) {
      if (r instanceof PersistRecord.StableCheckpoint sc) {
        records.removeIf(
            old -> old.seq() <= sc.seq() || old instanceof PersistRecord.StableCheckpoint);
      }
      if (r instanceof PersistRecord.Signed s
          && (s.message() instanceof org.alliancechain.consensus.msg.ViewChange
              || s.message() instanceof org.alliancechain.consensus.msg.NewView)) {
        Class<?> kind = s.message().getClass();
        records.removeIf(
            old -> old instanceof PersistRecord.Signed o && kind.isInstance(o.message()));
      }
      records.add(r);
    }
  }

  @Override
  public List<PersistRecord> load() {
    return List.copyOf(records);
  }

  public int size() {
    return records.size();
  }

  public long saves() {
    return saves;
  }
}
