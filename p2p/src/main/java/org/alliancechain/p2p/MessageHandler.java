package org.alliancechain.p2p;

import org.alliancechain.core.crypto.PublicKey;

/**
 * Receives the messages of authenticated members, one at a time on the network's dispatch thread,
 * taken from the peers' inbound queues in turn. It must not block for long (hand the message to its
 * own bounded inbox) and must not throw: a throwing handler is a bug and stops the network.
 */
@FunctionalInterface
public interface MessageHandler {
  void onMessage(PublicKey sender, byte[] message);
}
