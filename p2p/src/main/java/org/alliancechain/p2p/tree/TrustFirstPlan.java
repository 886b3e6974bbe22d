package org.alliancechain.p2p.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.alliancechain.core.crypto.PublicKey;

/**
 * Whom a competitive request goes to and how (paper §IV, SPEC M-7): the providers whose trust value
 * (computed elsewhere, SPEC M-9, as a fixed-point integer) is at or above the threshold, highest
 * trust first (ties by key), and the route. A receiver with a private alliance node may send point
 * to point or through that node; one without can only go through an alliance node. The members left
 * out are kept, for opening the request to them after the deadline.
 *
 * @param trusted providers to send to, in order
 * @param route how the request travels
 * @param via relays on the way, in order (empty for a direct route)
 * @param rest the other members, ascending, for after the deadline
 */
public record TrustFirstPlan(
    List<PublicKey> trusted, RouteKind route, List<PublicKey> via, List<PublicKey> rest) {

  /** A provider and the receiver's trust in it. */
  public record Trust(PublicKey provider, long value) {}

  /** How the receiver asked to send (SPEC M-5 broadcast option). */
  public enum Option {
    DIRECT,
    VIA_PRIVATE_ALLIANCE,
    VIA_ALLIANCE
  }

  public TrustFirstPlan {
    trusted = List.copyOf(trusted);
    via = List.copyOf(via);
    rest = List.copyOf(rest);
  }

  public static TrustFirstPlan of(
      PublicKey receiver,
      List<Trust> trust,
      long threshold,
      Option option,
      Optional<PublicKey> privateAllianceNode,
      PublicKey allianceNode,
      List<PublicKey> members) {
    List<Trust> sorted = new ArrayList<>();
    for (Trust t : trust) {
      if (t.value() >= threshold && !t.provider().equals(receiver)) {
        sorted.add(t);
      }
    }
    sorted.sort(Comparator.comparingLong(Trust::value).reversed().thenComparing(Trust::provider));
    List<PublicKey> trusted = sorted.stream().map(Trust::provider).distinct().toList();
    TreeSet<PublicKey> rest = new TreeSet<>(members);
    rest.remove(receiver);
    rest.removeAll(trusted);
    if (privateAllianceNode.isEmpty() || option == Option.VIA_ALLIANCE) {
      // Without a private alliance node the only way out is an alliance node (M-7).
      return new TrustFirstPlan(
          trusted,
          RouteKind.VIA_ALLIANCE,
          relays(receiver, List.of(allianceNode)),
          List.copyOf(rest));
    }
    return switch (option) {
      case DIRECT -> new TrustFirstPlan(trusted, RouteKind.DIRECT, List.of(), List.copyOf(rest));
      case VIA_PRIVATE_ALLIANCE ->
          new TrustFirstPlan(
              trusted,
              RouteKind.VIA_PRIVATE_ALLIANCE,
              relays(receiver, List.of(privateAllianceNode.get(), allianceNode)),
              List.copyOf(rest));
      case VIA_ALLIANCE -> throw new AssertionError("handled above");
    };
  }

  /**
   * The relays in order, each once and never the receiver itself: a private alliance node that is
   * also the alliance node chosen relays once (it would otherwise forward the box to itself, and
   * the request never arrived), and a receiver that is itself the alliance node sends from there.
   */
  private static List<PublicKey> relays(PublicKey receiver, List<PublicKey> path) {
    List<PublicKey> via = new ArrayList<>();
    for (PublicKey relay : path) {
      if (!relay.equals(receiver) && !via.contains(relay)) {
        via.add(relay);
      }
    }
    return via;
  }
}
