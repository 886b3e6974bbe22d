package org.alliancechain.consensus.core;

import java.util.List;

/**
 * The consensus log on stable storage (SPEC M-27, ARCHITECTURE.md "consensus" column family): what
 * this validator signed, the certificates it prepared, its stable checkpoint. {@link #save} must be
 * durable (synced) when it returns, because the driver sends right after it.
 */
public interface ConsensusStore {
  void save(List<PersistRecord> records);

  /** Everything saved and not yet pruned, in the order it was saved. */
  List<PersistRecord> load();
}
