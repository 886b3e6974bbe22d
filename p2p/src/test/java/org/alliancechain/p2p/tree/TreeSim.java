package org.alliancechain.p2p.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.alliancechain.core.crypto.PublicKey;

/**
 * A discrete-event network for tree state machines: one thread, simulated microseconds, a fixed
 * latency per directed link, nodes that are down drop what they are sent. Messages go through the
 * real codec on every hop.
 */
final class TreeSim {
  interface Machine {
    List<TreeAction> onMessage(PublicKey from, TreeMessage message, long now);

    List<TreeAction> onTick(long now);

    long nextDeadline(); // Long.MAX_VALUE when none
  }

  private record Event(
      long at, long seq, PublicKey from, PublicKey to, org.alliancechain.core.Bytes bytes)
      implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      return at != o.at ? Long.compare(at, o.at) : Long.compare(seq, o.seq);
    }
  }

  final Map<PublicKey, Machine> machines = new HashMap<>();
  final Set<PublicKey> down = new HashSet<>();
  final Map<PublicKey, List<TreeAction.Deliver>> delivered = new HashMap<>();
  final List<TreeAction> all = new ArrayList<>();
  private final BiFunction<PublicKey, PublicKey, Long> latency;
  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private long now;
  private long seq;
  int messagesSent;
  int selfSends; // dropped, as the real network does: a node has no link to itself

  TreeSim(BiFunction<PublicKey, PublicKey, Long> latency) {
    this.latency = latency;
  }

  void add(PublicKey key, Machine machine) {
    machines.put(key, machine);
  }

  long now() {
    return now;
  }

  void apply(PublicKey at, List<TreeAction> actions) {
    for (TreeAction a : actions) {
      all.add(a);
      switch (a) {
        case TreeAction.Send s when s.to().equals(at) -> selfSends++; // no link to itself
        case TreeAction.Send s -> {
          messagesSent++;
          queue.add(
              new Event(
                  now + latency.apply(at, s.to()),
                  seq++,
                  at,
                  s.to(),
                  org.alliancechain.core.Bytes.wrap(TreeCodec.encode(s.message()))));
        }
        case TreeAction.Deliver d -> delivered.computeIfAbsent(at, k -> new ArrayList<>()).add(d);
        case TreeAction.Skipped s -> {}
        case TreeAction.OpenedToRest o -> {}
      }
    }
  }

  /** Runs until nothing is in flight and no timer is due, or until {@code untilMicros}. */
  void run(long untilMicros, Function<PublicKey, Boolean> isUp) {
    while (true) {
      long nextMessage = queue.isEmpty() ? Long.MAX_VALUE : queue.peek().at();
      PublicKey timerNode = null;
      long nextTimer = Long.MAX_VALUE;
      for (var e : sortedMachines()) {
        long d = e.getValue().nextDeadline();
        if (isUp.apply(e.getKey()) && d < nextTimer) {
          nextTimer = d;
          timerNode = e.getKey();
        }
      }
      long next = Math.min(nextMessage, nextTimer);
      if (next == Long.MAX_VALUE || next > untilMicros) {
        return;
      }
      now = Math.max(now, next);
      if (nextMessage <= nextTimer) {
        Event ev = queue.poll();
        if (isUp.apply(ev.to())) {
          TreeMessage m = TreeCodec.decode(ev.bytes().unsafeArray(), 1 << 20);
          apply(ev.to(), machines.get(ev.to()).onMessage(ev.from(), m, now));
        }
      } else {
        apply(timerNode, machines.get(timerNode).onTick(now));
      }
    }
  }

  void run() {
    run(Long.MAX_VALUE, k -> !down.contains(k));
  }

  private List<Map.Entry<PublicKey, Machine>> sortedMachines() {
    List<Map.Entry<PublicKey, Machine>> list = new ArrayList<>(machines.entrySet());
    list.sort(Map.Entry.comparingByKey());
    return list;
  }
}
