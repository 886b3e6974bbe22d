package org.alliancechain.p2p;

/** Why a connection or a frame was refused; each has a counter (metrics label {@link #label}). */
public enum RejectReason {
  /** The handshake proved a key that is not in the {@link PeerDirectory}. */
  NOT_MEMBER("not_member"),
  /** A handshake message was malformed, failed authentication or carried a bad signature. */
  BAD_HANDSHAKE("bad_handshake"),
  /** More than {@link LinkLimits#handshakesPendingMax} connections were in their handshake. */
  TOO_MANY_HANDSHAKES("too_many_handshakes"),
  /** The handshake did not finish within {@link LinkLimits#handshakeTimeoutMillis}. */
  HANDSHAKE_TIMEOUT("handshake_timeout"),
  /** A length prefix above the limit of the link's state; refused before reading the body. */
  FRAME_TOO_LARGE("frame_too_large"),
  /** A frame on an established link that failed authentication (garbage, replay, reorder). */
  BAD_FRAME("bad_frame"),
  /** An authenticated frame of a kind this version does not know. */
  UNKNOWN_FRAME_TYPE("unknown_frame_type"),
  /** Nothing arrived (not even a ping) within {@link LinkLimits#idleTimeoutMillis}. */
  IDLE_TIMEOUT("idle_timeout"),
  /** The peer's inbound queue was over its hard limit even though reading was paused. */
  INBOUND_OVERFLOW("inbound_overflow"),
  /**
   * More than {@link LinkLimits#handshakesPerAddressMax} connections from one IP address were in
   * their handshake.
   */
  TOO_MANY_HANDSHAKES_FROM_ADDRESS("too_many_handshakes_from_address"),
  /** The handshake proved a member whose score reached zero and whose ban has not ended. */
  BANNED("banned"),
  /**
   * A connection from an address where a banned member proved its key, within {@link
   * LinkLimits#bannedAddressHandshakeIntervalMillis} of the last handshake from it; closed before
   * any crypto.
   */
  BANNED_ADDRESS("banned_address");

  private final String label;

  RejectReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
