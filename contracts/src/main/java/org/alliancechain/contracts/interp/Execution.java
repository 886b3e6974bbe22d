package org.alliancechain.contracts.interp;

import java.util.List;
import java.util.Optional;

/**
 * The result of one interpreter call: the new status, the effects to apply (in order), the steps
 * used (never more than the budget), and, when the call was refused or failed, why.
 */
public record Execution(
    ContractStatus status, List<Effect> effects, long stepsUsed, Optional<Failure> failure) {

  public Execution {
    effects = List.copyOf(effects);
  }

  /** A refused or failed call. Refusals leave the status unchanged and have no effects. */
  public record Failure(Kind kind, String detail) {
    /** Machine-readable failure. */
    public enum Kind {
      STEP_BUDGET_EXCEEDED,
      NOT_A_PARTY,
      ALREADY_TERMINAL,
      NOT_CHANGEABLE,
      MISSING_SIGNATURES,
      INVALID_AMENDMENT
    }
  }
}
