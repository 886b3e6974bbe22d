package org.alliancechain.p2p.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;

/**
 * One node's part in trust-first dissemination (paper §IV, SPEC M-7), as a pure state machine. As
 * receiver it seals the request to each trusted provider and sends it along the plan's route; as a
 * relay it forwards boxes it cannot read; as a provider it opens and delivers. If no trusted
 * provider answered by the deadline, the request is opened to the rest of the alliance.
 */
public final class TftNode {
  /** Every limit of the TFT state machine. */
  public record Limits(int seenIdsMax, int openRequestsMax) {
    public Limits {
      if (seenIdsMax < 1 || openRequestsMax < 1) {
        throw new IllegalArgumentException("TFT limits must be positive");
      }
    }
  }

  private record Open(
      TrustFirstPlan plan, Bytes payload, long deadlineMicros, boolean openToRest) {}

  private final PublicKey self;
  private final Limits limits;
  private final HopLatency latency;
  private final PayloadSealer sealer;
  private final SeenIds seen;
  // Insertion order = origination order; the tick scans it in that order.
  private final Map<Hash, Open> open = new LinkedHashMap<>();

  public TftNode(PublicKey self, Limits limits, HopLatency latency, PayloadSealer sealer) {
    this.self = self;
    this.limits = limits;
    this.latency = latency;
    this.sealer = sealer;
    this.seen = new SeenIds(limits.seenIdsMax());
  }

  /** Sends a request to the plan's trusted providers; refused (empty) at the open-request limit. */
  public List<TreeAction> originate(
      Hash id, Bytes payload, TrustFirstPlan plan, long deadlineMicros, boolean openToRest) {
    List<TreeAction> out = new ArrayList<>();
    if (open.size() >= limits.openRequestsMax() || !seen.add(id)) {
      return out;
    }
    open.put(id, new Open(plan, payload, deadlineMicros, openToRest));
    sendTo(id, payload, plan, plan.trusted(), out);
    return out;
  }

  private void sendTo(
      Hash id,
      Bytes payload,
      TrustFirstPlan plan,
      List<PublicKey> recipients,
      List<TreeAction> out) {
    for (PublicKey recipient : recipients) {
      // A recipient that is itself a relay of the plan (the alliance node) is the path's end.
      int at = plan.via().indexOf(recipient);
      List<PublicKey> via = at < 0 ? plan.via() : plan.via().subList(0, at);
      PublicKey first = via.isEmpty() ? recipient : via.get(0);
      TreeMessage.Sealed s =
          new TreeMessage.Sealed(
              id,
              self,
              recipient,
              plan.route(),
              via,
              List.of(latency.oneWayMicros(first)),
              sealer.seal(recipient, payload));
      out.add(new TreeAction.Send(first, s));
    }
  }

  /** A trusted provider answered (an offer arrived): no need to open the request. */
  public void onAnswered(Hash id) {
    open.remove(id);
  }

  public List<TreeAction> onMessage(PublicKey from, TreeMessage message) {
    List<TreeAction> out = new ArrayList<>();
    if (message instanceof TreeMessage.Sealed s) {
      if (s.recipient().equals(self)) {
        deliver(s, out);
      } else {
        relay(s, out);
      }
    }
    return out;
  }

  private void relay(TreeMessage.Sealed s, List<TreeAction> out) {
    int travelled = s.hopMicros().size();
    // Only the relay the path names for this hop forwards, and never past the path's end.
    if (travelled > s.via().size() || !s.via().get(travelled - 1).equals(self)) {
      return;
    }
    PublicKey next = travelled < s.via().size() ? s.via().get(travelled) : s.recipient();
    if (next.equals(self)) {
      return; // a path naming this relay twice in a row: no plan of ours makes one
    }
    List<Long> hops = new ArrayList<>(s.hopMicros());
    hops.add(latency.oneWayMicros(next));
    out.add(
        new TreeAction.Send(
            next,
            new TreeMessage.Sealed(
                s.id(), s.origin(), s.recipient(), s.route(), s.via(), hops, s.box())));
  }

  private void deliver(TreeMessage.Sealed s, List<TreeAction> out) {
    if (s.hopMicros().size() != s.via().size() + 1
        || s.hopMicros().size() > s.route().hops()
        || !seen.add(s.id())) {
      return;
    }
    // A path cut short at a relay that is the recipient counts the hops it did not take as 0.
    List<Long> h = new ArrayList<>(s.hopMicros());
    while (h.size() < s.route().hops()) {
      h.add(0L);
    }
    var opened = sealer.open(s.box());
    if (opened.isEmpty() || !opened.get().sender().equals(s.origin())) {
      return;
    }
    RouteSample route =
        switch (s.route()) {
          case VIA_PRIVATE_ALLIANCE -> RouteSample.viaPrivateAlliance(h.get(0), h.get(1), h.get(2));
          case VIA_ALLIANCE -> RouteSample.viaAlliance(h.get(0), h.get(1));
          case DIRECT -> RouteSample.direct(h.get(0));
        };
    out.add(
        new TreeAction.Deliver(
            s.id(), s.origin(), opened.get().payload(), s.hopMicros().size(), route));
  }

  /** The earliest deadline of an open request, if any. */
  public java.util.OptionalLong nextDeadlineMicros() {
    return open.values().stream().mapToLong(Open::deadlineMicros).min();
  }

  /** Opens the requests whose deadline passed unanswered. */
  public List<TreeAction> onTick(long nowMicros) {
    List<TreeAction> out = new ArrayList<>();
    var it = open.entrySet().iterator();
    while (it.hasNext()) {
      var e = it.next();
      Open o = e.getValue();
      if (o.deadlineMicros() > nowMicros) {
        continue;
      }
      it.remove();
      if (o.openToRest() && !o.plan().rest().isEmpty()) {
        sendTo(e.getKey(), o.payload(), o.plan(), o.plan().rest(), out);
        out.add(new TreeAction.OpenedToRest(e.getKey(), o.plan().rest().size()));
      }
    }
    return out;
  }
}
