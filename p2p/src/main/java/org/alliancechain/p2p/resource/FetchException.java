package org.alliancechain.p2p.resource;

/** A fetch that did not produce the resource bound on chain; nothing of it was kept. */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why, machine-readable. */
  public enum Reason {
    /** The provider's node refused to serve it (not a party, not bound, not stored, busy). */
    REFUSED,
    /** No answer within the deadline, after the allowed attempts. */
    TIMEOUT,
    /** The bytes received do not hash to the hash bound on chain. */
    HASH_MISMATCH,
    /** More or fewer bytes than the size bound on chain. */
    SIZE_MISMATCH,
    /** An answer that does not fit the request (wrong chunk, bad count). */
    MALFORMED,
    /** The local store failed. */
    STORE
  }

  private final Reason reason;

  public FetchException(Reason reason, String detail) {
    super(reason.name().toLowerCase(java.util.Locale.ROOT) + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
