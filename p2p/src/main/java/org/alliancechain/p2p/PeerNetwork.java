package org.alliancechain.p2p;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.alliancechain.core.crypto.PublicKey;

/**
 * Authenticated, encrypted, framed links to the other members. Of each pair of members, the one
 * with the smaller key dials and redials (with backoff and jitter); the other only accepts. Start
 * one with {@link PeerNetworks#start}.
 */
public interface PeerNetwork extends AutoCloseable {
  /** The port it listens on (useful when bound to port 0). */
  int port();

  PublicKey self();

  SendResult send(PublicKey peer, byte[] message);

  /** Sends to every connected member; the result per member. */
  Map<PublicKey, SendResult> broadcast(byte[] message);

  Set<PublicKey> connectedPeers();

  /** The last measured round trip to the peer (keepalive ping), if any. */
  OptionalLong roundTripMicros(PublicKey peer);

  long rejectCount(RejectReason reason);

  /** Every reject counter, in enum order. */
  Map<RejectReason, Long> rejectCounts();

  /** Times reading from a peer was paused by its rate or inbound queue limit. */
  long throttleCount();

  /**
   * Lowers the peer's score for misbehaviour seen above the link (an invalid or undecodable
   * message); at zero its link closes and it is banned for a while (see {@link Penalty}). Any
   * thread. Only call it for the authenticated sender of the bytes, never for a key a message
   * merely names, or a liar could get an honest member banned.
   */
  void penalize(PublicKey peer, Penalty penalty);

  /** The peer's current score, out of {@link org.alliancechain.p2p.flow.PeerScores#SCORE_MAX}. */
  long score(PublicKey peer);

  long penaltyCount(Penalty penalty);

  /** Bans imposed since start. */
  long banCount();

  /** Members banned right now. */
  int bannedCount();

  /** Re-reads the directory: drops links to removed members, dials new ones. */
  void membershipChanged();

  /** Closes every link and stops every thread; waits for them. */
  @Override
  void close();
}
