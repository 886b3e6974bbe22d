package org.alliancechain.cli.node;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alliancechain.consensus.driver.Transport;
import org.alliancechain.consensus.msg.Checkpoint;
import org.alliancechain.consensus.msg.Commit;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.MessageCodec;
import org.alliancechain.consensus.msg.NewView;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Prepare;
import org.alliancechain.consensus.msg.Signing;
import org.alliancechain.consensus.msg.SyncRequest;
import org.alliancechain.consensus.msg.SyncResponse;
import org.alliancechain.consensus.msg.ViewChange;
import org.alliancechain.core.block.Block;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.p2p.ChannelMux;
import org.alliancechain.p2p.LinkLimits;
import org.alliancechain.p2p.PeerAddress;
import org.alliancechain.p2p.secure.Handshake;
import org.alliancechain.p2p.secure.HandshakeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link ByzantineMode} validator sends instead of what its honest replica asks for: the
 * replica runs unchanged and this transport rewrites each outgoing message per target, signing the
 * faulty ones with the node's real key (so only the protocol, not the link, can tell). Runs on the
 * driver thread, like the transport it wraps. Test-only; see {@link ByzantineMode}.
 */
final class ByzantineTransport implements Transport {
  private static final Logger LOG = LoggerFactory.getLogger(ByzantineTransport.class);
  private static final int REPLAY_MEMORY_MAX = 64;
  private static final int GARBAGE_BYTES_MAX = 512;

  /** A mux channel code no node registers. */
  private static final byte UNKNOWN_CHANNEL = 0x7f;

  private static final long OVERSIZED_INTERVAL_MILLIS = 2_000;

  private final ConsensusEngines.Validator honest;
  private final Node node;
  private final Signing signing;
  private final List<ByzantineMode.Behavior> behaviors;
  private final SplittableRandom random;
  private final List<PublicKey> validators;
  private final List<ConsensusMessage> sent = new ArrayList<>();
  private final Map<String, PrePrepare> alternatives = new HashMap<>();
  private long lastOversizedMillis;

  ByzantineTransport(
      ConsensusEngines.Validator honest, Node node, Signing signing, ByzantineMode mode) {
    this.honest = honest;
    this.node = node;
    this.signing = signing;
    this.behaviors = mode.behaviors().stream().sorted().toList();
    this.random = new SplittableRandom(mode.seed());
    this.validators = node.genesis().validatorSet().members();
    LOG.warn("TEST-ONLY BYZANTINE MODE: this validator misbehaves on purpose: {}", behaviors);
  }

  @Override
  public void send(PublicKey to, byte[] message) {
    emit(to, MessageCodec.decode(message));
  }

  @Override
  public void broadcast(byte[] message) {
    honest.snapshot();
    ConsensusMessage m = MessageCodec.decode(message);
    for (PublicKey to : validators) {
      if (!to.equals(signing.key().publicKey())) {
        emit(to, m);
      }
    }
    remember(m);
  }

  @Override
  public void gossip(Transaction tx) {
    honest.gossip(tx);
  }

  @Override
  public void penalize(PublicKey peer) {
    honest.penalize(peer);
  }

  private void emit(PublicKey to, ConsensusMessage m) {
    int target = validators.indexOf(to);
    ByzantineMode.Behavior behavior = behaviors.get(random.nextInt(behaviors.size()));
    List<ConsensusMessage> out =
        switch (behavior) {
          case EQUIVOCATE -> equivocate(target, m);
          case BAD_SIGNATURE -> List.of(withSignature(m, corrupt(m.signature())));
          case BAD_DIGEST -> List.of(isFreshProposal(m) ? badDigest((PrePrepare) m) : m);
          case REPLAY_OLD -> replay(m);
          case GARBAGE -> {
            garbage(to);
            yield List.of(m);
          }
          case WITHHOLD -> target % 3 == 0 ? List.of() : List.of(m);
        };
    for (ConsensusMessage each : out) {
      honest.send(to, MessageCodec.encode(each));
    }
  }

