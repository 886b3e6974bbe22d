package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

// SPEC M-2, M-29: only members connect, links are authenticated and encrypted.
class PeerNetworkTest {
  static final Bytes NET = Bytes.wrap("test-alliance".getBytes(StandardCharsets.US_ASCII));
  static final Duration WAIT = Duration.ofSeconds(10);
  static final int FRAME_BYTES_MAX = 64 * 1024;

  static LinkLimits testLimits() {
    return new LinkLimits(
        FRAME_BYTES_MAX,
        4 * FRAME_BYTES_MAX,
        4 * FRAME_BYTES_MAX,
        1_000,
        50,
        8,
        1_000,
        3_000,
        200,
        1_000,
        20,
        200,
        4,
        1_000,
        60_000,
        60_000,
        // Longer than any test: a second handshake from a banned member's address is refused.
        60_000);
  }

  record Received(PublicKey sender, String text) {}

  static final class Node {
    final KeyPair key;
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    PeerNetwork net;

    Node(KeyPair key) {
      this.key = key;
    }

    void start(MutableDirectory directory) throws Exception {
      PeerNetworkConfig config = new PeerNetworkConfig(key, NET, "127.0.0.1", 0, testLimits(), 7);
      net =
          PeerNetworks.start(
              config,
              directory,
              (sender, message) ->
                  received.add(new Received(sender, new String(message, StandardCharsets.UTF_8))),
              new PeerListener() {
                @Override
                public void onConnected(PublicKey peer) {
                  events.add("up " + peer.toHex().substring(0, 6));
                }

                @Override
                public void onDisconnected(PublicKey peer, String reason) {
                  events.add("down " + peer.toHex().substring(0, 6));
                }
              });
      directory.put(key.publicKey(), Optional.of(new PeerAddress("127.0.0.1", net.port())));
    }

    boolean got(PublicKey sender, String text) {
      return received.contains(new Received(sender, text));
    }
  }

  private final List<Node> nodes = new ArrayList<>();
  private final MutableDirectory directory = new MutableDirectory();

