package org.alliancechain.cli.node;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.alliancechain.config.Parameter;
import org.alliancechain.config.Role;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.alliancechain.p2p.ChannelMux;
import org.alliancechain.p2p.P2pMetrics;
import org.alliancechain.p2p.tree.CommTimes;
import org.alliancechain.p2p.tree.HopLatency;
import org.alliancechain.p2p.tree.LftNode;
import org.alliancechain.p2p.tree.SealedBoxSealer;
import org.alliancechain.p2p.tree.TftNode;
import org.alliancechain.p2p.tree.TreeAction;
import org.alliancechain.p2p.tree.TreeService;
import org.alliancechain.p2p.tree.TrustFirstPlan;

/**
 * The node's broadcast trees (SPEC M-6, M-7, M-8): announces sharing requests over the link-first
 * tree (cooperative) or the trust-first tree (competitive), keeps what it received for the member's
 * inbox, and reports the paper's communication times.
 */
public final class Trees implements AutoCloseable {
  public static final int RECEIVED_KEPT_MAX = 1_000;
  public static final int PAYLOAD_BYTES_MAX = 64 * 1024;

  /**
   * An announcement this node received, with how it travelled: the total and each timed hop
   * (corporation to alliance node, alliance node to corporation, corporation to private alliance
   * node, private alliance node to alliance node; SPEC M-8), 0 where the route has no such hop.
   */
  public record Received(
      String id,
      String origin,
      String text,
      int hops,
      String route,
      long totalMicros,
      long caMicros,
      long acMicros,
      long cpMicros,
      long paMicros) {}

  /** A tree frame refused because its link is down is tried again this often... */
  static final long SEND_RETRY_MILLIS = 250;

  /** ...at most this many times in all (10 s). */
  static final int SEND_ATTEMPTS_MAX = 40;

