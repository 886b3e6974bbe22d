package org.alliancechain.p2p;

import org.alliancechain.p2p.metrics.MetricsRegistry;
import org.alliancechain.p2p.tree.CommTimes;
import org.alliancechain.p2p.tree.TreeService;

/** Publishes the peer links' and the trees' figures in a {@link MetricsRegistry}. */
public final class P2pMetrics {
  private P2pMetrics() {}

  public static void register(MetricsRegistry registry, PeerNetwork network) {
    registry.gauge(
        "p2p_peers_connected",
        "members with an established link",
        () -> network.connectedPeers().size());
    for (RejectReason reason : RejectReason.values()) {
      registry.counterFrom(
          "p2p_rejected_total",
          "connections and frames refused, by reason",
          () -> network.rejectCount(reason),
          "reason",
          reason.label());
    }
    registry.counterFrom(
        "p2p_throttled_total", "times reading from a peer was paused", network::throttleCount);
    for (Penalty penalty : Penalty.values()) {
      registry.counterFrom(
          "p2p_penalties_total",
          "score penalties given to peers, by kind",
          () -> network.penaltyCount(penalty),
          "kind",
          penalty.label());
    }
    registry.counterFrom("p2p_bans_total", "peers banned since start", network::banCount);
    registry.gauge("p2p_peers_banned", "members banned right now", network::bannedCount);
  }

  /** f_ACO (paper eq. 1) and f_ACM (eq. 3) with their route counts (SPEC M-8). */
  public static void register(MetricsRegistry registry, TreeService trees) {
    CommTimes t = trees.commTimes();
    registry.gauge(
        "tree_f_aco_microseconds",
        "paper eq. (1) average route time",
        () -> t.cooperative().averageMicros());
    registry.gauge("tree_f_aco_routes", "N of eq. (1)", () -> t.cooperative().routes());
    registry.gauge(
        "tree_f_acm_microseconds",
        "paper eq. (3) average route time",
        () -> t.competitive().averageMicros());
    registry.gauge(
        "tree_f_acm_private_routes", "N_P of eq. (3)", () -> t.competitive().privateRoutes());
    registry.gauge(
        "tree_f_acm_non_private_routes",
        "N_NP of eq. (3)",
        () -> t.competitive().nonPrivateRoutes());
    registry.counterFrom(
        "tree_children_skipped_total",
        "LFT children that did not acknowledge",
        trees::skippedCount);
    registry.counterFrom(
        "tree_malformed_total", "tree messages that did not decode", trees::malformedCount);
  }
}
