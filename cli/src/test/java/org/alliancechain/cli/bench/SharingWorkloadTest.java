package org.alliancechain.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

class SharingWorkloadTest {
  private static final long NOW = 1_790_000_000L;

  private static SharingWorkload workload(int senders, int perSender) {
    List<KeyPair> keys = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) (i + 1);
      keys.add(KeyPair.fromSeed(seed));
    }
    return SharingWorkload.sign("bench-test", keys, perSender, NOW, 3600, 100);
  }

  // The load generator submits each sender's nonces in order and holds one back until its
  // dependency is committed. Played as rounds in which every sender advances as far as it can,
  // the whole workload must finish (no two senders wait on each other) and every dependency is on
  // another sender's earlier step of the same sharing.
  @Test
  void everySenderCanAdvanceToTheEndRespectingDependencies() {
    SharingWorkload w = workload(4, 70);
    assertThat(w.perSender()).isEqualTo(70); // 7 steps x width 10, one wave
    boolean[] done = new boolean[w.size()];
    int[] next = new int[w.senders()];
    int rounds = 0;
    while (rounds < 100 && java.util.Arrays.stream(next).anyMatch(n -> n < w.perSender())) {
      rounds++;
      List<Integer> thisRound = new ArrayList<>();
      for (int s = 0; s < w.senders(); s++) {
        while (next[s] < w.perSender()) {
          int id = next[s] * w.senders() + s;
          int dep = w.dependency(id);
          if (dep >= 0 && !done[dep]) {
            break;
          }
          thisRound.add(id);
          next[s]++;
        }
      }
      thisRound.forEach(id -> done[id] = true); // committed together at the end of the round
    }
    assertThat(next).containsOnly(w.perSender());
    // request, offer, accept, provider's signature, (binding, own signature), acknowledgement:
    // five rounds of waiting on a neighbour, whatever the width
    assertThat(rounds).isEqualTo(5);
  }

  @Test
  void dependenciesNameTheMatchingStepOfTheNeighbour() {
    SharingWorkload w = workload(4, 140); // width 20, one wave
    Map<String, Integer> steps = new TreeMap<>();
    for (int id = 0; id < w.size(); id++) {
      steps.merge(w.step(id), 1, Integer::sum);
      int dep = w.dependency(id);
      String expected =
          switch (w.step(id)) {
            case "offer" -> "request";
            case "accept" -> "offer";
            case "sign-provider" -> "accept";
            case "acknowledge" -> "bind";
            default -> null;
          };
      if (expected == null) {
        assertThat(dep).isEqualTo(-1);
      } else {
        assertThat(w.step(dep)).isEqualTo(expected);
        assertThat(w.sender(dep)).isNotEqualTo(w.sender(id));
      }
    }
    // one of each step per sharing: 4 senders x 20 sharings
    assertThat(steps)
        .containsOnlyKeys(
            "request", "offer", "accept", "sign-provider", "bind", "sign-requester", "acknowledge");
    assertThat(steps.values()).containsOnly(80);
  }

  @Test
  void transactionsAreSignedBySenderInNonceOrderAndFoundByHash() {
    SharingWorkload w = workload(4, 70);
    for (int id = 0; id < w.size(); id += 13) {
      Transaction tx = Transaction.decode(w.encoded(id));
      assertThat(tx.nonce()).isEqualTo(id / w.senders());
      assertThat(tx.hash().toHex()).isEqualTo(w.hash(id));
      assertThat(w.id(w.hash(id))).isEqualTo(id);
    }
    assertThat(w.id("00")).isEqualTo(-1);
  }
}
