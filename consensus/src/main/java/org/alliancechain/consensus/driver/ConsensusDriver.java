package org.alliancechain.consensus.driver;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.alliancechain.consensus.ConsensusLimits;
import org.alliancechain.consensus.core.ConsensusStore;
import org.alliancechain.consensus.core.Input;
import org.alliancechain.consensus.core.Ready;
import org.alliancechain.consensus.core.Replica;
import org.alliancechain.consensus.msg.ConsensusMessage;
import org.alliancechain.consensus.msg.MessageCodec;
import org.alliancechain.consensus.msg.NewView;
import org.alliancechain.consensus.msg.PrePrepare;
import org.alliancechain.consensus.msg.Signing;
import org.alliancechain.consensus.msg.SyncRequest;
import org.alliancechain.consensus.msg.ViewChange;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.tx.Transaction;

/**
 * Binds one {@link Replica} to the outside world (STYLE.md item 3): a single thread owns the
 * replica and takes inputs from a bounded inbox; wall time enters only here, as a {@link
 * Input.Tick} every {@code tickMillis} (one, not a burst, after the thread was busy: {@link
 * TickSchedule}). For each {@link Ready} it saves what must be persisted, then sends, then executes
 * committed blocks and feeds their results back.
 */
public final class ConsensusDriver {
  private final Replica replica;
  private final Transport transport;
  private final ConsensusStore store;
  private final BlockExecutor executor;
  private final Signing signing;
  private final Clock clock;
  private final BlockingQueue<Input> inbox =
      new ArrayBlockingQueue<>(ConsensusLimits.DRIVER_INBOX_INPUTS_MAX);
  private final AtomicLong dropped = new AtomicLong();
  private final TickSchedule ticks;
  private final AtomicLong skippedTicks = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();
  private final AtomicLong committedHeight = new AtomicLong();
  // Transactions carried by the messages in the inbox (ConsensusLimits.DRIVER_INBOX_TXS_MAX).
  private final AtomicLong queuedTxs = new AtomicLong();
  private final Thread thread;
  private volatile boolean running;
  private volatile Runnable tickObserver = () -> {};

  public ConsensusDriver(
      Replica replica,
      Transport transport,
      ConsensusStore store,
      BlockExecutor executor,
      Signing signing,
      Clock clock,
      long tickMillis,
      String name) {
    this.replica = replica;
    this.transport = transport;
    this.store = store;
    this.executor = executor;
    this.signing = signing;
    this.clock = clock;
    this.ticks = new TickSchedule(clock.millis(), tickMillis);
    this.committedHeight.set(replica.committedSeq());
    this.thread = new Thread(this::loop, "consensus-" + name);
  }

  /**
   * Runs {@code observer} on the driver's thread after every tick: the only safe moment for others
   * to read the replica (the node's status and metrics snapshots).
   */
  public void afterEveryTick(Runnable observer) {
    this.tickObserver = observer;
  }

  public void start() {
    running = true;
    thread.start();
  }

