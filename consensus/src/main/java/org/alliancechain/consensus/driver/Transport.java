package org.alliancechain.consensus.driver;

import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.tx.Transaction;

/**
 * What consensus needs from the network (the consumer owns the port, STYLE.md item 9). Messages are
 * already canonical bytes; the implementation (Netty in p2p, or {@link InMemoryNetwork})
 * authenticates peers and hands inbound bytes to {@link ConsensusDriver#onMessage}.
 */
public interface Transport {
  void send(PublicKey to, byte[] message);

  void broadcast(byte[] message);

  /** Hands a transaction this node created (evidence) to every validator's mempool. */
  void gossip(Transaction tx);

  /** The peer keeps sending invalid messages; the transport may throttle or drop it. */
  void penalize(PublicKey peer);
}
