package org.alliancechain.consensus.core;

import java.util.List;
import org.alliancechain.consensus.msg.Checkpoint;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.PreparedCertificate;
import org.alliancechain.core.hash.Hash;

/** What the driver must save durably before it sends anything of the same {@link Ready}. */
public sealed interface PersistRecord {

  /** Sequence number the record is about; records at or below a stable checkpoint may go. */
  long seq();

  /** A message this replica signed (pre-prepare, prepare, commit, view-change, new-view). */
  record Signed(ConsensusMessage message, long seq) implements PersistRecord {}

  /**
   * A prepared certificate this replica formed. Kept so that a restarted replica's view-change
   * still reports it: a committed block is prepared at f + 1 honest replicas, and the new-view must
   * find one of them (Castro–Liskov §4.4 safety argument).
   */
  record Prepared(PreparedCertificate certificate) implements PersistRecord {
    @Override
    public long seq() {
      return certificate.seq();
    }
  }

  /** A new stable checkpoint with its proof; records at or below it may be dropped. */
  record StableCheckpoint(long seq, Hash digest, List<Checkpoint> proof) implements PersistRecord {
    public StableCheckpoint {
      proof = List.copyOf(proof);
    }
  }
}