  /** Keys in ascending order, so tests know who dials whom (the smaller key dials). */
  static List<KeyPair> sortedKeys(int n, int firstSeed) {
    List<KeyPair> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) (firstSeed + i);
      keys.add(KeyPair.fromSeed(seed));
    }
    keys.sort((a, b) -> a.publicKey().compareTo(b.publicKey()));
    return keys;
  }

  private List<Node> startMembers(int n) throws Exception {
    List<Node> started = new ArrayList<>();
    for (KeyPair key : sortedKeys(n, 1)) {
      Node node = new Node(key);
      node.start(directory);
      nodes.add(node);
      started.add(node);
    }
    for (Node node : started) {
      node.net.membershipChanged();
    }
    for (Node node : started) {
      Await.until("full mesh", WAIT, () -> node.net.connectedPeers().size() == n - 1);
    }
    return started;
  }

  @AfterEach
  void stopAll() {
    for (Node node : nodes) {
      if (node.net != null) {
        node.net.close();
      }
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void threeMembersExchangeMessagesAndBroadcasts() throws Exception {
    List<Node> m = startMembers(3);
    Node a = m.get(0);
    Node b = m.get(1);
    Node c = m.get(2);
    assertThat(a.net.send(b.key.publicKey(), utf8("a->b"))).isEqualTo(SendResult.QUEUED);
    assertThat(c.net.send(a.key.publicKey(), utf8("c->a"))).isEqualTo(SendResult.QUEUED);
    assertThat(b.net.broadcast(utf8("b->all")).values()).containsOnly(SendResult.QUEUED);

    Await.until("a->b", WAIT, () -> b.got(a.key.publicKey(), "a->b"));
    Await.until("c->a", WAIT, () -> a.got(c.key.publicKey(), "c->a"));
    Await.until("broadcast", WAIT, () -> a.got(b.key.publicKey(), "b->all"));
    Await.until("broadcast", WAIT, () -> c.got(b.key.publicKey(), "b->all"));
    assertThat(a.net.send(a.key.publicKey(), utf8("x"))).isEqualTo(SendResult.SELF);
    assertThat(a.net.send(b.key.publicKey(), new byte[FRAME_BYTES_MAX + 1]))
        .isEqualTo(SendResult.TOO_LARGE);
    assertThat(a.net.rejectCounts().values()).containsOnly(0L);
  }

  @Test
  void messagesFromOnePeerArriveInOrder() throws Exception {
    List<Node> m = startMembers(2);
    for (int i = 0; i < 200; i++) {
      assertThat(m.get(0).net.send(m.get(1).key.publicKey(), utf8("n" + i)))
          .isEqualTo(SendResult.QUEUED);
    }
    Await.until("200 messages", WAIT, () -> m.get(1).received.size() == 200);
    for (int i = 0; i < 200; i++) {
      assertThat(m.get(1).received.get(i).text()).isEqualTo("n" + i);
    }
  }

  @Test
  void aNonMemberIsRefusedAfterProvingItsKey() throws Exception {
    Node a = startMembers(2).get(0);
    KeyPair outsider = sortedKeys(1, 99).get(0);
    try (RawPeer raw = new RawPeer(a.net.port())) {
      raw.handshake(outsider, NET, a.key.publicKey());
      assertThat(raw.closedByPeer()).isTrue();
    }
    Await.until("counted", WAIT, () -> a.net.rejectCount(RejectReason.NOT_MEMBER) == 1);
    assertThat(a.received).isEmpty();
    assertThat(a.net.connectedPeers()).hasSize(1);
  }

  @Test
  void aMemberOnARawSocketIsHeardAndItsGarbageFrameClosesTheLink() throws Exception {
    List<Node> m = startMembers(2);
    Node a = m.get(0);
    Node b = m.get(1);
    try (RawPeer raw = new RawPeer(a.net.port())) {
      // b's key on a second connection: it replaces b's link, as a restarted b would
      raw.handshake(b.key, NET, a.key.publicKey());
      raw.sendMessage(utf8("framed by hand"));
      Await.until("delivered", WAIT, () -> a.got(b.key.publicKey(), "framed by hand"));
      raw.writeFrame(new byte[40]); // right length, wrong tag
      assertThat(raw.closedByPeer()).isTrue();
    }
    Await.until("counted", WAIT, () -> a.net.rejectCount(RejectReason.BAD_FRAME) == 1);
    assertThat(a.received).hasSize(1);
  }

  @Test
  void oversizedFramesAreRefusedBeforeTheirBodyIsRead() throws Exception {
    List<Node> m = startMembers(2);
    Node a = m.get(0);
    try (RawPeer raw = new RawPeer(a.net.port())) {
      raw.out.writeInt(Integer.MAX_VALUE); // no body follows: the prefix alone is refused
      raw.out.flush();
      assertThat(raw.closedByPeer()).isTrue();
    }
    try (RawPeer raw = new RawPeer(a.net.port())) {
      raw.handshake(m.get(1).key, NET, a.key.publicKey());
      raw.out.writeInt(FRAME_BYTES_MAX + 1 + 16 + 1);
      raw.out.flush();
      assertThat(raw.closedByPeer()).isTrue();
    }
    Await.until("counted", WAIT, () -> a.net.rejectCount(RejectReason.FRAME_TOO_LARGE) == 2);
  }

  @Test
  void garbageHandshakesAndSilentConnectionsAreRefused() throws Exception {
    Node a = startMembers(1).get(0);
    try (RawPeer raw = new RawPeer(a.net.port())) {
      byte[] m1 = new byte[33];
      m1[0] = 9; // unknown version
      raw.writeFrame(m1);
      assertThat(raw.closedByPeer()).isTrue();
    }
    try (RawPeer raw = new RawPeer(a.net.port())) {
      assertThat(raw.closedByPeer()).isTrue(); // says nothing: cut at the handshake deadline
    }
    Await.until("counted", WAIT, () -> a.net.rejectCount(RejectReason.BAD_HANDSHAKE) == 1);
    Await.until("counted", WAIT, () -> a.net.rejectCount(RejectReason.HANDSHAKE_TIMEOUT) == 1);
  }

  @Test
  void aPeerThatRestartsIsRedialedByTheSmallerKey() throws Exception {
    List<Node> m = startMembers(2);
    Node dialer = m.get(0);
    Node restarted = m.get(1);
    restarted.net.close();
    Await.until("down", WAIT, () -> dialer.net.connectedPeers().isEmpty());
    // Same key, new port: the dialer's backoff loop reads the directory on each attempt.
    restarted.start(directory);
    Await.until("redialed", WAIT, () -> dialer.net.connectedPeers().size() == 1);
    Await.until(
        "message over the new link",
        WAIT,
        () -> {
          dialer.net.send(restarted.key.publicKey(), utf8("welcome back"));
          return restarted.got(dialer.key.publicKey(), "welcome back");
        });
    assertThat(dialer.events.stream().map(e -> e.substring(0, e.indexOf(" "))).toList())
        .startsWith("up", "down", "up");
  }

  @Test
  void aMemberAdmittedAtRuntimeIsRefusedBeforeAndLinkedAfter() throws Exception {
    List<Node> m = startMembers(2);
    // A key smaller than a member's, so that it dials that member and gets refused.
    KeyPair newcomerKey = sortedKeys(1, 100).get(0);
    for (int seed = 101; newcomerKey.publicKey().compareTo(m.get(1).key.publicKey()) > 0; seed++) {
      newcomerKey = sortedKeys(1, seed).get(0);
    }
    MutableDirectory newcomersView = new MutableDirectory();
    for (Node node : m) {
      newcomersView.put(node.key.publicKey(), directory.address(node.key.publicKey()));
    }
    KeyPair admitted = newcomerKey;
    Node newcomer = new Node(admitted);
    newcomer.start(newcomersView); // it believes it is a member; the alliance does not yet
    nodes.add(newcomer);
    newcomer.net.membershipChanged();
    for (Node node : m) {
      node.net.membershipChanged(); // whoever has the smaller key dials; either side refuses
    }
    Await.until(
        "refused",
        WAIT,
        () ->
            m.get(0).net.rejectCount(RejectReason.NOT_MEMBER)
                    + m.get(1).net.rejectCount(RejectReason.NOT_MEMBER)
                    + newcomer.net.rejectCount(RejectReason.NOT_MEMBER)
                > 0);
    // The members never link it. (The newcomer, as initiator, counts a link as established one
    // message before the responder refuses it, so its own view may flicker while it redials.)
    for (Node node : m) {
      assertThat(node.net.connectedPeers()).doesNotContain(admitted.publicKey());
    }

    // the DAO admits it: every node's directory now lists it
    directory.put(admitted.publicKey(), newcomersView.address(admitted.publicKey()));
    for (Node node : m) {
      newcomersView.put(node.key.publicKey(), directory.address(node.key.publicKey()));
      node.net.membershipChanged();
    }
    newcomer.net.membershipChanged();
    Await.until("linked", WAIT, () -> newcomer.net.connectedPeers().size() == 2);
  }

  @Test
  void aRemovedMemberIsDisconnected() throws Exception {
    List<Node> m = startMembers(2);
    directory.remove(m.get(1).key.publicKey());
    m.get(0).net.membershipChanged();
    Await.until("dropped", WAIT, () -> m.get(0).net.connectedPeers().isEmpty());
    // it redials as the smaller key, but is now refused by the other side's directory too
    Await.until("refused", WAIT, () -> m.get(1).net.connectedPeers().isEmpty());
  }

  @Test
  void aPeerThatDoesNotReadFillsOnlyItsOwnBoundedQueue() throws Exception {
    List<Node> m = startMembers(2);
    Node a = m.get(0);
    try (RawPeer silent = new RawPeer(a.net.port())) {
      silent.handshake(m.get(1).key, NET, a.key.publicKey()); // then never reads
      Await.until("link", WAIT, () -> a.net.connectedPeers().size() == 1);
      byte[] chunk = new byte[FRAME_BYTES_MAX];
      Await.until(
          "queue full",
          WAIT,
          () -> a.net.send(m.get(1).key.publicKey(), chunk) == SendResult.QUEUE_FULL);
    }
  }

  @Test
  void aFloodingPeerIsThrottledButLosesNothing() throws Exception {
    List<Node> m = startMembers(2);
    Node a = m.get(0);
    try (RawPeer flood = new RawPeer(a.net.port())) {
      flood.handshake(m.get(1).key, NET, a.key.publicKey());
      for (int i = 0; i < 300; i++) {
        flood.sendMessage(utf8("f" + i)); // burst 50, rate 1000/s
      }
      Await.until("all delivered", WAIT, () -> a.received.size() == 300);
    }
    assertThat(a.net.throttleCount()).isPositive();
    assertThat(a.received.get(299).text()).isEqualTo("f299");
  }

  @Test
  void aSlowHandlerPausesReadingFromTheSenderInsteadOfBufferingWithoutBound() throws Exception {
    List<KeyPair> keys = sortedKeys(2, 60);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger handled =
        new java.util.concurrent.atomic.AtomicInteger();
    PeerNetwork slow =
        PeerNetworks.start(
            new PeerNetworkConfig(keys.get(0), NET, "127.0.0.1", 0, testLimits(), 1),
            directory,
            (sender, message) -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              handled.incrementAndGet();
            },
            PeerListener.NONE);
    Node holder = new Node(keys.get(0));
    holder.net = slow;
    nodes.add(holder);
    directory.put(keys.get(1).publicKey(), Optional.empty());
    int count = 600; // 600 KiB, over twice the 256 KiB inbound queue of the test limits
    try (RawPeer flood = new RawPeer(slow.port())) {
      flood.handshake(keys.get(1), NET, keys.get(0).publicKey());
      Thread writer =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < count; i++) {
                    flood.sendMessage(new byte[1024]); // blocks once the node stops reading
                  }
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      writer.start();
      Await.until("reading paused", WAIT, () -> slow.throttleCount() > 0);
      release.countDown();
      Await.until("all handled", WAIT, () -> handled.get() == count);
      writer.join(WAIT.toMillis());
    }
    assertThat(slow.rejectCount(RejectReason.INBOUND_OVERFLOW)).isZero();
  }
}
