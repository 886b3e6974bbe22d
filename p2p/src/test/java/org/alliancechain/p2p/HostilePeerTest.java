package org.alliancechain.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.p2p.netty.NettyPeerNetwork;
import org.alliancechain.p2p.secure.Handshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input on the peer port (SPEC M-2, M-29; docs/security.md): penalties and bans, the
 * per-address handshake limit, the total handshake deadline against trickling clients, and a seeded
 * fuzz of the handshake and framing over real sockets. Plain garbage, oversized prefixes, unknown
 * frame kinds and non-member keys one at a time are in {@link PeerNetworkTest}.
 */
class HostilePeerTest {
  private final List<PeerNetworkTest.Node> nodes = new ArrayList<>();
  private final MutableDirectory directory = new MutableDirectory();

  private List<PeerNetworkTest.Node> startMembers(int n) throws Exception {
    List<PeerNetworkTest.Node> started = new ArrayList<>();
    for (KeyPair key : PeerNetworkTest.sortedKeys(n, 1)) {
      PeerNetworkTest.Node node = new PeerNetworkTest.Node(key);
      node.start(directory);
      nodes.add(node);
      started.add(node);
    }
    for (PeerNetworkTest.Node node : started) {
      node.net.membershipChanged();
    }
    for (PeerNetworkTest.Node node : started) {
      Await.until(
          "full mesh", PeerNetworkTest.WAIT, () -> node.net.connectedPeers().size() == n - 1);
    }
    return started;
  }

  @AfterEach
  void stopAll() {
    for (PeerNetworkTest.Node node : nodes) {
      if (node.net != null) {
        node.net.close();
      }
    }
  }

  @Test
  void aMemberThatKeepsBreakingTheLinkProtocolIsBannedAndRefusedOnItsNextHandshake()
      throws Exception {
    List<PeerNetworkTest.Node> m = startMembers(2);
    PeerNetworkTest.Node a = m.get(0);
    PeerNetworkTest.Node b = m.get(1); // the larger key: a dials it, b never redials a
    // b stays a member but with no address, so a does not redial it between the raw sessions
    // below (a redialed link would replace a raw one before its bad frame is read).
    directory.put(b.key.publicKey(), java.util.Optional.empty());
    int violations = PeerScoresScale.violationsToBan(Penalty.PROTOCOL_VIOLATION);
    for (int i = 0; i < violations; i++) {
      try (RawPeer raw = new RawPeer(a.net.port())) {
        raw.handshake(b.key, PeerNetworkTest.NET, a.key.publicKey());
        raw.writeFrame(new byte[40]); // authenticated link, frame that fails its tag
        assertThat(raw.closedByPeer()).isTrue();
      }
    }
    Await.until("banned", PeerNetworkTest.WAIT, () -> a.net.banCount() == 1);
    assertThat(a.net.bannedCount()).isEqualTo(1);
    assertThat(a.net.penaltyCount(Penalty.PROTOCOL_VIOLATION)).isEqualTo(violations);
    try (RawPeer raw = new RawPeer(a.net.port())) {
      raw.handshake(b.key, PeerNetworkTest.NET, a.key.publicKey());
      assertThat(raw.closedByPeer()).isTrue();
    }
    Await.until("refused", PeerNetworkTest.WAIT, () -> a.net.rejectCount(RejectReason.BANNED) == 1);
    assertThat(a.net.connectedPeers()).isEmpty();
    // Issue 9: the banned member's redials from that address cost no more handshakes within
    // bannedAddressHandshakeIntervalMillis (a minute in the test limits): closed at accept.
    long handshakes = ((NettyPeerNetwork) a.net).responderHandshakeCount();
    int redials = 20;
    for (int i = 0; i < redials; i++) {
      try (RawPeer raw = new RawPeer(a.net.port())) {
        assertThat(raw.closedByPeer()).isTrue();
      }
    }
    Await.until(
        "redials refused",
        PeerNetworkTest.WAIT,
        () -> a.net.rejectCount(RejectReason.BANNED_ADDRESS) == redials);
    assertThat(((NettyPeerNetwork) a.net).responderHandshakeCount()).isEqualTo(handshakes);
    assertThat(a.net.rejectCount(RejectReason.BANNED)).isEqualTo(1);
  }

  @Test
  void penaltiesFromAboveTheLinkLowerTheScoreAndAtZeroCloseTheLink() throws Exception {
    List<PeerNetworkTest.Node> m = startMembers(3);
    PeerNetworkTest.Node a = m.get(0);
    PeerNetworkTest.Node liar = m.get(1);
    a.net.penalize(liar.key.publicKey(), Penalty.INVALID_MESSAGE);
    assertThat(a.net.score(liar.key.publicKey())).isEqualTo(90);
    int more = PeerScoresScale.violationsToBan(Penalty.INVALID_MESSAGE) - 1;
    for (int i = 0; i < more; i++) {
      a.net.penalize(liar.key.publicKey(), Penalty.INVALID_MESSAGE);
    }
    Await.until(
        "liar disconnected",
        PeerNetworkTest.WAIT,
        () -> !a.net.connectedPeers().contains(liar.key.publicKey()));
    assertThat(a.net.banCount()).isEqualTo(1);
    // The honest third member is untouched and still heard.
    assertThat(a.net.connectedPeers()).containsExactly(m.get(2).key.publicKey());
    a.net.send(m.get(2).key.publicKey(), "still here".getBytes(StandardCharsets.UTF_8));
    Await.until(
        "delivered", PeerNetworkTest.WAIT, () -> m.get(2).got(a.key.publicKey(), "still here"));
  }