  private final Node node;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "trees"));
  private final TreeService service;
  private final Deque<Received> received = new ArrayDeque<>();
  private final TftAnswers answers = new TftAnswers();
  // the ledger's member set the trees are laid over; replaced whole after a block changes it
  private volatile List<LedgerMembers.Entry> members;

  Trees(Node node) {
    this.node = node;
    this.members = LedgerMembers.of(new org.alliancechain.token.TokenQueries(node.state()));
    HopLatency latency = peer -> node.network().roundTripMicros(peer).orElse(0) / 2;
    long ackMicros = node.genesis().parameters().get(Parameter.LFT_ACK_TIMEOUT_MS) * 1_000;
    this.service =
        new TreeService(
            new LftNode(
                node.key().publicKey(),
                LedgerMembers.nodeKeys(members),
                new LftNode.Limits(ackMicros, 10_000, 1_000),
                latency),
            new TftNode(
                node.key().publicKey(),
                new TftNode.Limits(10_000, 1_000),
                latency,
                new SealedBoxSealer(node.key(), new SecureRandom())),
            (peer, bytes) -> send(peer, ChannelMux.frame(ChannelMux.Channel.TREE, bytes), 0),
            this::onDelivered,
            executor,
            () -> System.nanoTime() / 1_000,
            PAYLOAD_BYTES_MAX,
            10_000);
    node.mux().register(ChannelMux.Channel.TREE, service);
    P2pMetrics.register(node.metrics(), service);
  }

  /**
   * Sends a tree frame; if the link to that peer is not up (or its queue is full), tries again on
   * the trees' thread every {@link #SEND_RETRY_MILLIS}, at most {@link #SEND_ATTEMPTS_MAX} times. A
   * trust-first request is sent once and has no acknowledgement, so a link that was reconnecting at
   * that moment lost it for good. Receivers drop repeats by id, so a retry never delivers twice.
   */
  private void send(PublicKey peer, byte[] frame, int attempt) {
    org.alliancechain.p2p.SendResult result = node.network().send(peer, frame);
    boolean retry =
        result == org.alliancechain.p2p.SendResult.NOT_CONNECTED
            || result == org.alliancechain.p2p.SendResult.QUEUE_FULL;
    if (retry && attempt + 1 < SEND_ATTEMPTS_MAX && !executor.isShutdown()) {
      try {
        var unused =
            executor.schedule(
                () -> send(peer, frame, attempt + 1),
                SEND_RETRY_MILLIS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        // the node is stopping
      }
    }
  }

  private void onDelivered(TreeAction.Deliver delivery) {
    var r = delivery.route();
    Received item =
        new Received(
            delivery.id().toHex(),
            node.memberName(delivery.origin()),
            new String(delivery.payload().unsafeArray(), StandardCharsets.UTF_8),
            delivery.hops(),
            r.kind().name().toLowerCase(java.util.Locale.ROOT),
            r.caMicros() + r.acMicros() + r.cpMicros() + r.paMicros(),
            r.caMicros(),
            r.acMicros(),
            r.cpMicros(),
            r.paMicros());
    synchronized (received) {
      received.addFirst(item);
      while (received.size() > RECEIVED_KEPT_MAX) {
        received.removeLast();
      }
    }
    node.blockEvents().publish("announcement", item);
  }

  public List<Received> received() {
    synchronized (received) {
      return new ArrayList<>(received);
    }
  }

  /**
   * SPEC M-6: the trees are laid over the ledger's members (genesis members and those the DAO
   * admitted since), in ledger key order, so every node lays the same tree at the same height.
   * Called after every committed block; changes nothing when the set did not change.
   */
  void refreshMembers(org.alliancechain.token.TokenQueries ledger) {
    List<LedgerMembers.Entry> next = LedgerMembers.of(ledger);
    if (!next.equals(members)) {
      members = next;
      service.setMembers(LedgerMembers.nodeKeys(next));
    }
  }

  // the key a genesis member's node uses now (issue #4: the DAO may have rotated it)
  private PublicKey nodeKey(PublicKey ledgerKey) {
    return members.stream()
        .filter(m -> m.ledgerKey().equals(ledgerKey))
        .map(LedgerMembers.Entry::nodeKey)
        .findFirst()
        .orElse(ledgerKey);
  }

  /** The ledger's active members as the trees see them (for /status). */
  List<LedgerMembers.Entry> members() {
    return members;
  }

  private List<PublicKey> allianceNodes() {
    return members.stream()
        .filter(m -> m.has(org.alliancechain.token.state.Role.ALLIANCE))
        .map(LedgerMembers.Entry::nodeKey)
        .filter(k -> !k.equals(node.key().publicKey()))
        .toList();
  }

  /** SPEC M-6: to every member over the LFT, through the first alliance node that answers. */
  public Hash announceToAll(String text) {
    Bytes payload = Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    Hash id = Sha256.hash(payload.unsafeArray());
    service.broadcast(id, payload, allianceNodes());
    return id;
  }

  /**
   * SPEC M-7: to the trusted providers only (trust in micros, compared with the threshold), through
   * this member's private alliance node if it has one and asks for it, else through an alliance
   * node, or point to point.
   */
  public Hash announceToTrusted(
      String text,
      List<TrustFirstPlan.Trust> trust,
      long thresholdMicros,
      TrustFirstPlan.Option option,
      long deadlineMillis,
      boolean openToRest) {
    Bytes payload = Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    Hash id = Sha256.hash(payload.unsafeArray());
    PublicKey self = node.key().publicKey();
    Optional<PublicKey> privateNode =
        node.members().stream()
            .filter(m -> m.roles().contains(Role.PRIVATE_ALLIANCE))
            .filter(
                m ->
                    m.smallAlliance().contains(node.self().name())
                        || m.name().equals(node.self().name()))
            .map(m -> nodeKey(m.publicKey()))
            .findFirst();
    // The alliance node the request crosses after the private one: another node where there is
    // one (a private alliance node is usually an alliance node too; the plan relays it once).
    List<PublicKey> allianceNodes = allianceNodes();
    PublicKey allianceNode =
        allianceNodes.stream()
            .filter(k -> !privateNode.equals(Optional.of(k)))
            .findFirst()
            .orElse(allianceNodes.isEmpty() ? self : allianceNodes.get(0));
    TrustFirstPlan plan =
        TrustFirstPlan.of(
            self,
            trust,
            thresholdMicros,
            option,
            privateNode,
            allianceNode,
            LedgerMembers.nodeKeys(members));
    service.request(id, payload, plan, service.nowMicros() + deadlineMillis * 1_000, openToRest);
    return id;
  }

  /**
   * SPEC M-7: the announcement {@code id} carries sharing request {@code requestId}; an offer for
   * it from one of {@code providers} committed on the ledger answers it (see {@link #onCommitted}).
   */
  public void expectOffer(String requestId, Hash id, List<PublicKey> providers) {
    answers.expect(requestId, id, providers);
  }

  /** After every committed block: the TFT requests its offers answered. */
  void onCommitted(
      List<org.alliancechain.core.tx.Transaction> txs,
      List<org.alliancechain.core.app.TxOutcome> outcomes) {
    for (Hash id : answers.onCommitted(txs, outcomes)) {
      service.answered(id);
    }
  }

  /**
   * SPEC M-7: a trusted provider answered this member's TFT request (its offer reached the
   * receiver), so the request is not opened to the rest of the alliance at its deadline.
   */
  public void answered(Hash id) {
    service.answered(id);
  }

  public CommTimes commTimes() {
    return service.commTimes();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
