package org.alliancechain.core.store;

/**
 * The store cannot be opened or used. {@link #reason()} is machine-readable (for the CLI's exit
 * code and tests); the message says what to do. An open that fails with any reason has written
 * nothing to the data folder.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the store failed. */
  public enum Reason {
    /** Another process (or this one) has the data folder open. */
    LOCKED,
    /** The store was written by another schema version of this software. */
    SCHEMA_MISMATCH,
    /** The store belongs to another chain. */
    CHAIN_MISMATCH,
    /** Files are damaged or missing, or stored values do not decode. */
    CORRUPT,
    /** The folder holds files that are not a store. */
    NOT_A_STORE,
    /** The operating system refused a read or write. */
    IO
  }

  private final Reason reason;

  public StoreException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public StoreException(Reason reason, String detail, Throwable cause) {
    super(reason + ": " + detail, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
