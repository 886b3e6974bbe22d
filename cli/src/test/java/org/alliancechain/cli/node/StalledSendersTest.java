package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.mempool.Mempool;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

// Issue 8, session 5: a gossip frame lost on the way to the primary stalled its sender until a
// view change; a node re-sends the waiting run of a sender that made no progress for a period.
class StalledSendersTest {
  private static final String CHAIN = "stall-chain";
  private final Map<PublicKey, Long> committed = new HashMap<>();
  private final Mempool pool =
      new Mempool(CHAIN, 20_000, sender -> committed.getOrDefault(sender, 0L));
  private final StalledSenders stalled = new StalledSenders(pool);

  private static KeyPair key(int i) {
    byte[] seed = new byte[32];
    seed[30] = 7;
    seed[31] = (byte) i;
    return KeyPair.fromSeed(seed);
  }

  private static Transaction tx(int sender, long nonce) {
    return Transaction.sign(key(sender), CHAIN, nonce, 1, Bytes.of(new byte[] {(byte) nonce}));
  }

  @Test
  void aSenderIsResentWhenTheChainMovedWithoutItForThreePeriodsAndThreeBlocks() {
    for (long n = 0; n < 3; n++) {
      pool.add(tx(1, n));
      pool.add(tx(2, n));
    }
    assertThat(stalled.check(10)).as("first look: nothing is known to be stalled").isEmpty();
    // blocks commit sender 1's nonces one by one; sender 2 is left out: the primary lacks its 0
    for (long n = 0; n < 2; n++) {
      committed.put(key(1).publicKey(), n + 1);
      pool.commit(List.of(tx(1, n)));
      assertThat(stalled.check(11 + 2 * n)).isEmpty();
    }
    committed.put(key(1).publicKey(), 3L);
    pool.commit(List.of(tx(1, 2)));
    // three periods, four blocks since sender 2's nonce 0 was first seen waiting
    assertThat(stalled.check(14)).containsExactly(List.of(tx(2, 0), tx(2, 1), tx(2, 2)));
  }

  @Test
  void aSlowChainIsNotAStall() {
    pool.add(tx(1, 0));
    long height = 1;
    for (int period = 0; period < 10; period++) {
      assertThat(stalled.check(height)).as("fewer than 3 blocks in the whole wait").isEmpty();
      height += period % 5 == 0 ? 1 : 0;
    }
  }

  @Test
  void nothingIsResentWhileNoBlockCommits() {
    pool.add(tx(1, 0));
    for (int period = 0; period < 10; period++) {
      assertThat(stalled.check(5))
          .as("consensus stalled: re-sending would only load the peers")
          .isEmpty();
    }
  }

  @Test
  void aSenderResentAtTheSameNonceWaitsTwiceAsLongEachTime() {
    pool.add(tx(1, 0));
    long height = 1;
    stalled.check(height);
    List<Integer> resentAt = new java.util.ArrayList<>();
    for (int period = 1; period <= 40; period++) {
      height += 2;
      if (!stalled.check(height).isEmpty()) {
        resentAt.add(period);
      }
    }
    // first after 3 periods, then after waits of 1, 2, 4, 8, 16 periods
    assertThat(resentAt).containsExactly(3, 4, 6, 10, 18, 34);
  }

  @Test
  void aSenderWithoutItsNextTransactionHereIsNotResent() {
    pool.add(tx(3, 1)); // nonce 0 never arrived here: another node must send it
    for (int period = 0; period < 6; period++) {
      assertThat(stalled.check(10L * period)).isEmpty();
    }
  }

  @Test
  void runsAndPeriodsAreBounded() {
    int senders = StalledSenders.PERIOD_TXS_MAX / StalledSenders.RUN_TXS_MAX + 2;
    for (int s = 0; s < senders; s++) {
      for (long n = 0; n < StalledSenders.RUN_TXS_MAX + 10; n++) {
        pool.add(tx(100 + s, n));
      }
    }
    List<List<Transaction>> runs = List.of();
    for (int period = 0; period < 4; period++) {
      runs = stalled.check(10L * period);
    }
    assertThat(runs).allSatisfy(r -> assertThat(r).hasSize(StalledSenders.RUN_TXS_MAX));
    assertThat(runs.stream().mapToInt(List::size).sum()).isEqualTo(StalledSenders.PERIOD_TXS_MAX);
  }
}
