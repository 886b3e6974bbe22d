package org.alliancechain.token.issuance;

import java.util.List;
import org.alliancechain.core.crypto.PublicKey;

/**
 * A verified consequence of a contract, as the contract engine (the contracts module's interpreter)
 * reports it to the ledger. This is the narrow boundary between contracts and token: the engine
 * decides what a contract says; the ledger moves money at once and turns token effects into
 * issuance at the end of the block (the TCA, SPEC M-27).
 */
public sealed interface ContractEffect {
  String contractId();

  /** All parties signed: the ledger starts tracking the contract. */
  record Registered(
      String contractId,
      PublicKey receiver,
      List<ProviderShare> providers,
      long tokenAmount,
      boolean monetary,
      String resourceType)
      implements ContractEffect {
    public Registered {
      providers = List.copyOf(providers);
    }
  }

  /** The receiver's node acknowledged the resource: {@code resources(transferred)} holds. */
  record TransferVerified(String contractId) implements ContractEffect {}

  /** Every precondition held and the performance executed. */
  record Executed(String contractId) implements ContractEffect {}

  /**
   * Tokens the contract pays a provider (a payment, one installment, or a bonus). In competitive
   * mode {@code quality} says whether the quality rules held; {@code UNDECIDABLE} carries the kind
   * of case ({@code caseKind}, e.g. {@code patent_value:missing_metadata}) for precedents.
   */
  record TokenPayment(
      String contractId,
      PublicKey provider,
      long amount,
      PaymentKind kind,
      Quality quality,
      String caseKind)
      implements ContractEffect {}

  record EscrowLock(String contractId, PublicKey from, long money) implements ContractEffect {}

  record EscrowRelease(String contractId, PublicKey to, long money) implements ContractEffect {}

  /**
   * {@code cancellation_fee(amount, ...)}: the cancelling party pays {@code tokens} to the other
   * party (in tokens, as the contracts interpreter defines the remedy).
   */
  record CancellationFee(String contractId, PublicKey from, PublicKey to, long tokens)
      implements ContractEffect {}

  record Cancelled(String contractId, PublicKey by) implements ContractEffect {}

  /** The interpreter escalated (a dispute, a failed precondition it cannot resolve). */
  record Escalated(String contractId, String reason) implements ContractEffect {}

  /** The token-issuing system cannot identify the content of the contract. */
  record Uninterpretable(String contractId, String reason) implements ContractEffect {}

  /** The contract failed (deadline passed unfulfilled, step budget exhausted...). */
  record Failed(String contractId, String reason) implements ContractEffect {}

  /** The kind of a token payment. */
  enum PaymentKind {
    PAYMENT,
    INSTALLMENT,
    BONUS
  }

  /** The quality verdict on a payment (always PASSED in cooperative mode). */
  enum Quality {
    PASSED,
    FAILED,
    UNDECIDABLE
  }
}
