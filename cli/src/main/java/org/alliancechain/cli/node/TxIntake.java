package org.alliancechain.cli.node;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.core.tx.TxBatch;

/**
 * Where batches of transactions enter a node: their signatures are verified on all cores at once
 * (the verified-signature memo then answers every later check of the same transaction, on the
 * mempool's lock, in the replica and at execution), and peers' gossip batches are admitted in
 * arrival order on one thread of their own, so the peer links' dispatch thread never waits for
 * verification (docs/benchmarks.md, step 2).
 */
final class TxIntake implements AutoCloseable {
  /** First byte of a mempool frame holding a batch; a single transaction starts with VERSION 1. */
  static final byte BATCH_MARKER = (byte) 0xB7;

  /**
   * Bytes of peer batches waiting for admission; a batch that would pass it is dropped (peers'
   * gossip is best effort; the sender's node gossips it again, see StalledSenders), unless none
   * waits. Counted in bytes, not batches: a client's small batches made small frames, and 256 of
   * them (the bound until session 5) filled at 1,300 tx/s while holding a few thousand
   * transactions.
   */
  static final long PEER_BATCH_BYTES_QUEUED_MAX = 16L * 1024 * 1024;

  /**
   * Transactions verified per task, as one batch ({@link Transaction#verifyAll}): at least this
   * many, so that a batch's fixed cost (one chain of doublings) is shared, unless fewer arrived.
   */
  static final int VERIFY_CHUNK_TXS_MIN = 32;

  /** At most this many per task: more would not save much and would keep other cores idle. */
  static final int VERIFY_CHUNK_TXS_MAX = 256;

  private final ForkJoinPool verifiers;
  // Proposals' transactions: a pool of their own, so that a proposal never queues behind the
  // clients' and peers' batches waiting in the other one. Behind them, every consensus message
  // after the proposal waited too, and a 4-validator run at full load went into view changes
  // (docs/benchmarks.md, session 4).
  private final ForkJoinPool proposalVerifiers;
  private final ThreadPoolExecutor peerAdmission;
  private final LongAdder peerBatchesDropped = new LongAdder();
  private final java.util.concurrent.atomic.AtomicLong peerBytesQueued =
      new java.util.concurrent.atomic.AtomicLong();
  private final LongAdder peerBatchesUndecodable = new LongAdder();

