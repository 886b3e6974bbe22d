package org.alliancechain.contracts.interp;

import java.util.Optional;

/**
 * What the ledger stores about a running contract besides its document: the state, how many
 * installments were paid, whether the quality and bonus rules were judged (once, at the first
 * payment) and whether escrowed money was released; and, in a terminal state, why.
 */
public record ContractStatus(
    ContractState state,
    int installmentsPaid,
    boolean qualityJudged,
    boolean bonusPaid,
    boolean escrowReleased,
    Optional<String> reason) {

  public static ContractStatus drafted() {
    return new ContractStatus(ContractState.DRAFTED, 0, false, false, false, Optional.empty());
  }

  ContractStatus withState(ContractState next, String why) {
    return new ContractStatus(
        next, installmentsPaid, qualityJudged, bonusPaid, escrowReleased, Optional.of(why));
  }

  ContractStatus withInstallmentsPaid(int paid) {
    return new ContractStatus(state, paid, qualityJudged, bonusPaid, escrowReleased, reason);
  }

  ContractStatus withQualityJudged(boolean bonus) {
    return new ContractStatus(state, installmentsPaid, true, bonus, escrowReleased, reason);
  }

  ContractStatus withEscrowReleased() {
    return new ContractStatus(state, installmentsPaid, qualityJudged, bonusPaid, true, reason);
  }
}
