package org.alliancechain.p2p;

import org.alliancechain.core.crypto.PublicKey;

/** Link events, called from I/O threads: implementations must be quick and thread-safe. */
public interface PeerListener {
  void onConnected(PublicKey peer);

  void onDisconnected(PublicKey peer, String reason);

  PeerListener NONE =
      new PeerListener() {
        @Override
        public void onConnected(PublicKey peer) {}

        @Override
        public void onDisconnected(PublicKey peer, String reason) {}
      };
}
