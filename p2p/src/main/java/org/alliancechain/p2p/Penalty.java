package org.alliancechain.p2p;

/**
 * How much one piece of misbehaviour costs a peer's score (out of {@link
 * org.alliancechain.p2p.flow.PeerScores#SCORE_MAX}). A peer whose score reaches zero is
 * disconnected and banned for a while; the score grows back one point per {@link
 * LinkLimits#scoreRecoveryMillis}, so an honest peer with a rare fault (a bit flip, a restart
 * mid-message) is never banned, while one that keeps sending invalid data soon is.
 */
public enum Penalty {
  /** A message that decoded but failed a check that needs no state (a bad signature or digest). */
  INVALID_MESSAGE("invalid_message", 10),
  /** Bytes on an authenticated link that do not decode as any message of their channel. */
  UNDECODABLE("undecodable", 20),
  /** A frame that breaks the link protocol: unauthenticated, oversized or of an unknown type. */
  PROTOCOL_VIOLATION("protocol_violation", 25),
  /** A protocol above the link saw many invalid messages from the peer (consensus' own tally). */
  REPEATED_INVALID("repeated_invalid", 50);

  private final String label;
  private final int points;

  Penalty(String label, int points) {
    this.label = label;
    this.points = points;
  }

  public String label() {
    return label;
  }

  public int points() {
    return points;
  }
}
