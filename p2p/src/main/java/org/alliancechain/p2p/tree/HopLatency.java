package org.alliancechain.p2p.tree;

import org.alliancechain.core.crypto.PublicKey;

/**
 * The estimated one-way time of the link to a peer, in microseconds: half the last keepalive round
 * trip ({@code PeerNetwork.roundTripMicros}). Halving a round trip needs no synchronized clocks,
 * which one-way timestamps between members' machines would.
 */
@FunctionalInterface
public interface HopLatency {
  long oneWayMicros(PublicKey peer);
}
