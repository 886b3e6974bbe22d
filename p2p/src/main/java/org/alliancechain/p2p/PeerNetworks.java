package org.alliancechain.p2p;

import org.alliancechain.p2p.netty.NettyPeerNetwork;

/** Starts peer networks; keeps the Netty implementation out of the callers' sight. */
public final class PeerNetworks {
  private PeerNetworks() {}

  /** Binds, starts dialing the members this node dials, and returns once it listens. */
  public static PeerNetwork start(
      PeerNetworkConfig config,
      PeerDirectory directory,
      MessageHandler handler,
      PeerListener listener)
      throws java.io.IOException {
    return NettyPeerNetwork.start(config, directory, handler, listener);
  }
}