  private boolean isFreshProposal(ConsensusMessage m) {
    return m instanceof PrePrepare pp
        && pp.sender().equals(signing.key().publicKey())
        && pp.block().header().view() == pp.view();
  }

  private List<ConsensusMessage> equivocate(int target, ConsensusMessage m) {
    boolean otherHalf = target % 2 == 1;
    if (isFreshProposal(m) && otherHalf) {
      PrePrepare pp = (PrePrepare) m;
      return List.of(alternatives.computeIfAbsent(pp.view() + "/" + pp.seq(), k -> alt(pp)));
    }
    return m instanceof Commit && otherHalf ? List.of() : List.of(m);
  }

  // Another valid block for the same slot: one transaction fewer, or a later time.
  private PrePrepare alt(PrePrepare pp) {
    Block block = pp.block();
    List<Transaction> txs = block.transactions();
    BlockHeader h = block.header();
    List<Transaction> altTxs = txs.isEmpty() ? txs : txs.subList(0, txs.size() - 1);
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
            h.timestampMillis() + 1);
    return signing.prePrepare(pp.view(), pp.seq(), new Block(alt, altTxs));
  }

  private PrePrepare badDigest(PrePrepare pp) {
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
    return signing.prePrepare(pp.view(), pp.seq(), new Block(wrong, pp.block().transactions()));
  }

  private List<ConsensusMessage> replay(ConsensusMessage m) {
    if (sent.isEmpty()) {
      return List.of(m);
    }
    return List.of(m, sent.get(random.nextInt(sent.size())));
  }

  private void remember(ConsensusMessage m) {
    if (sent.size() < REPLAY_MEMORY_MAX) {
      sent.add(m);
    } else {
      sent.set(random.nextInt(REPLAY_MEMORY_MAX), m);
    }
  }

  private void garbage(PublicKey to) {
    byte[] junk = new byte[1 + random.nextInt(GARBAGE_BYTES_MAX)];
    random.nextBytes(junk);
    node.network().send(to, ChannelMux.frame(ChannelMux.Channel.CONSENSUS, junk));
    byte[] unknown = junk.clone();
    unknown[0] = UNKNOWN_CHANNEL;
    node.network().send(to, unknown);
    long now = System.currentTimeMillis();
    if (now - lastOversizedMillis >= OVERSIZED_INTERVAL_MILLIS) {
      lastOversizedMillis = now;
      new GenesisDirectory(node.genesis())
          .address(to)
          .ifPresent(address -> Thread.ofVirtual().start(() -> oversized(to, address)));
    }
  }

  /**
   * Over a second connection as this member: a handshake, then a length prefix past the link's
   * frame limit. The honest side must refuse it from the prefix, before reading a body.
   */
  private void oversized(PublicKey to, PeerAddress address) {
    try (Socket socket = new Socket(address.host(), address.port())) {
      socket.setSoTimeout(5_000);
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      Handshake hs =
          Handshake.initiator(node.key(), node.genesis().hash().toBytes(), to, new SecureRandom());
      writeFrame(out, hs.message1());
      byte[] m2 = new byte[in.readInt()];
      in.readFully(m2);
      writeFrame(out, hs.onMessage2(m2).message3().toByteArray());
      out.writeInt(LinkLimits.defaults().frameBytesMax() * 2);
      out.flush();
      var unused = in.read(); // until the honest side closes
    } catch (IOException | HandshakeException e) {
      LOG.debug("oversized-frame connection to {} ended: {}", to, e.toString());
    }
  }

  private static void writeFrame(DataOutputStream out, byte[] body) throws IOException {
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  private static Signature corrupt(Signature s) {
    byte[] bytes = s.toBytes();
    bytes[7] ^= 0x40;
    return Signature.of(bytes);
  }

  private static ConsensusMessage withSignature(ConsensusMessage m, Signature s) {
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
