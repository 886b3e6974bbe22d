package org.alliancechain.contracts.interp;

import java.util.Optional;
import java.util.SortedSet;
import org.alliancechain.contracts.interp.Execution.Failure;
import org.alliancechain.contracts.lang.BoundContract;

/**
 * Replacing a contract by an amendment. A draft may always be replaced; once every party signed,
 * only a {@code changeable="true"} contract may be, and only by an amendment signed by every party
 * of both versions; a terminal contract never. The amendment keeps the id and the progress.
 */
public final class Amendments {
  private Amendments() {}

  /** The accepted replacement, or why it was refused. */
  public record Outcome(Optional<BoundContract> accepted, Optional<Failure> failure) {
    static Outcome refused(Failure.Kind kind, String detail) {
      return new Outcome(Optional.empty(), Optional.of(new Failure(kind, detail)));
    }
  }

  public static Outcome amend(
      BoundContract current,
      ContractStatus status,
      BoundContract replacement,
      SortedSet<String> amendmentSignatures) {
    if (status.state().terminal()) {
      return Outcome.refused(Failure.Kind.ALREADY_TERMINAL, "contract is " + status.state());
    }
    if (!replacement.contract().id().equals(current.contract().id())) {
      return Outcome.refused(
          Failure.Kind.INVALID_AMENDMENT,
          "an amendment keeps contract_id "
              + current.contract().id()
              + ", found "
              + replacement.contract().id());
    }
    if (status.state() != ContractState.DRAFTED && !current.contract().attributes().changeable()) {
      return Outcome.refused(
          Failure.Kind.NOT_CHANGEABLE,
          "contract "
              + current.contract().id()
              + " is changeable=\"false\" and was signed by all parties: it can never be amended");
    }
    if (!amendmentSignatures.containsAll(current.signers())
        || !amendmentSignatures.containsAll(replacement.signers())) {
      return Outcome.refused(
          Failure.Kind.MISSING_SIGNATURES,
          "an amendment must be signed by every party of both versions");
    }
    if (replacement.installments() < status.installmentsPaid()) {
      return Outcome.refused(
          Failure.Kind.INVALID_AMENDMENT,
          "already paid "
              + status.installmentsPaid()
              + " installments, the amendment has "
              + replacement.installments());
    }
    return new Outcome(Optional.of(replacement), Optional.empty());
  }
}
