package org.alliancechain.core.crypto;

/**
 * A key file that cannot be opened, with a machine-readable reason. A wrong passphrase is the
 * subclass {@link WrongPassphraseException}, so that callers can ask again without treating the
 * file as damaged.
 */
public class KeyFileException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the key file was refused. */
  public enum Reason {
    /** The file does not start with the key file magic bytes. */
    NOT_A_KEY_FILE,
    /** A key file of a format version this build does not read. */
    UNSUPPORTED_VERSION,
    /** The file ends before the format says it should. */
    TRUNCATED,
    /** The file's integrity checksum fails, or it has trailing bytes: it was damaged. */
    CORRUPT,
    /** Intact, but names a KDF, cipher or KDF cost outside what this build accepts. */
    UNSUPPORTED_PARAMETERS,
    /** Intact, but the passphrase does not decrypt it. */
    WRONG_PASSPHRASE
  }

  private final Reason reason;

  public KeyFileException(Reason reason, String detail) {
    super(reason + ": " + detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
