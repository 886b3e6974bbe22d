package org.alliancechain.consensus.sim;

/**
 * Scripted Byzantine behaviours. The node runs an honest replica and the simulator rewrites what it
 * sends, so every faulty message is signed with the node's real key.
 */
public enum Behavior {
  HONEST,
  /** Sends nothing and serves no sync. */
  SILENT,
  /**
   * As primary, sends two different pre-prepares for each sequence number (half the replicas get
   * each) and withholds its commits from the half that got the second one.
   */
  EQUIVOCATE,
  /** Corrupts the signature of every other message it sends. */
  BAD_SIGNATURE,
  /** As primary, proposes blocks whose header does not match their body (digest mismatch). */
  BAD_DIGEST,
  /** Re-sends messages from earlier views at random, next to its normal traffic. */
  REPLAY_OLD,
  /** Withholds every message from a fixed third of the replicas. */
  WITHHOLD,
  /**
   * As a new primary, replaces the pre-prepares its new-view should carry with empty blocks (and
   * withholds its commits from half the replicas so that some of them lag).
   */
  LYING_NEW_VIEW,
  /** One of two instances running with the same validator key, each seeing part of the network. */
  TWIN
}
