package org.alliancechain.consensus.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.consensus.msg.Checkpoint;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.PreparedCertificate;
import org.alliancechain.consensus.msg.ViewChange;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;

/**
 * Computes the new-view's pre-prepares (the set O of Castro–Liskov §4.4) from a quorum of
 * view-changes, the same way on the new primary and on every backup that checks it.
 *
 * <p>min-s is the latest stable checkpoint in V; for each n in (min-s, max-s] the block of the
 * prepared certificate with the highest view is chosen. Blocks chain by parent hash, so a chosen
 * block whose parent is not the block chosen just below it is replaced by an empty "null" block,
 * like every sequence number with no prepared certificate. This never drops a committed block: a
 * replica prepares n only after it prepared n - 1 in the same view, so the f + 1 honest replicas
 * that prepared a committed block also prepared its ancestors in that view, and the ancestors are
 * chosen too.
 */
public final class NewViewBuilder {
  private NewViewBuilder() {}

  /** O before signing: the stable checkpoint and, per sequence number, a block or a null slot. */
  public record Selection(
      long minSeq,
      Hash minDigest,
      List<Checkpoint> proof,
      java.util.SortedMap<Long, Optional<Block>> chosen) {
    public long maxSeq() {
      return chosen.isEmpty() ? minSeq : chosen.lastKey();
    }
  }

  public static Selection select(List<ViewChange> viewChanges) {
    ViewChange best = viewChanges.get(0);
    for (ViewChange vc : viewChanges) {
      if (vc.stableSeq() > best.stableSeq()) {
        best = vc;
      }
    }
    long minSeq = best.stableSeq();
    TreeMap<Long, PrePrepare> candidates = new TreeMap<>();
    for (ViewChange vc : viewChanges) {
      for (PreparedCertificate cert : vc.prepared()) {
        if (cert.seq() <= minSeq) {
          continue;
        }
        PrePrepare current = candidates.get(cert.seq());
        if (current == null || isBetter(cert.prePrepare(), current)) {
          candidates.put(cert.seq(), cert.prePrepare());
        }
      }
    }
    TreeMap<Long, Optional<Block>> chosen = new TreeMap<>();
    long maxSeq = candidates.isEmpty() ? minSeq : candidates.lastKey();
    Hash parent = best.stableDigest();
    boolean chainBroken = false;
    for (long n = minSeq + 1; n <= maxSeq; n++) {
      PrePrepare candidate = candidates.get(n);
      if (!chainBroken
          && candidate != null
          && candidate.block().header().previousHash().equals(parent)) {
        chosen.put(n, Optional.of(candidate.block()));
        parent = candidate.digest();
      } else {
        chainBroken = true;
        chosen.put(n, Optional.empty());
      }
    }
    return new Selection(minSeq, best.stableDigest(), best.checkpointProof(), chosen);
  }

  // Highest view wins; two certificates of one view never differ unless quorums are broken, and
  // then the lowest digest makes the choice deterministic.
  private static boolean isBetter(PrePrepare candidate, PrePrepare current) {
    if (candidate.view() != current.view()) {
      return candidate.view() > current.view();
    }
    return candidate.digest().compareTo(current.digest()) < 0;
  }

  /** Whether {@code block} has the shape of the null block for this slot of O. */
  public static boolean isNullBlock(
      Block block, long seq, long view, Hash parent, PublicKey proposer, Hash validatorSetHash) {
    BlockHeader h = block.header();
    return block.transactions().isEmpty()
        && h.height() == seq
        && h.view() == view
        && h.previousHash().equals(parent)
        && h.proposer().equals(proposer)
        && h.validatorSetHash().equals(validatorSetHash);
  }

  /** Checks a received O against the selection recomputed from the same view-changes. */
  public static boolean matches(
      Selection selection,
      List<PrePrepare> prePrepares,
      long view,
      PublicKey proposer,
      Hash validatorSetHash) {
    List<Long> seqs = new ArrayList<>(selection.chosen().keySet());
    if (prePrepares.size() != seqs.size()) {
      return false;
    }
    Hash parent = selection.minDigest();
    for (int i = 0; i < seqs.size(); i++) {
      PrePrepare pp = prePrepares.get(i);
      long seq = seqs.get(i);
      Optional<Block> expected = selection.chosen().get(seq);
      if (pp.seq() != seq) {
        return false;
      }
      if (expected.isPresent()
          ? !expected.get().equals(pp.block())
          : !isNullBlock(pp.block(), seq, view, parent, proposer, validatorSetHash)) {
        return false;
      }
      parent = pp.digest();
    }
    return true;
  }
}
