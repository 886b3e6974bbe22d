package org.alliancechain.core.crypto;

/** Text that is not the printable form of an {@link Address}, with a machine-readable reason. */
public final class AddressFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why the text was refused. */
  public enum Reason {
    WRONG_PREFIX,
    WRONG_LENGTH,
    NOT_LOWER_CASE_HEX,
    WRONG_CHECKSUM
  }

  private final Reason reason;

  public AddressFormatException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
