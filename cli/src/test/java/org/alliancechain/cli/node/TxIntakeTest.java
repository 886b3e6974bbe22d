package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.Ed25519;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.tx.Transaction;
import org.junit.jupiter.api.Test;

// Peers' gossip frames that queue up while the intake thread is busy are verified together, in
// batches, and still admitted in arrival order (docs/benchmarks.md, session 8).
class TxIntakeTest {
  private static List<Transaction> signed(KeyPair key, long firstNonce, int count) {
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      txs.add(
          Transaction.sign(
              key, "intake-test", firstNonce + i, 1, Bytes.wrap(new byte[] {(byte) i, 7})));
    }
    return txs;
  }

  private static byte[] frame(List<Transaction> txs) {
    // Decoded afresh on the intake thread, as a peer's bytes would be: no verified flag carried.
    return TxIntake.gossipFrame(txs);
  }

  @Test
  void framesQueuedBehindABusyIntakeAreVerifiedAsOneBatchAndAdmittedInOrder() throws Exception {
    KeyPair key = KeyPair.fromSeed(new byte[32]);
    List<Transaction> admitted = new CopyOnWriteArrayList<>();
    CountDownLatch allAdmitted = new CountDownLatch(61);
    Consumer<Transaction> admit =
        tx -> {
          admitted.add(tx);
          allAdmitted.countDown();
        };
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (TxIntake intake = new TxIntake("test")) {
      // The first frame holds the intake thread (its "known" check waits) while 20 more queue.
      intake.onPeerBatch(
          frame(signed(key, 0, 1)),
          tx -> {
            busy.countDown();
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return false;
          },
          admit);
      assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
      List<Transaction> expected = new ArrayList<>();
      for (int f = 0; f < 20; f++) {
        List<Transaction> three = signed(key, 1 + 3L * f, 3); // alone, 3 is below a batch
        expected.addAll(three);
        intake.onPeerBatch(frame(three), tx -> false, admit);
      }
      long batchedBefore = Ed25519.batchVerified();
      release.countDown();

      assertThat(allAdmitted.await(20, TimeUnit.SECONDS)).isTrue();

      assertThat(admitted).hasSize(61);
      assertThat(admitted.subList(1, 61))
          .extracting(Transaction::nonce)
          .containsExactlyElementsOf(expected.stream().map(Transaction::nonce).toList());
      assertThat(admitted).allMatch(Transaction::hasValidSignature);
      // The 60 were checked by batch equations, not one by one (frames of 3 alone would be).
      assertThat(Ed25519.batchVerified() - batchedBefore).isGreaterThanOrEqualTo(60);
    }
  }
}
