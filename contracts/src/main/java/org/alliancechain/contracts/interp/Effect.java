package org.alliancechain.contracts.interp;

/**
 * What an execution asks the ledger application to do. The interpreter moves nothing itself; the
 * token module applies these in order, in the same block.
 */
public sealed interface Effect
    permits Effect.TokenPayment,
        Effect.Installment,
        Effect.BonusPayment,
        Effect.MoneyTransfer,
        Effect.CancellationFee,
        Effect.Escalation {

  /** Issue {@code amount} contribution tokens to {@code to} (a one-shot reward share). */
  record TokenPayment(String to, long amount) implements Effect {}

  /**
   * Installment {@code index} (0-based) of {@code of}: issue {@code amount} tokens to {@code to}.
   */
  record Installment(int index, int of, String to, long amount) implements Effect {}

  /** A bonus rule held: issue {@code amount} tokens to {@code to}. */
  record BonusPayment(String to, long amount) implements Effect {}

  /**
   * Move {@code amount} money (minor units) out of the escrow of {@code contractId} to {@code to}.
   */
  record MoneyTransfer(String contractId, String to, long amount) implements Effect {}

  /** The remedy: the cancelling party {@code from} pays {@code amount} tokens to {@code to}. */
  record CancellationFee(String from, String to, long amount) implements Effect {}

  /** Hand the contract to the regulatory committee, with why. */
  record Escalation(Reason reason, String detail) implements Effect {
    /** Why the interpreter could not settle the contract itself. */
    public enum Reason {
      UNKNOWN_FUNCTION,
      MISSING_METADATA,
      QUALITY_NOT_MET,
      WINDOW_EXPIRED,
      STEP_BUDGET_EXCEEDED
    }
  }
}
