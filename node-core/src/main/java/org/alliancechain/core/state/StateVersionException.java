package org.alliancechain.core.state;

/** A read or proof asked for a version the store does not hold. */
public final class StateVersionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the version is not available. */
  public enum Reason {
    /** Older than the oldest kept version. */
    PRUNED,
    /** Newer than the newest written version. */
    NOT_YET_WRITTEN
  }

  private final Reason reason;
  private final long version;

  public StateVersionException(Reason reason, long version, String detail) {
    super(reason + ": state version " + version + ": " + detail);
    this.reason = reason;
    this.version = version;
  }

  public Reason reason() {
    return reason;
  }

  public long version() {
    return version;
  }
}
