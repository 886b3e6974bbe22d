package org.alliancechain.p2p.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;

/**
 * One node's part in link-first-tree dissemination (paper §IV, SPEC M-6), as a pure state machine:
 * messages and ticks of a caller-supplied clock in, {@link TreeAction}s out. It sends no bytes and
 * reads no clock, so a whole alliance can be simulated in one thread.
 *
 * <p>A node acknowledges every announcement at once, delivers the first copy of an id, drops later
 * copies, and forwards to its at most two children. A child that does not acknowledge within the
 * ack timeout is skipped: its children are sent the announcement directly, recursively, so one dead
 * node cuts off nobody. The originating corporation node sends to an alliance node (the root) and
 * falls back to the next one if it does not acknowledge.
 */
public final class LftNode {
  /** Every limit of the LFT state machine. */
  public record Limits(long ackTimeoutMicros, int seenIdsMax, int pendingAcksMax) {
    public Limits {
      if (ackTimeoutMicros < 1 || seenIdsMax < 1 || pendingAcksMax < 2) {
        throw new IllegalArgumentException("LFT limits must be positive");
      }
    }
  }

  private record Target(Hash id, PublicKey peer) {}

  private record Deadline(long atMicros, long sequence) implements Comparable<Deadline> {
    @Override
    public int compareTo(Deadline o) {
      int c = Long.compare(atMicros, o.atMicros);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  /** An announcement sent and not yet acknowledged; what to do if it never is. */
  private record Pending(
      Target target, TreeMessage.Announce sent, long acBeforeHop, List<PublicKey> fallbackRoots) {}

  private final PublicKey self;
  private final Limits limits;
  private final HopLatency latency;
  private List<PublicKey> members;
  private final SeenIds seen;
  private final TreeMap<Deadline, Pending> pending = new TreeMap<>();
  // Lookup by acknowledgement only; iteration goes through the ordered map above.
  private final Map<Target, Deadline> pendingByTarget = new HashMap<>();
  private long sequence;

  public LftNode(PublicKey self, List<PublicKey> members, Limits limits, HopLatency latency) {
    this.self = self;
    this.limits = limits;
    this.latency = latency;
    this.members = List.copyOf(members);
    this.seen = new SeenIds(limits.seenIdsMax());
  }

  /** The member set changed (a DAO decision): later announcements use the new tree. */
  public void setMembers(List<PublicKey> members) {
    this.members = List.copyOf(members);
  }

  /** Starts a broadcast from this node through the first of the alliance nodes that answers. */
  public List<TreeAction> originate(
      Hash id, Bytes payload, List<PublicKey> allianceNodes, long nowMicros) {
    List<TreeAction> out = new ArrayList<>();
    if (seen.contains(id) || allianceNodes.isEmpty()) {
      return out;
    }
    PublicKey root = allianceNodes.get(0);
    List<PublicKey> fallbacks = allianceNodes.subList(1, allianceNodes.size());
    // An origin that is not the root stays unmarked: its place in the tree still has to forward
    // when the announcement comes down to it; it just does not deliver its own request.
    if (root.equals(self)) {
      seen.add(id);
      forwardToChildren(new TreeMessage.Announce(id, self, self, 0, 0, 0, payload), out, nowMicros);
    } else {
      long ca = latency.oneWayMicros(root);
      send(
          root,
          new TreeMessage.Announce(id, self, root, 0, ca, 0, payload),
          0,
          fallbacks,
          out,
          nowMicros);
    }
    return out;
  }

  public List<TreeAction> onMessage(PublicKey from, TreeMessage message, long nowMicros) {
    List<TreeAction> out = new ArrayList<>();
    switch (message) {
      case TreeMessage.Ack ack -> {
        Deadline d = pendingByTarget.remove(new Target(ack.id(), from));
        if (d != null) {
          pending.remove(d);
        }
      }
      case TreeMessage.Announce a -> onAnnounce(from, a, out, nowMicros);
      case TreeMessage.Sealed s -> {} // TFT traffic is not ours
    }
    return out;
  }

  private void onAnnounce(PublicKey from, TreeMessage.Announce a, List<TreeAction> out, long now) {
    out.add(new TreeAction.Send(from, new TreeMessage.Ack(a.id())));
    if (!seen.add(a.id())) {
      return; // a duplicate: acknowledged, so the sender stops waiting, and dropped
    }
    if (!members.contains(a.root()) || !members.contains(self)) {
      return; // not a tree this node can place itself in
    }
    int hops = a.root().equals(self) ? 0 : a.treeHops();
    RouteSample route =
        RouteSample.cooperative(a.caMicros(), a.root().equals(self) ? 0 : a.acMicros());
    if (!a.origin().equals(self)) {
      out.add(new TreeAction.Deliver(a.id(), a.origin(), a.payload(), hops, route));
    }
    forwardToChildren(a, out, now);
  }

  private void forwardToChildren(TreeMessage.Announce received, List<TreeAction> out, long now) {
    LinkFirstTree tree = LinkFirstTree.of(members, received.root());
    int childHops = received.root().equals(self) ? 1 : received.treeHops() + 1;
    long ac = received.root().equals(self) ? 0 : received.acMicros();
    for (PublicKey child : tree.children(self)) {
      sendToChild(received, child, childHops, ac, out, now);
    }
  }

  private void sendToChild(
      TreeMessage.Announce received,
      PublicKey child,
      int childHops,
      long acSoFar,
      List<TreeAction> out,
      long now) {
    TreeMessage.Announce a =
        new TreeMessage.Announce(
            received.id(),
            received.origin(),
            received.root(),
            childHops,
            received.caMicros(),
            acSoFar + latency.oneWayMicros(child),
            received.payload());
    send(child, a, acSoFar, List.of(), out, now);
  }

  private void send(
      PublicKey to,
      TreeMessage.Announce a,
      long acBeforeHop,
      List<PublicKey> fallbackRoots,
      List<TreeAction> out,
      long now) {
    out.add(new TreeAction.Send(to, a));
    if (pending.size() >= limits.pendingAcksMax()) {
      return; // at the limit, send without the failover: the peer is probably fine anyway
    }
    Deadline d = new Deadline(now + limits.ackTimeoutMicros(), sequence++);
    Target target = new Target(a.id(), to);
    Deadline old = pendingByTarget.put(target, d);
    if (old != null) {
      pending.remove(old);
    }
    pending.put(d, new Pending(target, a, acBeforeHop, List.copyOf(fallbackRoots)));
  }

  /** Handles every acknowledgement deadline at or before {@code nowMicros}. */
  public List<TreeAction> onTick(long nowMicros) {
    List<TreeAction> out = new ArrayList<>();
    while (!pending.isEmpty() && pending.firstKey().atMicros() <= nowMicros) {
      Map.Entry<Deadline, Pending> e = pending.pollFirstEntry();
      Pending p = e.getValue();
      pendingByTarget.remove(p.target());
      out.add(new TreeAction.Skipped(p.target().id(), p.target().peer()));
      TreeMessage.Announce sent = p.sent();
      if (sent.treeHops() == 0) {
        failOverRoot(sent, p.fallbackRoots(), out, nowMicros);
      } else {
        adoptChildren(sent, p.acBeforeHop(), p.target().peer(), out, nowMicros);
      }
    }
    return out;
  }

  private void failOverRoot(
      TreeMessage.Announce sent, List<PublicKey> fallbacks, List<TreeAction> out, long now) {
    if (fallbacks.isEmpty()) {
      return;
    }
    PublicKey root = fallbacks.get(0);
    List<PublicKey> rest = fallbacks.subList(1, fallbacks.size());
    if (root.equals(self)) {
      seen.add(sent.id());
      forwardToChildren(
          new TreeMessage.Announce(sent.id(), self, self, 0, 0, 0, sent.payload()), out, now);
      return;
    }
    TreeMessage.Announce again =
        new TreeMessage.Announce(
            sent.id(), sent.origin(), root, 0, latency.oneWayMicros(root), 0, sent.payload());
    send(root, again, 0, rest, out, now);
  }

  // The skipped child's children get what the child would have sent them, one hop earlier.
  private void adoptChildren(
      TreeMessage.Announce sentToChild,
      long acBeforeHop,
      PublicKey child,
      List<TreeAction> out,
      long now) {
    LinkFirstTree tree = LinkFirstTree.of(members, sentToChild.root());
    for (PublicKey grandchild : tree.children(child)) {
      sendToChild(sentToChild, grandchild, sentToChild.treeHops(), acBeforeHop, out, now);
    }
  }

  /** When {@link #onTick} next has work, if ever. */
  public OptionalLong nextDeadlineMicros() {
    return pending.isEmpty()
        ? OptionalLong.empty()
        : OptionalLong.of(pending.firstKey().atMicros());
  }

  public boolean hasSeen(Hash id) {
    return seen.contains(id);
  }
}
