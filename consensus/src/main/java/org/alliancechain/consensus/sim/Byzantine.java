package org.alliancechain.consensus.sim;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.msg.Checkpoint;
import org.alliancechain.consensus.msg.Commit;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.NewView;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.consensus.msg.Signing;
import org.alliancechain.consensus.msg.SyncRequest;
import org.alliancechain.consensus.msg.SyncResponse;
import org.alliancechain.consensus.msg.ViewChange;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;

/** Rewrites what a Byzantine node sends to one target, per its {@link Behavior}. */
final class Byzantine {
  private static final int REPLAY_MEMORY_MAX = 64;

  private Byzantine() {}

  static List<ConsensusMessage> rewrite(
      Simulation sim, Simulation.SimNode node, Simulation.SimNode target, ConsensusMessage m) {
    return switch (node.behavior) {
      case HONEST, TWIN -> List.of(m);
      case SILENT -> List.of();
      case EQUIVOCATE -> equivocate(node, target, m);
      case BAD_SIGNATURE ->
          sim.random().nextBoolean() ? List.of(m) : List.of(withSignature(m, corrupt(m)));
      case BAD_DIGEST -> List.of(isFreshProposal(node, m) ? badDigest(node, (PrePrepare) m) : m);
      case REPLAY_OLD -> replay(sim, node, m);
      case WITHHOLD -> target.index % 3 == 0 ? List.of() : List.of(m);
      case LYING_NEW_VIEW -> lie(node, target, m);
    };
  }

  private static boolean isFreshProposal(Simulation.SimNode node, ConsensusMessage m) {
    return m instanceof PrePrepare pp
        && pp.sender().equals(node.key.publicKey())
        && pp.block().header().view() == pp.view();
  }

  private static List<ConsensusMessage> equivocate(
      Simulation.SimNode node, Simulation.SimNode target, ConsensusMessage m) {
    boolean otherHalf = target.index % 2 == 1;
    if (isFreshProposal(node, m) && otherHalf) {
      PrePrepare pp = (PrePrepare) m;
      String key = pp.view() + "/" + pp.seq();
      ConsensusMessage alt =
          node.alternatives.computeIfAbsent(key, k -> alternative(node.signing(), pp));
      return List.of(alt);
    }
    if (m instanceof Commit && otherHalf) {
      return List.of();
    }
    return List.of(m);
  }

  // Another valid block for the same slot: one transaction fewer, or a later time.
  private static PrePrepare alternative(Signing signing, PrePrepare pp) {
    Block block = pp.block();
    List<Transaction> txs = block.transactions();
    BlockHeader h = block.header();
    List<Transaction> altTxs = txs.size() >= 2 ? txs.subList(0, txs.size() - 1) : txs;
    long time = txs.size() >= 2 ? h.timestampMillis() : h.timestampMillis() + 1;
    BlockHeader alt =
        new BlockHeader(
            h.chainId(),
            h.height(),
            h.view(),
            h.previousHash(),
            Block.txRoot(altTxs),
            altTxs.size(),
            h.executedHeight(),
            h.executedStateRoot(),
            h.validatorSetHash(),
            h.proposer(),
            time);
    return signing.prePrepare(pp.view(), pp.seq(), new Block(alt, altTxs));
  }

  private static PrePrepare badDigest(Simulation.SimNode node, PrePrepare pp) {
    BlockHeader h = pp.block().header();
    BlockHeader wrong =
        new BlockHeader(
            h.chainId(),
            h.height(),
            h.view(),
            h.previousHash(),
            Hash.ZERO,
            h.txCount(),
            h.executedHeight(),
            h.executedStateRoot(),
            h.validatorSetHash(),
            h.proposer(),
            h.timestampMillis());
    return node.signing()
        .prePrepare(pp.view(), pp.seq(), new Block(wrong, pp.block().transactions()));
  }

  private static List<ConsensusMessage> replay(
      Simulation sim, Simulation.SimNode node, ConsensusMessage m) {
    long slot = sim.random().nextInt(REPLAY_MEMORY_MAX);
    ConsensusMessage old = node.sentForReplay.put(slot, m);
    if (old != null && sim.random().nextInt(4) == 0) {
      return List.of(m, old);
    }
    return List.of(m);
  }

  private static List<ConsensusMessage> lie(
      Simulation.SimNode node, Simulation.SimNode target, ConsensusMessage m) {
    if (m instanceof Commit && target.index % 2 == 0) {
      return List.of();
    }
    if (!(m instanceof NewView nv) || nv.prePrepares().isEmpty()) {
      return List.of(m);
    }
    String key = "nv/" + nv.view();
    ConsensusMessage forged = node.alternatives.computeIfAbsent(key, k -> nullified(node, nv));
    return List.of(forged);
  }

  // The new-view a malicious new primary would like: every slot of O emptied.
  private static NewView nullified(Simulation.SimNode node, NewView nv) {
    Signing signing = node.signing();
    List<PrePrepare> forged = new ArrayList<>();
    Hash parent = nv.prePrepares().get(0).block().header().previousHash();
    for (PrePrepare pp : nv.prePrepares()) {
      BlockHeader h = pp.block().header();
      List<Transaction> none = List.of();
      BlockHeader empty =
          new BlockHeader(
              h.chainId(),
              h.height(),
              nv.view(),
              parent,
              Block.txRoot(none),
              0,
              h.executedHeight(),
              h.executedStateRoot(),
              h.validatorSetHash(),
              node.key.publicKey(),
              h.timestampMillis() + 1);
      Block block = new Block(empty, none);
      forged.add(signing.prePrepare(nv.view(), pp.seq(), block));
      parent = block.hash();
    }
    return signing.newView(nv.view(), nv.viewChanges(), forged);
  }

  private static Signature corrupt(ConsensusMessage m) {
    byte[] bytes = m.signature().toBytes();
    bytes[7] ^= 0x40;
    return Signature.of(bytes);
  }

  static ConsensusMessage withSignature(ConsensusMessage m, Signature s) {
    return switch (m) {
      case PrePrepare x -> new PrePrepare(x.view(), x.seq(), x.block(), x.sender(), s);
      case Prepare x -> new Prepare(x.view(), x.seq(), x.digest(), x.sender(), s);
      case Commit x -> new Commit(x.view(), x.seq(), x.digest(), x.sender(), s);
      case Checkpoint x -> new Checkpoint(x.seq(), x.digest(), x.sender(), s);
      case ViewChange x ->
          new ViewChange(
              x.newView(),
              x.stableSeq(),
              x.stableDigest(),
              x.checkpointProof(),
              x.prepared(),
              x.sender(),
              s);
      case NewView x -> new NewView(x.view(), x.viewChanges(), x.prePrepares(), x.sender(), s);
      case SyncRequest x -> new SyncRequest(x.fromHeight(), x.toHeight(), x.sender(), s);
      case SyncResponse x -> new SyncResponse(x.blocks(), x.sender(), s);
    };
  }
}
