package org.alliancechain.p2p.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.hash.Sha256;
import org.junit.jupiter.api.Test;

// SPEC M-6, paper §IV: link-first tree over 31 members.
class LftSimulationTest {
  static final int N = 31;
  static final long ACK_TIMEOUT_MICROS = 50_000;
  static final LftNode.Limits LIMITS = new LftNode.Limits(ACK_TIMEOUT_MICROS, 1_000, 1_000);

  static List<PublicKey> keys(int n) {
    List<PublicKey> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) (i + 1);
      seed[1] = 7;
      keys.add(KeyPair.fromSeed(seed).publicKey());
    }
    keys.sort(null);
    return keys;
  }

  /** 1 ms plus a spread that depends on the link, so routes differ. */
  static long linkMicros(PublicKey from, PublicKey to) {
    return 1_000L + Math.floorMod(from.hashCode() * 31 + to.hashCode(), 500);
  }

  private TreeSim alliance(List<PublicKey> members) {
    nodes.clear();
    TreeSim sim = new TreeSim(LftSimulationTest::linkMicros);
    for (PublicKey k : members) {
      LftNode node = new LftNode(k, members, LIMITS, peer -> linkMicros(k, peer));
      sim.add(
          k,
          new TreeSim.Machine() {
            @Override
            public List<TreeAction> onMessage(PublicKey from, TreeMessage m, long now) {
              return node.onMessage(from, m, now);
            }

            @Override
            public List<TreeAction> onTick(long now) {
              return node.onTick(now);
            }

            @Override
            public long nextDeadline() {
              return node.nextDeadlineMicros().orElse(Long.MAX_VALUE);
            }
          });
      nodes.put(k, node);
    }
    return sim;
  }

  private final java.util.Map<PublicKey, LftNode> nodes = new java.util.HashMap<>();

  private static Hash id(String s) {
    return Sha256.hash(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void reachesAllThirtyOneMembersInFourTreeHopsWithoutDuplicates() {
    List<PublicKey> members = keys(N);
    TreeSim sim = alliance(members);
    PublicKey origin = members.get(10);
    PublicKey root = members.get(3);
    Bytes payload = Bytes.wrap(new byte[] {1, 2, 3});
    sim.apply(origin, nodes.get(origin).originate(id("r1"), payload, List.of(root), 0));
    sim.run();

    for (PublicKey k : members) {
      if (!k.equals(origin)) {
        assertThat(sim.delivered.get(k)).as("delivered once to %s", k).hasSize(1);
        assertThat(sim.delivered.get(k).get(0).payload()).isEqualTo(payload);
      }
    }
    // A complete binary tree of 31 nodes has depth floor(log2 31) = 4 (SPEC M-6).
    int maxHops =
        sim.delivered.values().stream().mapToInt(d -> d.get(0).hops()).max().orElseThrow();
    assertThat(maxHops).isEqualTo(4);
    // Each member forwards to at most two children, so 30 announces plus one to the root.
    long announces =
        sim.all.stream()
            .filter(
                a -> a instanceof TreeAction.Send s && s.message() instanceof TreeMessage.Announce)
            .count();
    assertThat(announces).isEqualTo(31);
    assertThat(sim.all).noneMatch(a -> a instanceof TreeAction.Skipped);
  }

  @Test
  void theRouteTimeOfADeliveryIsTheSumOfItsLinksTimes() {
    List<PublicKey> members = keys(7);
    TreeSim sim = alliance(members);
    PublicKey origin = members.get(6);
    PublicKey root = members.get(0);
    sim.apply(origin, nodes.get(origin).originate(id("t"), Bytes.EMPTY, List.of(root), 0));
    sim.run();
    // tree order: root, then members 1..6; member 5 sits at index 5, child of index 2 (member 2)
    PublicKey leaf = members.get(5);
    RouteSample r = sim.delivered.get(leaf).get(0).route();
    assertThat(r.caMicros()).isEqualTo(linkMicros(origin, root));
    assertThat(r.acMicros())
        .isEqualTo(linkMicros(root, members.get(2)) + linkMicros(members.get(2), leaf));
  }

  @Test
  void withAnyThreeMembersDownEveryLiveMemberStillGetsItOnce() {
    long seed = Long.getLong("lft.seed", System.nanoTime());
    System.out.println("LftSimulationTest seed " + seed + " (replay with -Dlft.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    List<PublicKey> members = keys(N);
    List<PublicKey> allianceNodes =
        List.of(members.get(0), members.get(1), members.get(2), members.get(3));
    int roundsWithSkips = 0;
    for (int round = 0; round < 200; round++) {
      TreeSim sim = alliance(members);
      PublicKey origin = members.get(random.nextInt(N));
      while (sim.down.size() < 3) {
        PublicKey k = members.get(random.nextInt(N));
        if (!k.equals(origin)) {
          sim.down.add(k);
        }
      }
      Hash id = id("round " + round);
      sim.apply(origin, nodes.get(origin).originate(id, Bytes.EMPTY, allianceNodes, 0));
      sim.run();
      for (PublicKey k : members) {
        if (!k.equals(origin) && !sim.down.contains(k)) {
          assertThat(sim.delivered.get(k))
              .as("round %d, down %s, member %s", round, sim.down, k)
              .hasSize(1);
          // skipping a child moves its subtree up, never down
          assertThat(sim.delivered.get(k).get(0).hops()).isLessThanOrEqualTo(4);
        }
      }
      for (PublicKey k : sim.down) {
        assertThat(sim.delivered.get(k)).isNull();
      }
      if (sim.all.stream().anyMatch(a -> a instanceof TreeAction.Skipped)) {
        roundsWithSkips++;
      }
    }
    // 3 of 31 down: most rounds hit an interior node or a root, so adoption really ran
    assertThat(roundsWithSkips).isGreaterThan(100);
  }

  @Test
  void aDownRootIsReplacedByTheNextAllianceNode() {
    List<PublicKey> members = keys(15);
    TreeSim sim = alliance(members);
    PublicKey origin = members.get(9);
    sim.down.add(members.get(0));
    sim.apply(
        origin,
        nodes
            .get(origin)
            .originate(id("x"), Bytes.EMPTY, List.of(members.get(0), members.get(1)), 0));
    sim.run();
    assertThat(sim.delivered.get(members.get(1)).get(0).hops()).isZero(); // the new root
    assertThat(sim.delivered).hasSize(13); // everyone but the origin and the dead root
    assertThat(sim.all).contains(new TreeAction.Skipped(id("x"), members.get(0)));
  }
}
