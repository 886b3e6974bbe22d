package org.alliancechain.p2p.secure;

/** A handshake or sealed message that must be refused, with a machine-readable reason. */
public final class HandshakeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the bytes were refused. */
  public enum Reason {
    MALFORMED,
    BAD_VERSION,
    WEAK_KEY,
    DECRYPT_FAILED,
    BAD_SIGNATURE,
    UNEXPECTED_PEER,
    OUT_OF_ORDER
  }

  private final Reason reason;

  public HandshakeException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
