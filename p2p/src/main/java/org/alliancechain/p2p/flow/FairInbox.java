package org.alliancechain.p2p.flow;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Per-peer inbound queues served round-robin: one item from each peer with something queued in
 * turn, so a peer that floods waits behind its own backlog and never in front of the others. Each
 * queue is bounded in bytes: at {@code highWaterBytes} the caller is told to stop reading from that
 * peer (on every item while over it), and {@code onDrained} is called once the queue is back under
 * half of it. Above {@code hardLimitBytes} items are refused. Thread-safe.
 */
public final class FairInbox<K, T> {
  /** What {@link #offer} did. */
  public enum Admission {
    ACCEPTED,
    /** Accepted, and the queue is now at its high-water mark: stop reading from this peer. */
    ACCEPTED_PAUSE,
    REFUSED
  }

  /** An item and the peer it came from. */
  public record Entry<K, T>(K peer, T item) {}

  private static final class Queue<T> {
    final ArrayDeque<T> items = new ArrayDeque<>();
    final ArrayDeque<Integer> sizes = new ArrayDeque<>();
    long bytes;
    boolean paused;
    boolean inRing;
  }

  private final long highWaterBytes;
  private final long hardLimitBytes;
  private final Consumer<K> onDrained;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  // Looked up by key only, never iterated: the ring below gives the order.
  private final Map<K, Queue<T>> queues = new HashMap<>();
  private final ArrayDeque<K> ring = new ArrayDeque<>();

  public FairInbox(long highWaterBytes, long hardLimitBytes, Consumer<K> onDrained) {
    if (highWaterBytes < 1 || hardLimitBytes < highWaterBytes) {
      throw new IllegalArgumentException("need 1 <= highWater <= hardLimit");
    }
    this.highWaterBytes = highWaterBytes;
    this.hardLimitBytes = hardLimitBytes;
    this.onDrained = onDrained;
  }

  public Admission offer(K peer, T item, int sizeBytes) {
    lock.lock();
    try {
      Queue<T> q = queues.computeIfAbsent(peer, k -> new Queue<>());
      if (q.bytes + sizeBytes > hardLimitBytes) {
        return Admission.REFUSED;
      }
      q.items.addLast(item);
      q.sizes.addLast(sizeBytes);
      q.bytes += sizeBytes;
      if (!q.inRing) {
        q.inRing = true;
        ring.addLast(peer);
      }
      notEmpty.signal();
      // Said on every message over the mark, not only the first: a link that replaced the one
      // that was paused must pause too.
      if (q.bytes >= highWaterBytes) {
        q.paused = true;
        return Admission.ACCEPTED_PAUSE;
      }
      return Admission.ACCEPTED;
    } finally {
      lock.unlock();
    }
  }

  /** The next item in round-robin order, waiting up to the timeout. */
  public Optional<Entry<K, T>> poll(long timeout, TimeUnit unit) throws InterruptedException {
    K drained = null;
    Entry<K, T> entry;
    lock.lock();
    try {
      long nanos = unit.toNanos(timeout);
      while (ring.isEmpty()) {
        if (nanos <= 0) {
          return Optional.empty();
        }
        nanos = notEmpty.awaitNanos(nanos);
      }
      K peer = ring.pollFirst();
      Queue<T> q = queues.get(peer);
      entry = new Entry<>(peer, q.items.pollFirst());
      q.bytes -= q.sizes.pollFirst();
      if (q.items.isEmpty()) {
        q.inRing = false;
      } else {
        ring.addLast(peer);
      }
      if (q.paused && q.bytes <= highWaterBytes / 2) {
        q.paused = false;
        drained = peer;
      }
      if (q.items.isEmpty() && !q.paused) {
        queues.remove(peer);
      }
    } finally {
      lock.unlock();
    }
    if (drained != null) {
      onDrained.accept(drained);
    }
    return Optional.of(entry);
  }

  /** Drops everything queued from a peer (its link closed). */
  public void discard(K peer) {
    lock.lock();
    try {
      queues.remove(peer);
      ring.remove(peer);
    } finally {
      lock.unlock();
    }
  }

  public long queuedBytes(K peer) {
    lock.lock();
    try {
      Queue<T> q = queues.get(peer);
      return q == null ? 0 : q.bytes;
    } finally {
      lock.unlock();
    }
  }
}