  TxIntake(String name) {
    this.verifiers = verifierPool("tx-verify-" + name + "-");
    this.proposalVerifiers = verifierPool("proposal-verify-" + name + "-");
    this.peerAdmission =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            // bounded by peerBytesQueued (onPeerBatch), not by the queue's length
            new java.util.concurrent.LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "tx-intake-" + name);
              t.setDaemon(true);
              return t;
            },
            (r, executor) -> peerBatchesDropped.increment());
  }

  private static ForkJoinPool verifierPool(String threadPrefix) {
    return new ForkJoinPool(
        Runtime.getRuntime().availableProcessors(),
        pool -> {
          var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
          t.setName(threadPrefix + t.getPoolIndex());
          t.setDaemon(true);
          return t;
        },
        null,
        false);
  }

  /**
   * Verifies every signature in parallel and returns when all are done. The results stay in the
   * memo (successes only); the admission checks that follow find them there.
   */
  void verifyAll(List<Transaction> txs) {
    verifyAll(verifiers, txs);
  }

  /** {@link #verifyAll} for the transactions of a consensus proposal, on the proposals' pool. */
  void verifyProposal(List<Transaction> txs) {
    verifyAll(proposalVerifiers, txs);
  }

  private static void verifyAll(ForkJoinPool pool, List<Transaction> txs) {
    int perCore = (txs.size() + pool.getParallelism() - 1) / pool.getParallelism();
    int chunk = Math.max(VERIFY_CHUNK_TXS_MIN, Math.min(VERIFY_CHUNK_TXS_MAX, perCore));
    if (txs.size() <= chunk) {
      Transaction.verifyAll(txs);
      return;
    }
    try {
      pool.submit(
              () ->
                  java.util.stream.IntStream.range(0, (txs.size() - 1) / chunk + 1)
                      .parallel()
                      .forEach(
                          c ->
                              Transaction.verifyAll(
                                  txs.subList(c * chunk, Math.min(txs.size(), (c + 1) * chunk)))))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("signature verification failed", e.getCause());
    }
  }

  static byte[] gossipFrame(List<Transaction> txs) {
    byte[] batch = TxBatch.encode(txs);
    byte[] frame = new byte[batch.length + 1];
    frame[0] = BATCH_MARKER;
    System.arraycopy(batch, 0, frame, 1, batch.length);
    return frame;
  }

  static boolean isBatchFrame(byte[] bytes) {
    return bytes.length > 0 && bytes[0] == BATCH_MARKER;
  }

  /** Transactions one drain of the peers' queue takes at most (the rest wait for the next). */
  static final int DRAIN_TXS_MAX = 4_096;

  /**
   * A peer's frame waiting for admission, with what the node does with its transactions (a class:
   * Error Prone forbids array record components).
   */
  private static final class PeerFrame {
    private final byte[] frame;
    private final java.util.function.Predicate<Transaction> known;
    private final Consumer<Transaction> admit;

    PeerFrame(
        byte[] frame,
        java.util.function.Predicate<Transaction> known,
        Consumer<Transaction> admit) {
      this.frame = frame;
      this.known = known;
      this.admit = admit;
    }

    byte[] frame() {
      return frame;
    }

    java.util.function.Predicate<Transaction> known() {
      return known;
    }

    Consumer<Transaction> admit() {
      return admit;
    }
  }

  private final java.util.concurrent.ConcurrentLinkedQueue<PeerFrame> peerFrames =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  /**
   * Queues a peer's batch frame: decoded, verified, then admitted one by one, in arrival order.
   * Frames that queued up while the intake thread was busy are verified together, as one set of
   * batches: under load the peers' small frames (a client's request each) would otherwise each be
   * too small for batch verification (docs/benchmarks.md, session 8).
   */
  void onPeerBatch(
      byte[] frame, java.util.function.Predicate<Transaction> known, Consumer<Transaction> admit) {
    long size = frame.length;
    long before = peerBytesQueued.getAndAdd(size);
    if (before > 0 && before + size > PEER_BATCH_BYTES_QUEUED_MAX) {
      peerBytesQueued.addAndGet(-size);
      peerBatchesDropped.increment();
      return;
    }
    peerFrames.add(new PeerFrame(frame, known, admit));
    // One task per frame: each drains what is queued then, so a later one often finds nothing.
    peerAdmission.execute(this::drainPeerFrames);
  }

  private void drainPeerFrames() {
    List<PeerFrame> frames = new java.util.ArrayList<>();
    List<List<Transaction>> decoded = new java.util.ArrayList<>();
    List<Transaction> all = new java.util.ArrayList<>();
    PeerFrame f;
    while (all.size() < DRAIN_TXS_MAX && (f = peerFrames.poll()) != null) {
      peerBytesQueued.addAndGet(-f.frame().length);
      List<Transaction> txs;
      try {
        txs = new java.util.ArrayList<>(TxBatch.decode(f.frame(), 1, f.frame().length - 1));
      } catch (DecodeException e) {
        peerBatchesUndecodable.increment();
        continue;
      }
      // Gossip that arrives after its block, and transactions gossiped again (the node's
      // StalledSenders), are known here: dropped before their signatures are checked.
      txs.removeIf(f.known());
      frames.add(f);
      decoded.add(txs);
      all.addAll(txs);
    }
    if (frames.isEmpty()) {
      return;
    }
    verifyAll(all);
    for (int i = 0; i < frames.size(); i++) {
      decoded.get(i).forEach(frames.get(i).admit());
    }
  }

  long peerBatchesDropped() {
    return peerBatchesDropped.sum();
  }

  long peerBatchesUndecodable() {
    return peerBatchesUndecodable.sum();
  }

  @Override
  public void close() {
    peerAdmission.shutdownNow();
    verifiers.shutdownNow();
    proposalVerifiers.shutdownNow();
  }
}
