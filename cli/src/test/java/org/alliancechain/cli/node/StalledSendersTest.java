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
  void aSenderIsResentOnlyAfterAWholePeriodWithoutProgress() {
    for (long n = 0; n < 3; n++) {
      pool.add(tx(1, n));
      pool.add(tx(2, n));
    }
    assertThat(stalled.check()).as("first look: nothing is known to be stalled").isEmpty();

    // sender 1 commits nonce 0 meanwhile; sender 2 does not
    committed.put(key(1).publicKey(), 1L);
    pool.commit(List.of(tx(1, 0)));
    assertThat(stalled.check()).containsExactly(List.of(tx(2, 0), tx(2, 1), tx(2, 2)));

    // still stalled a period later: sent again; sender 1 has stalled at nonce 1 since the last look
    assertThat(stalled.check())
        .containsExactly(List.of(tx(1, 1), tx(1, 2)), List.of(tx(2, 0), tx(2, 1), tx(2, 2)));
  }

  @Test
  void aSenderWithoutItsNextTransactionHereIsNotResent() {
    pool.add(tx(3, 1)); // nonce 0 never arrived here: another node must send it
    stalled.check();
    assertThat(stalled.check()).isEmpty();
  }

  @Test
  void runsAndPeriodsAreBounded() {
    int senders = StalledSenders.PERIOD_TXS_MAX / StalledSenders.RUN_TXS_MAX + 2;
    for (int s = 0; s < senders; s++) {
      for (long n = 0; n < StalledSenders.RUN_TXS_MAX + 10; n++) {
        pool.add(tx(100 + s, n));
      }
    }
    stalled.check();
    List<List<Transaction>> runs = stalled.check();
    assertThat(runs).allSatisfy(r -> assertThat(r).hasSizeLessThanOrEqualTo(500));
    assertThat(runs.stream().mapToInt(List::size).sum()).isEqualTo(StalledSenders.PERIOD_TXS_MAX);
  }
}
