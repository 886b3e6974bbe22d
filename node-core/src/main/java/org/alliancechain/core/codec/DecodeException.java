package org.alliancechain.core.codec;

/**
 * Bytes that are not the one canonical encoding of a value. Carries a machine-readable reason (for
 * metrics and peer penalties) and a human-readable detail.
 */
public final class DecodeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why bytes were rejected. */
  public enum Reason {
    TRUNCATED,
    TRAILING_BYTES,
    LENGTH_OVER_LIMIT,
    UNKNOWN_KIND,
    NON_CANONICAL,
    INVALID_VALUE
  }

  private final Reason reason;

  public DecodeException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
