package org.alliancechain.core.crypto;

/** The key file is intact but the passphrase does not decrypt it. */
public final class WrongPassphraseException extends KeyFileException {
  private static final long serialVersionUID = 1L;

  public WrongPassphraseException() {
    super(Reason.WRONG_PASSPHRASE, "the passphrase does not decrypt this key file");
  }
}
