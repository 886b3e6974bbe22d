package org.alliancechain.contracts.xml;

import java.util.List;
import java.util.stream.Collectors;

/** A contract document that was rejected, with every error found (at least one). */
public final class ContractException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial") // an immutable List.copyOf; this exception is never serialized
  private final List<ContractError> errors;

  public ContractException(List<ContractError> errors) {
    super(errors.stream().map(ContractError::message).collect(Collectors.joining("; ")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public ContractException(ContractError error) {
    this(List.of(error));
  }

  public List<ContractError> errors() {
    return errors;
  }

  public ContractError first() {
    return errors.get(0);
  }
}
