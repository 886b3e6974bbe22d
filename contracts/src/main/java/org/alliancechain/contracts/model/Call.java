package org.alliancechain.contracts.model;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A function call such as {@code token (share, amount)}: the one term of the expression language.
 */
public record Call(String function, List<Arg> args) {
  public Call {
    args = List.copyOf(args);
  }

  public static Call of(String function, Arg... args) {
    return new Call(function, List.of(args));
  }

  /** A call whose arguments are all references: {@code Call.refs("date", "start", "end")}. */
  public static Call refs(String function, String... names) {
    return new Call(function, java.util.Arrays.stream(names).map(Arg::ref).toList());
  }

  public int arity() {
    return args.size();
  }

  /** The printed form, {@code name (a, b)}, as in the paper's listings. */
  @Override
  public String toString() {
    return function
        + " ("
        + args.stream().map(Arg::toString).collect(Collectors.joining(", "))
        + ")";
  }
}
