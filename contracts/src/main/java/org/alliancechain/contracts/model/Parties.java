package org.alliancechain.contracts.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is bound: beneficiaries (providers, paid), the obligor (receiver) and an optional third party
 * (arbiter; {@code nil} when absent).
 */
public record Parties(List<Party> beneficiaries, Party obligor, Optional<Party> thirdParty) {
  public Parties {
    beneficiaries = List.copyOf(beneficiaries);
  }

  /**
   * The parties that sign, in {@code actN} order: beneficiaries as listed, then the obligor. So in
   * Listing 1 {@code act1} is Provider_1, {@code act2} Provider_2 and {@code act3} the receiver.
   * The third party is an arbiter and does not sign.
   */
  public List<Party> signers() {
    List<Party> out = new ArrayList<>(beneficiaries);
    out.add(obligor);
    return List.copyOf(out);
  }

  /** Every party including the third, for address lookups. */
  public List<Party> all() {
    List<Party> out = new ArrayList<>(signers());
    thirdParty.ifPresent(out::add);
    return List.copyOf(out);
  }
}
