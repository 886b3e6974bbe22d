package org.alliancechain.contracts.sharing;

/** The result of a lifecycle step: the new value, or why the step was refused. */
public sealed interface Outcome<T> permits Outcome.Ok, Outcome.Rejected {

  record Ok<T>(T value) implements Outcome<T> {}

  record Rejected<T>(Reason reason, String detail) implements Outcome<T> {}

  /** Machine-readable refusal. */
  enum Reason {
    INVALID_REQUEST,
    INVALID_OFFER,
    DEADLINE_PASSED,
    WRONG_PHASE,
    NOT_REQUESTER,
    SELF_OFFER,
    DUPLICATE_OFFER,
    TOO_MANY_OFFERS,
    UNKNOWN_OFFER,
    OFFER_REJECTED,
    COMPETITIVE_SINGLE_PROVIDER,
    DUPLICATE_CONTRACT_ID,
    INVALID_CONTRACT
  }

  static <T> Outcome<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> Outcome<T> rejected(Reason reason, String detail) {
    return new Rejected<>(reason, detail);
  }

  /** The value, or an {@link IllegalStateException} naming the refusal (for tests and callers). */
  default T orElseThrow() {
    return switch (this) {
      case Ok<T> ok -> ok.value();
      case Rejected<T> rejected ->
          throw new IllegalStateException(rejected.reason() + ": " + rejected.detail());
    };
  }
}
