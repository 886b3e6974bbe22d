package org.alliancechain.contracts.interp;

/**
 * Where a contract is in its life (SPEC M-15). Legal moves: DRAFTED to SIGNED (every signer
 * signed), SIGNED to ACTIVE (the window opened), ACTIVE to FULFILLED (everything paid); DRAFTED,
 * SIGNED or ACTIVE to CANCELLED (a party cancelled); SIGNED or ACTIVE to ESCALATED (the interpreter
 * could not decide, or the window closed with payments outstanding).
 */
public enum ContractState {
  DRAFTED,
  SIGNED,
  ACTIVE,
  FULFILLED,
  CANCELLED,
  ESCALATED;

  public boolean terminal() {
    return this == FULFILLED || this == CANCELLED || this == ESCALATED;
  }
}
