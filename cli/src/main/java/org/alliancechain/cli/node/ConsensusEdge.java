package org.alliancechain.cli.node;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.MessageCodec;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Reason;
import org.alliancechain.consensus.msg.SignatureVerifier;
import org.alliancechain.consensus.msg.Signing;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.MessageHandler;
import org.alliancechain.p2p.PeerNetwork;
import org.alliancechain.p2p.Penalty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consensus channel's first check, on the peer network's dispatch thread, of what a peer link
 * delivered: it decodes, checks the signature and (for a proposal) that the block's header commits
 * to its body. These checks need no replica state and hold whatever the view or validator set, so a
 * failure proves the link's peer sent bad data: it is counted by reason and the peer (the
 * authenticated sender of the bytes, not the key the message names) is penalised. Everything else
 * goes to the replica, which judges the rest against its state.
 */
final class ConsensusEdge implements MessageHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ConsensusEdge.class);

  private final String chainId;
  private final SignatureVerifier verifier;
  private final PeerNetwork network;
  private final Predicate<ConsensusMessage> deliver;
  // Keys are Reason constants only (a handful): bounded.
  private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();

  ConsensusEdge(
      String chainId,
      SignatureVerifier verifier,
      PeerNetwork network,
      Predicate<ConsensusMessage> deliver) {
    this.chainId = chainId;
    this.verifier = verifier;
    this.network = network;
    this.deliver = deliver;
  }

  @Override
  public void onMessage(PublicKey from, byte[] bytes) {
    ConsensusMessage message;
    try {
      message = MessageCodec.decode(bytes);
    } catch (DecodeException e) {
      refuse(from, Reason.UNDECODABLE, Penalty.UNDECODABLE, e.getMessage());
      return;
    }
    Verdict verdict = check(message);
    if (!verdict.isOk()) {
      refuse(from, verdict.reason(), Penalty.INVALID_MESSAGE, verdict.toString());
      return;
    }
    var unused = deliver.test(message); // false: the driver's inbox is full and counts the drop
  }

  Verdict check(ConsensusMessage message) {
    if (!Signing.hasValidSignature(chainId, message, verifier)) {
      return Verdict.reject(
          Reason.BAD_SIGNATURE, message.getClass().getSimpleName() + " signature does not verify");
    }
    if (message instanceof PrePrepare pp) {
      Verdict body = pp.block().checkBody();
      if (!body.isOk()) {
        return Verdict.reject(Reason.DIGEST_MISMATCH, body.toString());
      }
    }
    return Verdict.ok();
  }

  private void refuse(PublicKey from, String reason, Penalty penalty, String detail) {
    rejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
    LOG.debug("consensus message from {} refused: {} {}", from, reason, detail);
    network.penalize(from, penalty);
  }

  long rejectedCount(String reason) {
    LongAdder n = rejected.get(reason);
    return n == null ? 0 : n.sum();
  }
}
