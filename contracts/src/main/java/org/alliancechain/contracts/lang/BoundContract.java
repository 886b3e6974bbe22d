package org.alliancechain.contracts.lang;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.alliancechain.contracts.model.Arg;
import org.alliancechain.contracts.model.Contract;

/**
 * A validated contract with every placeholder bound and resolved to typed values: what the
 * interpreter runs. Only {@link ContractValidator} creates one.
 */
public record BoundContract(
    Contract contract,
    List<String> signers,
    List<String> payees,
    List<Long> shareParts,
    long amount,
    Optional<Window> window,
    int installments,
    Optional<Payment> bonus,
    Optional<Fee> remedy,
    long escrowAmount,
    SortedMap<String, String> values) {

  /** {@code date (start, end)}, in block-time seconds, both inclusive. */
  public record Window(long startSeconds, long endSeconds) {}

  /** {@code token (amount, address)}. */
  public record Payment(long amount, String to) {}

  /** {@code cancellation_fee (amount, first, second)}. */
  public record Fee(long amount, String first, String second) {}

  public BoundContract {
    signers = List.copyOf(signers);
    payees = List.copyOf(payees);
    shareParts = List.copyOf(shareParts);
  }

  /** The bound value of an argument: a literal as written, a reference through the parameters. */
  public Optional<String> value(Arg arg) {
    return switch (arg) {
      case Arg.Literal literal -> Optional.of(Long.toString(literal.value()));
      case Arg.Ref ref -> Optional.ofNullable(values.get(ref.name()));
    };
  }
}
