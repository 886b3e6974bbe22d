package org.alliancechain.core.app;

import org.alliancechain.core.Bytes;

/**
 * The result of executing one transaction. A failed transaction is still in the block (its nonce is
 * used) but its state writes are discarded; {@code code} says why.
 *
 * @param events application events in canonical bytes (for receipts and the event stream)
 */
public record TxOutcome(boolean success, String code, String detail, Bytes events) {
  public static TxOutcome ok(Bytes events) {
    return new TxOutcome(true, "ok", "", events);
  }

  public static TxOutcome ok() {
    return ok(Bytes.EMPTY);
  }

  public static TxOutcome failed(String code, String detail) {
    return new TxOutcome(false, code, detail, Bytes.EMPTY);
  }
}
