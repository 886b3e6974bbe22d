package org.alliancechain.p2p;

/**
 * What became of a message handed to the network. Links are best-effort, like the network under
 * them: upper layers (consensus, trees) retransmit on their own timers.
 */
public enum SendResult {
  /** Queued on an established link. */
  QUEUED,
  /** No established link to that peer now. */
  NOT_CONNECTED,
  /** The peer's outbound queue is at its byte limit: the peer reads too slowly. Dropped. */
  QUEUE_FULL,
  /** Larger than {@link LinkLimits#frameBytesMax}. Dropped. */
  TOO_LARGE,
  /** The destination is this node. */
  SELF
}
