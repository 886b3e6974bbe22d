package org.alliancechain.consensus.core;

import java.util.TreeMap;
import org.alliancechain.consensus.ConsensusLimits;
import org.alliancechain.consensus.msg.Commit;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.consensus.msg.PreparedCertificate;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;

/**
 * The log entry for one sequence number (Castro–Liskov §4.2). Per-view fields are reset when the
 * replica enters a new view; the prepared certificate and the commit votes survive view changes.
 */
final class Slot {
  final long seq;

  /** Block bodies seen for this seq (from any view), by digest; at most a few. */
  final TreeMap<Hash, Block> bodies = new TreeMap<>();

  long view = -1;
  PrePrepare prePrepare;
  boolean fromNewView;
  final TreeMap<PublicKey, Prepare> prepares = new TreeMap<>();
  boolean prepareSent;
  boolean proposalRejected;
  Commit ownCommit;

  /** Prepared certificate of the highest view this replica prepared in (the P of §4.4). */
  PreparedCertificate prepared;

  /** Commit votes by view, then sender; a quorum of one (view, digest) certifies the block. */
  final TreeMap<Long, TreeMap<PublicKey, Commit>> commits = new TreeMap<>();

  CertifiedBlock certified;

  /** Backups that prepared another digest and were sent this replica's pre-prepare. */
  final java.util.TreeSet<PublicKey> prePrepareShownTo = new java.util.TreeSet<>();

  Slot(long seq) {
    this.seq = seq;
  }

  void enterView(long newView) {
    if (view == newView) {
      return;
    }
    view = newView;
    prePrepare = null;
    fromNewView = false;
    prepares.clear();
    prepareSent = false;
    proposalRejected = false;
  }

  void rememberBody(Block block) {
    if (bodies.size() < ConsensusLimits.BODIES_PER_SLOT_MAX || bodies.containsKey(block.hash())) {
      bodies.put(block.hash(), block);
    }
  }

  boolean isPreparedIn(long inView) {
    return prepared != null && prepared.view() == inView;
  }

  Hash digest() {
    return prePrepare == null ? null : prePrepare.digest();
  }
}
