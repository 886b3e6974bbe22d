package org.alliancechain.core.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

class MempoolTest {
  private static final String CHAIN = "pool-chain";
  private final Map<PublicKey, Long> committed = new HashMap<>();
  private final Mempool pool = new Mempool(CHAIN, 50, sender -> committed.getOrDefault(sender, 0L));

  private static KeyPair key(int i) {
    byte[] seed = new byte[32];
    seed[31] = (byte) i;
    return KeyPair.fromSeed(seed);
  }

  private static Transaction tx(int sender, long nonce) {
    return Transaction.sign(key(sender), CHAIN, nonce, 1, Bytes.of(new byte[] {(byte) nonce}));
  }

  @Test
  void rejectsWithAReasonAndAdmitsOnce() {
    assertThat(pool.add(tx(1, 0)).isOk()).isTrue();
    assertThat(pool.add(tx(1, 0)).reason()).isEqualTo("duplicate");
    Transaction other = Transaction.sign(key(1), "other-chain", 1, 1, Bytes.EMPTY);
    assertThat(pool.add(other).reason()).isEqualTo("wrong_chain_id");
    Transaction forged =
        new Transaction(CHAIN, key(2).publicKey(), 0, 1, Bytes.EMPTY, tx(1, 5).signature());
    assertThat(pool.add(forged).reason()).isEqualTo("bad_signature");
    committed.put(key(3).publicKey(), 4L);
    assertThat(pool.add(tx(3, 3)).reason()).isEqualTo("nonce_used");
    assertThat(pool.add(tx(3, 4 + Mempool.NONCE_AHEAD_MAX + 1)).reason())
        .isEqualTo("nonce_too_far");
    Transaction sameNonce = Transaction.sign(key(1), CHAIN, 0, 2, Bytes.EMPTY);
    assertThat(pool.add(sameNonce).reason()).isEqualTo("nonce_taken");
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void additionsCountOnlyAdmittedTransactions() {
    long before = pool.additions();
    assertThat(pool.add(tx(1, 0)).isOk()).isTrue();
    assertThat(pool.add(tx(1, 0)).isOk()).isFalse();
    assertThat(pool.additions()).isEqualTo(before + 1);
    pool.commit(java.util.List.of(tx(1, 0)));
    assertThat(pool.additions()).as("removals do not count").isEqualTo(before + 1);
  }

  @Test
  void readySendersAreThoseWithATransactionAtTheirNextNonceAndRunsStopAtAGap() {
    committed.put(key(1).publicKey(), 2L);
    pool.add(tx(1, 2));
    pool.add(tx(1, 3));
    pool.add(tx(1, 5)); // behind a gap at 4
    pool.add(tx(2, 1)); // sender 2's next nonce is 0: not ready
    assertThat(pool.readySenders()).containsExactly(Map.entry(key(1).publicKey(), 2L));
    assertThat(pool.run(key(1).publicKey(), 2, 10)).containsExactly(tx(1, 2), tx(1, 3));
    assertThat(pool.run(key(1).publicKey(), 2, 1)).containsExactly(tx(1, 2));
    assertThat(pool.run(key(3).publicKey(), 0, 10)).isEmpty();
    // the cheap rules alone, as peers' gossip is screened before its signatures are checked
    assertThat(pool.checkKnown(tx(1, 3)).reason()).isEqualTo("duplicate");
    assertThat(pool.checkKnown(tx(1, 1)).reason()).isEqualTo("nonce_used");
    assertThat(pool.checkKnown(tx(1, 4)).isOk()).isTrue();
  }

  @Test
  void refusesATransactionAlreadyInABlockEvenWhenItsNonceIsUnused() {
    // A transaction committed as failed (nonce_gap) leaves the sender's nonce where it was; the
    // nonce check alone would admit the same bytes again and commit them twice (found by
    // alliance dev chaos, docs/reliability.md).
    java.util.Set<org.alliancechain.core.hash.Hash> chain = new java.util.HashSet<>();
    Mempool guarded =
        new Mempool(CHAIN, 50, sender -> committed.getOrDefault(sender, 0L), chain::contains);
    Transaction failedBefore = tx(1, 3);
    chain.add(failedBefore.hash());
    assertThat(guarded.add(failedBefore).reason()).isEqualTo("already_committed");
    assertThat(guarded.size()).isZero();
    assertThat(guarded.add(tx(1, 4)).isOk()).isTrue();
  }

  @Test
  void neverReapsANonceGap() {
    pool.add(tx(1, 0));
    pool.add(tx(1, 2));
    assertThat(pool.reap(10)).extracting(Transaction::nonce).containsExactly(0L);
  }

  @Test
  void servesSendersRoundRobin() {
    for (int n = 0; n < 10; n++) {
      pool.add(tx(1, n));
    }
    pool.add(tx(2, 0));
    List<Transaction> batch = pool.reap(3);
    assertThat(batch).extracting(t -> t.sender()).contains(key(2).publicKey());
  }

  @Test
  void reservedTransactionsAreNotReapedTwiceUntilReleased() {
    pool.add(tx(1, 0));
    pool.add(tx(1, 1));
    assertThat(pool.reap(1)).extracting(Transaction::nonce).containsExactly(0L);
    assertThat(pool.reap(5)).extracting(Transaction::nonce).containsExactly(1L);
    assertThat(pool.reap(5)).isEmpty();
    pool.release();
    assertThat(pool.reap(5)).extracting(Transaction::nonce).containsExactly(0L, 1L);
  }

  // docs/benchmarks.md step 4: proposals come from this pool, in nonce order, past in-flight ones.
  @Test
  void proposableSkipsInFlightNoncesAndNeverLeavesAGap() {
    pool.add(tx(1, 0));
    pool.add(tx(1, 1));
    pool.add(tx(1, 3));
    pool.add(tx(2, 0));
    java.util.Set<org.alliancechain.core.hash.Hash> inFlight =
        java.util.Set.of(tx(1, 0).hash(), tx(2, 0).hash());
    assertThat(pool.proposable(10, inFlight::contains)).containsExactly(tx(1, 1));
    // Without reservations, the same call gives the same answer; nothing is skipped twice.
    assertThat(pool.proposable(10, h -> false))
        .containsExactlyInAnyOrder(tx(1, 0), tx(1, 1), tx(2, 0));
    assertThat(pool.proposable(1, h -> false)).hasSize(1);
  }

  @Test
  void commitForgetsCommittedAndStaleTransactions() {
    pool.add(tx(1, 0));
    pool.add(tx(1, 1));
    pool.add(tx(1, 2));
    List<Transaction> batch = pool.reap(1);
    committed.put(key(1).publicKey(), 2L); // nonce 1 was committed through another node's block
    pool.commit(batch);
    assertThat(pool.size()).isEqualTo(1);
    assertThat(pool.reap(5)).extracting(Transaction::nonce).containsExactly(2L);
  }

  @Test
  void fullPoolRefuses() {
    for (int n = 0; n < 50; n++) {
      assertThat(pool.add(tx(n % 7, n / 7)).isOk()).isTrue();
    }
    assertThat(pool.add(tx(9, 0)).reason()).isEqualTo("pool_full");
  }

  /** Random interleavings: reaped-and-committed sequences are gap-free per sender, each tx once. */
  @Test
  void randomInterleavingsKeepEverySendersNoncesContiguous() {
    long seed = Long.getLong("mempool.seed", System.nanoTime());
    System.out.println("MempoolTest seed=" + seed + " (replay: -Dmempool.seed=" + seed + ")");
    SplittableRandom random = new SplittableRandom(seed);
    Map<Integer, Long> nextToSubmit = new HashMap<>();
    List<Transaction> chain = new ArrayList<>();
    for (int step = 0; step < 2_000; step++) {
      int action = random.nextInt(10);
      if (action < 6) {
        int sender = random.nextInt(5);
        long nonce = nextToSubmit.getOrDefault(sender, 0L);
        // Sometimes submit out of order (skip ahead by one, fill later).
        if (random.nextInt(4) == 0) {
          pool.add(tx(sender, nonce + 1));
        } else {
          pool.add(tx(sender, nonce));
          nextToSubmit.put(sender, nonce + 1);
        }
      } else if (action < 9) {
        List<Transaction> batch = pool.reap(1 + random.nextInt(8));
        if (random.nextBoolean()) {
          for (Transaction t : batch) {
            long expected = committed.getOrDefault(t.sender(), 0L);
            assertThat(t.nonce()).as("seed %d", seed).isEqualTo(expected);
            committed.put(t.sender(), expected + 1);
            chain.add(t);
          }
          pool.commit(batch);
        } else {
          pool.release();
        }
      } else {
        pool.release();
      }
    }
    assertThat(chain.stream().map(Transaction::hash).distinct().count()).isEqualTo(chain.size());
  }
}
