package org.alliancechain.p2p.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.junit.jupiter.api.Test;

// SPEC M-7 (trust-first tree), M-29 (end-to-end encryption), M-8 (f_ACM).
class TftTest {
  private final List<KeyPair> keys = new ArrayList<>();
  private final Map<PublicKey, TftNode> nodes = new HashMap<>();
  private final List<PublicKey> members = new ArrayList<>();

  TftTest() {
    for (int i = 0; i < 8; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) (i + 1);
      seed[1] = 9;
      keys.add(KeyPair.fromSeed(seed));
    }
    keys.sort((a, b) -> a.publicKey().compareTo(b.publicKey()));
    keys.forEach(k -> members.add(k.publicKey()));
  }

  private PublicKey m(int i) {
    return members.get(i);
  }

  private TreeSim alliance() {
    TreeSim sim = new TreeSim(LftSimulationTest::linkMicros);
    SecureRandom random = new SecureRandom();
    for (KeyPair k : keys) {
      PublicKey self = k.publicKey();
      TftNode node =
          new TftNode(
              self,
              new TftNode.Limits(100, 10),
              peer -> LftSimulationTest.linkMicros(self, peer),
              new SealedBoxSealer(k, random));
      nodes.put(self, node);
      sim.add(
          self,
          new TreeSim.Machine() {
            @Override
            public List<TreeAction> onMessage(PublicKey from, TreeMessage msg, long now) {
              return node.onMessage(from, msg);
            }

            @Override
            public List<TreeAction> onTick(long now) {
              return node.onTick(now);
            }

            @Override
            public long nextDeadline() {
              return Long.MAX_VALUE;
            }
          });
    }
    return sim;
  }

  private static Hash id(String s) {
    return Sha256.hash(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void planKeepsTrustedProvidersAtOrAboveThresholdHighestFirst() {
    List<TrustFirstPlan.Trust> trust =
        List.of(
            new TrustFirstPlan.Trust(m(1), 700),
            new TrustFirstPlan.Trust(m(2), 499),
            new TrustFirstPlan.Trust(m(3), 900),
            new TrustFirstPlan.Trust(m(4), 500),
            new TrustFirstPlan.Trust(m(0), 999)); // the receiver itself: never a provider
    TrustFirstPlan plan =
        TrustFirstPlan.of(
            m(0), trust, 500, TrustFirstPlan.Option.DIRECT, Optional.of(m(7)), m(6), members);
    assertThat(plan.trusted()).containsExactly(m(3), m(1), m(4));
    assertThat(plan.route()).isEqualTo(RouteKind.DIRECT);
    assertThat(plan.rest()).containsExactly(m(2), m(5), m(6), m(7));
  }

  @Test
  void aReceiverWithoutPrivateAllianceNodeCanOnlyGoThroughAnAllianceNode() {
    TrustFirstPlan plan =
        TrustFirstPlan.of(
            m(0), List.of(), 0, TrustFirstPlan.Option.DIRECT, Optional.empty(), m(6), members);
    assertThat(plan.route()).isEqualTo(RouteKind.VIA_ALLIANCE);
    assertThat(plan.via()).containsExactly(m(6));
  }

  @Test
  void throughThePrivateAllianceNodeOnlyTrustedProvidersCanReadItAndHopsAreTimed() {
    TreeSim sim = alliance();
    PublicKey receiver = m(0);
    PublicKey pan = m(7);
    PublicKey allianceNode = m(6);
    TrustFirstPlan plan =
        TrustFirstPlan.of(
            receiver,
            List.of(new TrustFirstPlan.Trust(m(2), 800), new TrustFirstPlan.Trust(m(3), 100)),
            500,
            TrustFirstPlan.Option.VIA_PRIVATE_ALLIANCE,
            Optional.of(pan),
            allianceNode,
            members);
    Bytes secret = Bytes.wrap("need 3 patents".getBytes(StandardCharsets.UTF_8));
    sim.apply(receiver, nodes.get(receiver).originate(id("q"), secret, plan, 1_000_000, false));
    sim.run();

    assertThat(sim.delivered.keySet()).containsExactly(m(2));
    TreeAction.Deliver d = sim.delivered.get(m(2)).get(0);
    assertThat(d.payload()).isEqualTo(secret);
    assertThat(d.origin()).isEqualTo(receiver);
    // paper eq. (3) terms: f_CP receiver→PAN, f_PA PAN→alliance node, f_AC alliance node→provider
    assertThat(d.route())
        .isEqualTo(
            RouteSample.viaPrivateAlliance(
                LftSimulationTest.linkMicros(receiver, pan),
                LftSimulationTest.linkMicros(pan, allianceNode),
                LftSimulationTest.linkMicros(allianceNode, m(2))));
    // the relays saw only sealed bytes: the plaintext is in no message on the wire
    for (TreeAction a : sim.all) {
      if (a instanceof TreeAction.Send s) {
        byte[] wire = TreeCodec.encode(s.message());
        assertThat(new String(wire, StandardCharsets.ISO_8859_1)).doesNotContain("patents");
      }
    }
  }

  @Test
  void aPrivateAllianceNodeThatIsAlsoTheAllianceNodeRelaysOnceAndTheRequestArrives() {
    // The demo's flake (issue 8, session 5): pulsar is quasar's private alliance node and, for one
    // key order in three, also the first alliance node; it forwarded the box to itself.
    TreeSim sim = alliance();
    PublicKey receiver = m(0);
    PublicKey pan = m(7);
    TrustFirstPlan plan =
        TrustFirstPlan.of(
            receiver,
            List.of(new TrustFirstPlan.Trust(m(2), 800), new TrustFirstPlan.Trust(m(3), 700)),
            500,
            TrustFirstPlan.Option.VIA_PRIVATE_ALLIANCE,
            Optional.of(pan),
            pan,
            members);
    assertThat(plan.via()).containsExactly(pan);
    Bytes secret = Bytes.wrap("200 housings".getBytes(StandardCharsets.UTF_8));
    sim.apply(receiver, nodes.get(receiver).originate(id("p"), secret, plan, 1_000_000, false));
    sim.run();

    assertThat(sim.delivered.keySet()).containsExactlyInAnyOrder(m(2), m(3));
    assertThat(sim.delivered.get(m(2)).get(0).payload()).isEqualTo(secret);
    assertThat(sim.selfSends).as("sends a node addressed to itself").isZero();
  }

  @Test
  void aReceiverThatIsItselfTheAllianceNodeSendsStraightToTheProvider() {
    TreeSim sim = alliance();
    PublicKey receiver = m(0);
    TrustFirstPlan plan =
        TrustFirstPlan.of(
            receiver,
            List.of(new TrustFirstPlan.Trust(m(4), 800)),
            500,
            TrustFirstPlan.Option.VIA_ALLIANCE,
            Optional.empty(),
            receiver,
            members);
    assertThat(plan.via()).isEmpty();
    sim.apply(
        receiver, nodes.get(receiver).originate(id("r"), Bytes.EMPTY, plan, 1_000_000, false));
    sim.run();
    assertThat(sim.delivered.keySet()).containsExactly(m(4));
  }

  @Test
  void aRelayNamedTwiceInARowDoesNotSendToItself() {
    PublicKey relay = m(5);
    TreeMessage.Sealed looped =
        new TreeMessage.Sealed(
            id("l"),
            m(0),
            m(1),
            RouteKind.VIA_PRIVATE_ALLIANCE,
            List.of(relay, relay),
            List.of(1L),
            Bytes.EMPTY);
    alliance();
    assertThat(nodes.get(relay).onMessage(m(0), looped)).isEmpty();
  }

  @Test
  void unansweredRequestsAreOpenedToTheRestAfterTheDeadline() {
    TreeSim sim = alliance();
    PublicKey receiver = m(0);
    TrustFirstPlan plan =
        TrustFirstPlan.of(
            receiver,
            List.of(new TrustFirstPlan.Trust(m(1), 900)),
            500,
            TrustFirstPlan.Option.VIA_ALLIANCE,
            Optional.empty(),
            m(6),
            members);
    TftNode origin = nodes.get(receiver);
    sim.apply(receiver, origin.originate(id("a"), Bytes.EMPTY, plan, 1_000, true));
    sim.apply(receiver, origin.originate(id("b"), Bytes.EMPTY, plan, 1_000, true));
    origin.onAnswered(id("b"));
    sim.run();
    assertThat(sim.delivered).hasSize(1);

    assertThat(origin.onTick(999)).isEmpty();
    List<TreeAction> opened = origin.onTick(1_000);
    assertThat(opened).contains(new TreeAction.OpenedToRest(id("a"), 6));
    assertThat(opened).doesNotContain(new TreeAction.OpenedToRest(id("b"), 6));
    sim.apply(receiver, opened);
    sim.run();
    // everyone but the receiver now has request a; the alliance node relayed and got its own copy
    assertThat(sim.delivered).hasSize(7);
    assertThat(origin.onTick(2_000)).isEmpty(); // opened once
  }

  @Test
  void aBoxForSomeoneElseIsNeitherDeliveredNorRelayedByANodeOffThePath() {
    TreeSim sim = alliance();
    PublicKey receiver = m(0);
    TrustFirstPlan plan =
        TrustFirstPlan.of(
            receiver,
            List.of(new TrustFirstPlan.Trust(m(1), 900)),
            0,
            TrustFirstPlan.Option.VIA_ALLIANCE,
            Optional.empty(),
            m(6),
            members);
    List<TreeAction> sent = nodes.get(receiver).originate(id("z"), Bytes.EMPTY, plan, 10, false);
    TreeMessage.Sealed s = (TreeMessage.Sealed) ((TreeAction.Send) sent.get(0)).message();
    assertThat(nodes.get(m(3)).onMessage(receiver, s)).isEmpty(); // m3 is not the named relay
    TreeMessage.Sealed misaddressed =
        new TreeMessage.Sealed(
            s.id(), s.origin(), m(3), s.route(), List.of(), List.of(1L, 2L), s.box());
    assertThat(nodes.get(m(3)).onMessage(m(6), misaddressed)).isEmpty(); // cannot open m1's box
    assertThat(sim.delivered).isEmpty();
  }
}
