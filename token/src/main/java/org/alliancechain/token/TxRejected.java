package org.alliancechain.token;

/**
 * An expected rejection of a transaction (bad input or a rule it breaks), with a machine-readable
 * reason code. Thrown from deep inside execution and turned into a failed {@code TxOutcome} at one
 * place ({@link TokenApplication#execute}); the transaction's writes are then discarded.
 */
public final class TxRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public TxRejected(String reason, String detail) {
    super(reason + ": " + detail, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }

  public String detail() {
    String message = getMessage();
    return message.substring(reason.length() + 2);
  }

  public static void require(boolean condition, String reason, String detail) {
    if (!condition) {
      throw new TxRejected(reason, detail);
    }
  }
}
