package org.alliancechain.contracts.sharing;

/** SPEC M-5, competitive requests only: how far the request travels. */
public enum BroadcastOption {
  /** Point to point to chosen (trusted) providers. */
  PRIVATE,
  /** Through the receiver's private alliance node. */
  PRIVATE_ALLIANCE_NODE,
  /** Alliance-wide through an alliance node. */
  ALLIANCE_WIDE
}