  public void stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }

  /** Inbound bytes from the transport; any thread. False if the inbox is full (dropped). */
  public boolean onMessage(byte[] bytes) {
    ConsensusMessage message;
    try {
      message = MessageCodec.decode(bytes);
    } catch (DecodeException e) {
      undecodable.incrementAndGet();
      return false;
    }
    return offer(new Input.Receive(message));
  }

  /** A message already decoded (and checked) by the caller; any thread. False if dropped. */
  public boolean onMessage(ConsensusMessage message) {
    return offer(new Input.Receive(message));
  }

  public boolean submit(Transaction tx) {
    return offer(new Input.SubmitTx(tx));
  }

  private boolean offer(Input input) {
    int carried = carriedTxs(input);
    long queued = queuedTxs.addAndGet(carried);
    // Only proposals are refused over the bound: a view change needs every view-change and the
    // new-view to arrive (they are re-sent only with backoff), and with ten validators a new-view
    // carried more than the bound and was refused whenever anything else waited, so the view
    // change never completed (docs/benchmarks.md, session 4).
    boolean proposal = input instanceof Input.Receive r && r.message() instanceof PrePrepare;
    if (proposal && !admits(queued - carried, carried, ConsensusLimits.DRIVER_INBOX_TXS_MAX)) {
      queuedTxs.addAndGet(-carried);
      dropped.incrementAndGet();
      return false;
    }
    boolean accepted = inbox.offer(input);
    if (!accepted) {
      queuedTxs.addAndGet(-carried);
      dropped.incrementAndGet();
    }
    return accepted;
  }

  /**
   * Whether a message carrying {@code carried} transactions may join {@code queuedBefore} already
   * waiting. Over the bound only with others waiting: one message alone always gets in (a new-view
   * may carry more than the bound, and dropping it every time would stall the view change).
   */
  static boolean admits(long queuedBefore, int carried, long max) {
    return carried == 0 || queuedBefore == 0 || queuedBefore + carried <= max;
  }

  /** The transactions a message carries in proposals, its own or inside certificates. */
  static int carriedTxs(Input input) {
    if (!(input instanceof Input.Receive r)) {
      return 0;
    }
    return switch (r.message()) {
      case PrePrepare pp -> pp.block().transactions().size();
      case ViewChange vc -> viewChangeTxs(vc);
      case NewView nv -> {
        int txs = 0;
        for (PrePrepare pp : nv.prePrepares()) {
          txs += pp.block().transactions().size();
        }
        for (ViewChange vc : nv.viewChanges()) {
          txs += viewChangeTxs(vc);
        }
        yield txs;
      }
      default -> 0;
    };
  }

  private static int viewChangeTxs(ViewChange vc) {
    int txs = 0;
    for (var certificate : vc.prepared()) {
      txs += certificate.prePrepare().block().transactions().size();
    }
    return txs;
  }

  public long committedHeight() {
    return committedHeight.get();
  }

  /**
   * Ticks not delivered because the thread was busy when they were due (TickSchedule): how long, in
   * ticks, this replica spent unable to watch its timers.
   */
  public long skippedTicks() {
    return skippedTicks.get();
  }

  public long droppedInputs() {
    return dropped.get();
  }

  private void loop() {
    while (running) {
      try {
        Input input = inbox.poll(ticks.waitMillis(clock.millis()), TimeUnit.MILLISECONDS);
        if (input != null) {
          queuedTxs.addAndGet(-carriedTxs(input));
          handle(input);
        }
        long now = clock.millis();
        if (ticks.take(now)) {
          skippedTicks.set(ticks.skipped());
          handle(new Input.Tick(now));
          tickObserver.run();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void handle(Input first) {
    if (first instanceof Input.Receive r && r.message() instanceof SyncRequest request) {
      serveSync(request);
      return;
    }
    ArrayDeque<Input> inputs = new ArrayDeque<>();
    inputs.add(first);
    while (!inputs.isEmpty()) {
      Ready ready = replica.step(inputs.poll());
      // Persist first: a signed vote must be on disk before any peer can see it (SPEC M-27).
      store.save(ready.persist());
      for (Ready.Outgoing out : ready.send()) {
        byte[] bytes = MessageCodec.encode(out.message());
        if (out.to().isPresent()) {
          transport.send(out.to().get(), bytes);
        } else {
          transport.broadcast(bytes);
        }
      }
      for (CertifiedBlock block : ready.commit()) {
        BlockExecutor.Executed executed = executor.execute(block);
        committedHeight.set(block.block().height());
        inputs.add(
            new Input.BlockExecuted(
                block.block().height(),
                block.block().hash(),
                executed.stateRoot(),
                executed.nextValidators()));
      }
      ready.gossip().forEach(transport::gossip);
      ready.penalize().forEach(transport::penalize);
    }
  }

  // The driver, not the pure core, reads the block store to serve a lagging peer.
  private void serveSync(SyncRequest request) {
    List<CertifiedBlock> blocks = new ArrayList<>();
    for (long h = request.fromHeight();
        h <= request.toHeight() && blocks.size() < ConsensusLimits.SYNC_BLOCKS_MAX;
        h++) {
      Optional<CertifiedBlock> block = executor.load(h);
      if (block.isEmpty()) {
        break;
      }
      blocks.add(block.get());
    }
    // An empty answer is an answer too: a replica that lost its log learns from it that the
    // chain has no block yet (Recovery); a lagging one retries another peer a period later.
    transport.send(request.sender(), MessageCodec.encode(signing.syncResponse(blocks)));
  }
}
