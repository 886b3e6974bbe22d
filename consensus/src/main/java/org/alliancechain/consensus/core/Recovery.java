package org.alliancechain.consensus.core;

import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.alliancechain.consensus.msg.Checkpoint;
import org.alliancechain.consensus.msg.Commit;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.crypto.PublicKey;

/**
 * A validator that lost its consensus log (its data folder was wiped, keys kept) no longer knows
 * what it signed. It signs no vote until it can prove that every vote it could have signed before
 * the loss lies at or below its stable checkpoint, where no replica accepts votes any more. The
 * rule and why it is safe: docs/consensus.md, "A validator that lost its log".
 *
 * <p>Phases: {@code PROBING} (head 0, no log: a fresh chain or a wipe? peers tell), {@code FENCING}
 * (the chain exists: learn how far peers got, fix the fence, follow the chain until a stable
 * checkpoint reaches the fence), {@code DONE} (signs like any replica).
 */
final class Recovery {
  enum Phase {
    PROBING,
    FENCING,
    DONE
  }

  private Phase phase;
  private final PublicKey self;
  private final int windowBlocks;
  private final TreeSet<PublicKey> emptyChainReports = new TreeSet<>();
  private final TreeSet<PublicKey> checkpointSenders = new TreeSet<>();
  private final TreeMap<PublicKey, Long> viewBySender = new TreeMap<>();
  private long highestSeqSeen;
  private long fenceSeq = -1;
  private String why = "";

  private Recovery(Phase phase, PublicKey self, int windowBlocks, long executedHeight) {
    this.phase = phase;
    this.self = self;
    this.windowBlocks = windowBlocks;
    this.highestSeqSeen = executedHeight;
  }

  static Recovery none(PublicKey self) {
    return new Recovery(Phase.DONE, self, 0, 0);
  }

  /** The log is lost: probe first if this node has no block either, else fence straight away. */
  static Recovery lostLog(PublicKey self, int windowBlocks, long executedHeight) {
    Recovery r =
        new Recovery(
            executedHeight == 0 ? Phase.PROBING : Phase.FENCING,
            self,
            windowBlocks,
            executedHeight);
    r.why = executedHeight == 0 ? "asking peers whether the chain has blocks" : "log lost";
    return r;
  }

  Phase phase() {
    return phase;
  }

  boolean maySign() {
    return phase == Phase.DONE;
  }

  boolean isProbing() {
    return phase == Phase.PROBING;
  }

  long fenceSeq() {
    return fenceSeq;
  }

  String why() {
    return why;
  }

  /** A validly signed message from another validator: how far and in which view it got. */
  void observe(ConsensusMessage m) {
    if (phase == Phase.DONE || m.sender().equals(self)) {
      return;
    }
    long seq;
    long view;
    switch (m) {
      case PrePrepare x -> {
        seq = x.seq();
        view = x.view();
      }
      case Prepare x -> {
        seq = x.seq();
        view = x.view();
      }
      case Commit x -> {
        seq = x.seq();
        view = x.view();
      }
      case Checkpoint x -> {
        seq = x.seq();
        view = -1;
        checkpointSenders.add(x.sender());
      }
      case org.alliancechain.consensus.msg.ViewChange x -> {
        return;
      }
      case org.alliancechain.consensus.msg.NewView x -> {
        return;
      }
      case org.alliancechain.consensus.msg.SyncRequest x -> {
        return;
      }
      case org.alliancechain.consensus.msg.SyncResponse x -> {
        return;
      }
    }
    highestSeqSeen = Math.max(highestSeqSeen, seq);
    if (view >= 0) {
      viewBySender.merge(m.sender(), view, Math::max);
    }
    if (phase == Phase.PROBING && (m instanceof Checkpoint || seq > windowBlocks)) {
      // A checkpoint, or votes beyond the first window: blocks exist, whatever a peer may say.
      enterFencing("peers are voting at seq " + seq);
    }
    // Votes inside the first window while peers report no block are the alliance's first start
    // with this node late: fencing on them would deadlock a start where 2f + 1 validators are
    // needed and this one is among them (no block can commit, so no checkpoint ever fixes the
    // fence). The probe's answers decide; docs/consensus.md, "A validator that lost its log".

  }

  /** A sync answer while probing: blocks mean the chain exists; empty answers count. */
  void onSyncAnswer(PublicKey sender, boolean hasBlocks, int othersNeeded) {
    if (phase != Phase.PROBING) {
      return;
    }
    if (hasBlocks) {
      enterFencing("peers serve certified blocks");
      return;
    }
    emptyChainReports.add(sender);
    if (emptyChainReports.size() >= othersNeeded) {
      phase = Phase.DONE;
      why = emptyChainReports.size() + " peers report no block: a fresh chain";
    }
  }

  private void enterFencing(String reason) {
    phase = Phase.FENCING;
    why = reason;
  }

  /**
   * Fixes the fence once enough peers' checkpoints were heard, and finishes when the stable
   * checkpoint reaches it. Returns true on the step that finishes.
   */
  boolean update(long committedSeq, long low, int othersNeeded) {
    if (phase != Phase.FENCING) {
      return false;
    }
    highestSeqSeen = Math.max(highestSeqSeen, committedSeq);
    if (fenceSeq < 0 && checkpointSenders.size() >= othersNeeded) {
      fenceSeq = highestSeqSeen + windowBlocks;
    }
    if (fenceSeq < 0) {
      why =
          "waiting for checkpoints from "
              + othersNeeded
              + " peers (heard "
              + checkpointSenders.size()
              + ")";
      return false;
    }
    if (low < fenceSeq) {
      why = "following the chain; votes again once a stable checkpoint reaches " + fenceSeq;
      return false;
    }
    phase = Phase.DONE;
    why = "rejoined at stable checkpoint " + low + " (fence " + fenceSeq + ")";
    return true;
  }

  /** The view that at least {@code weakQuorum} other validators reached (one of them correct). */
  long supportedView(int weakQuorum) {
    List<Long> views = viewBySender.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
    Invariants.check(weakQuorum >= 1, "a weak quorum is at least one");
    return views.size() >= weakQuorum ? views.get(weakQuorum - 1) : -1;
  }
}
