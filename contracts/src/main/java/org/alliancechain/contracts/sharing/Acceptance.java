package org.alliancechain.contracts.sharing;

import java.util.List;

/**
 * The receiver accepts one or more offers (cooperative: several providers, each with a share part;
 * competitive: exactly one).
 */
public record Acceptance(String requestId, List<Accepted> offers) {

  /** One accepted offer and its share part (a positive integer; parts are relative). */
  public record Accepted(String offerId, long sharePart) {}

  public Acceptance {
    offers = List.copyOf(offers);
  }
}