  @Test
  void oneAddressCannotHoldEveryHandshakeSlot() throws Exception {
    PeerNetworkTest.Node a = startMembers(1).get(0);
    int perAddress = PeerNetworkTest.testLimits().handshakesPerAddressMax();
    List<RawPeer> silent = new ArrayList<>();
    try {
      for (int i = 0; i < perAddress; i++) {
        silent.add(new RawPeer(a.net.port()));
      }
      try (RawPeer excess = new RawPeer(a.net.port())) {
        assertThat(excess.closedByPeer()).isTrue();
      }
      Await.until(
          "counted",
          PeerNetworkTest.WAIT,
          () -> a.net.rejectCount(RejectReason.TOO_MANY_HANDSHAKES_FROM_ADDRESS) >= 1);
    } finally {
      for (RawPeer raw : silent) {
        raw.close();
      }
    }
  }

  @Test
  void aHandshakeTrickledAByteAtATimeIsCutAtTheTotalDeadline() throws Exception {
    PeerNetworkTest.Node a = startMembers(1).get(0);
    LinkLimits limits = PeerNetworkTest.testLimits();
    // A byte every 50 ms keeps resetting the idle timer (3 s), so only the handshake deadline
    // (1 s from accept, not reset by traffic) can cut it.
    assertThat(50).isLessThan(limits.idleTimeoutMillis());
    KeyPair someone = PeerNetworkTest.sortedKeys(1, 50).get(0);
    byte[] m1 =
        Handshake.initiator(
                someone, PeerNetworkTest.NET.unsafeArray(), a.key.publicKey(), new SecureRandom())
            .message1();
    long giveUp = System.nanoTime() + 2_000_000L * limits.idleTimeoutMillis();
    try (RawPeer raw = new RawPeer(a.net.port())) {
      // The longest handshake frame allowed: at this rate it would take seconds to arrive.
      raw.out.writeInt(Handshake.MESSAGE_BYTES_MAX);
      for (int i = 0;
          a.net.rejectCount(RejectReason.HANDSHAKE_TIMEOUT) == 0 && System.nanoTime() < giveUp;
          i++) {
        try {
          raw.out.write(m1[i % m1.length]);
          raw.out.flush();
        } catch (IOException closedByServer) {
          break;
        }
        Thread.sleep(50); // the client's trickle rate, not a wait for the server
      }
    }
    Await.until(
        "handshake deadline",
        PeerNetworkTest.WAIT,
        () -> a.net.rejectCount(RejectReason.HANDSHAKE_TIMEOUT) == 1);
    assertThat(a.net.rejectCount(RejectReason.IDLE_TIMEOUT)).isZero();
  }

  @Test
  void seededFuzzOfHandshakesAndFramesNeverLinksAStrangerNorDisturbsTheMembers() throws Exception {
    long seed = Long.getLong("peerFuzz.seed", new SecureRandom().nextLong());
    System.out.println("peerFuzz seed " + seed + " (replay with -DpeerFuzz.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    List<PeerNetworkTest.Node> m = startMembers(2);
    PeerNetworkTest.Node a = m.get(0);
    KeyPair stranger = PeerNetworkTest.sortedKeys(1, 77).get(0);
    int connections = 24;
    for (int i = 0; i < connections; i++) {
      try (RawPeer raw = new RawPeer(a.net.port())) {
        byte[] m1 =
            Handshake.initiator(
                    random.nextBoolean() ? stranger : m.get(1).key,
                    PeerNetworkTest.NET.unsafeArray(),
                    a.key.publicKey(),
                    new SecureRandom())
                .message1();
        try {
          switch (random.nextInt(5)) {
            case 0 -> raw.writeFrame(randomBytes(random, random.nextInt(200)));
            case 1 -> raw.writeFrame(flipOneBit(random, m1));
            case 2 -> { // truncated: a prefix that promises more than follows, then close
              raw.out.writeInt(m1.length);
              raw.out.write(m1, 0, random.nextInt(m1.length));
              raw.out.flush();
            }
            case 3 -> { // a valid message 1, then garbage as message 3
              raw.writeFrame(m1);
              raw.readFrame();
              raw.writeFrame(randomBytes(random, 1 + random.nextInt(300)));
            }
            default -> raw.out.write(randomBytes(random, 1 + random.nextInt(64)));
          }
          raw.out.flush();
        } catch (IOException closedByTheNode) {
          // the node hung up mid-way (a refused handshake): the expected outcome, not a failure
        }
      }
    }
    assertThat(a.net.connectedPeers()).containsExactly(m.get(1).key.publicKey());
    a.net.send(m.get(1).key.publicKey(), "after the fuzz".getBytes(StandardCharsets.UTF_8));
    Await.until(
        "members still talk",
        PeerNetworkTest.WAIT,
        () -> m.get(1).got(a.key.publicKey(), "after the fuzz"));
    assertThat(a.received).isEmpty(); // nothing from a fuzzed connection reached the handler
    assertThat(a.net.rejectCount(RejectReason.NOT_MEMBER)).isZero();
  }

  private static byte[] randomBytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static byte[] flipOneBit(SplittableRandom random, byte[] message) {
    byte[] copy = message.clone();
    int bit = random.nextInt(copy.length * 8);
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }

  /** How many penalties of one kind take a fresh score to zero. */
  static final class PeerScoresScale {
    private PeerScoresScale() {}

    static int violationsToBan(Penalty penalty) {
      int max = org.alliancechain.p2p.flow.PeerScores.SCORE_MAX;
      return (max + penalty.points() - 1) / penalty.points();
    }
  }
}
