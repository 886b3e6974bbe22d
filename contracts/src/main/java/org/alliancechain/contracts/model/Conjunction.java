package org.alliancechain.contracts.model;

import java.util.List;
import java.util.stream.Collectors;

/** Terms joined by {@code &} / {@code and}: holds when every term holds. */
public record Conjunction(List<Call> terms) {
  public Conjunction {
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a conjunction has at least one term");
    }
  }

  public static Conjunction of(Call... terms) {
    return new Conjunction(List.of(terms));
  }

  /** The printed form; the printer escapes the ampersand for XML. */
  @Override
  public String toString() {
    return terms.stream().map(Call::toString).collect(Collectors.joining(" & "));
  }
}
