package org.alliancechain.p2p.tree;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.p2p.MessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery layer of the broadcast trees: binds an {@link LftNode} and a {@link TftNode} to the
 * peer links. One executor thread owns both state machines; messages and timers are queued onto it,
 * the monotonic clock is read only here, and every delivery's route time is recorded in {@link
 * CommTimes}.
 */
public final class TreeService implements MessageHandler {
  private static final Logger log = LoggerFactory.getLogger(TreeService.class);

  /** Sends encoded tree messages to a peer (the node wires it to {@code PeerNetwork.send}). */
  @FunctionalInterface
  public interface Transport {
    void send(PublicKey peer, byte[] message);
  }

  /** Receives each request once, on the service's thread. */
  @FunctionalInterface
  public interface Deliveries {
    void onDelivered(TreeAction.Deliver delivery);
  }

  private final LftNode lft;
  private final TftNode tft;
  private final Transport transport;
  private final Deliveries deliveries;
  private final ScheduledExecutorService executor;
  private final LongSupplier clockMicros;
  private final int payloadBytesMax;
  private final CommTimes commTimes = new CommTimes();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder overflow = new LongAdder();
  private final java.util.concurrent.atomic.AtomicInteger queued =
      new java.util.concurrent.atomic.AtomicInteger();
  private final int queuedMessagesMax;
  private ScheduledFuture<?> timer;

  public TreeService(
      LftNode lft,
      TftNode tft,
      Transport transport,
      Deliveries deliveries,
      ScheduledExecutorService executor,
      LongSupplier clockMicros,
      int payloadBytesMax,
      int queuedMessagesMax) {
    this.lft = lft;
    this.tft = tft;
    this.transport = transport;
    this.deliveries = deliveries;
    this.executor = executor;
    this.clockMicros = clockMicros;
    this.payloadBytesMax = payloadBytesMax;
    this.queuedMessagesMax = queuedMessagesMax;
  }

  public CommTimes commTimes() {
    return commTimes;
  }

  public long malformedCount() {
    return malformed.sum();
  }

  public long skippedCount() {
    return skipped.sum();
  }

  /** Tree messages dropped because {@code queuedMessagesMax} were already waiting. */
  public long overflowCount() {
    return overflow.sum();
  }

  /** Starts a cooperative broadcast (SPEC M-6) through the first alliance node that answers. */
  public void broadcast(Hash id, Bytes payload, List<PublicKey> allianceNodes) {
    executor.execute(
        () -> apply(lft.originate(id, payload, allianceNodes, clockMicros.getAsLong())));
  }

  /** Starts a competitive request (SPEC M-7) along a trust-first plan. */
  public void request(
      Hash id, Bytes payload, TrustFirstPlan plan, long deadlineMicros, boolean openToRest) {
    executor.execute(() -> apply(tft.originate(id, payload, plan, deadlineMicros, openToRest)));
  }

  /** The service's clock, for computing TFT deadlines. */
  public long nowMicros() {
    return clockMicros.getAsLong();
  }

  /** The member set changed (a DAO decision): later LFT announcements use the new tree. */
  public void setMembers(List<PublicKey> members) {
    List<PublicKey> copy = List.copyOf(members);
    executor.execute(() -> lft.setMembers(copy));
  }

  public void answered(Hash id) {
    executor.execute(() -> tft.onAnswered(id));
  }

  @Override
  public void onMessage(PublicKey sender, byte[] bytes) {
    // Bounded hand-off: the executor's own queue is not, so count what is waiting.
    if (queued.incrementAndGet() > queuedMessagesMax) {
      queued.decrementAndGet();
      overflow.increment();
      return;
    }
    executor.execute(
        () -> {
          queued.decrementAndGet();
          TreeMessage message;
          try {
            message = TreeCodec.decode(bytes, payloadBytesMax);
          } catch (DecodeException e) {
            malformed.increment();
            log.debug("malformed tree message from {}: {}", sender, e.getMessage());
            return;
          }
          long now = clockMicros.getAsLong();
          List<TreeAction> actions =
              message instanceof TreeMessage.Sealed
                  ? tft.onMessage(sender, message)
                  : lft.onMessage(sender, message, now);
          apply(actions);
        });
  }

  private void tick() {
    long now = clockMicros.getAsLong();
    apply(lft.onTick(now));
    apply(tft.onTick(now));
  }

  // Runs on the executor thread only.
  private void apply(List<TreeAction> actions) {
    for (TreeAction a : actions) {
      switch (a) {
        case TreeAction.Send s -> transport.send(s.to(), TreeCodec.encode(s.message()));
        case TreeAction.Deliver d -> {
          commTimes.record(d.route());
          deliveries.onDelivered(d);
        }
        case TreeAction.Skipped s -> {
          skipped.increment();
          log.info("tree: {} did not acknowledge {}, adopting its children", s.child(), s.id());
        }
        case TreeAction.OpenedToRest o ->
            log.info(
                "tree: request {} unanswered, opened to {} more members", o.id(), o.recipients());
      }
    }
    rearm();
  }

  // One timer, always at the state machine's next deadline.
  private void rearm() {
    OptionalLong next = earliest(lft.nextDeadlineMicros(), tft.nextDeadlineMicros());
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    if (next.isPresent()) {
      long delay = Math.max(0, next.getAsLong() - clockMicros.getAsLong());
      timer = executor.schedule(this::tick, delay, TimeUnit.MICROSECONDS);
    }
  }

  private static OptionalLong earliest(OptionalLong a, OptionalLong b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : OptionalLong.of(Math.min(a.getAsLong(), b.getAsLong()));
  }
}
