package org.alliancechain.contracts.sharing;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One request's whole story as the ledger keeps it: the request, the offers received in order, the
 * offers rejected, the accepted offers with their shares, the phase, and the contract drafted from
 * them.
 */
public record SharingCase(
    Request request,
    List<Offer> offers,
    SortedSet<String> rejectedOfferIds,
    List<Acceptance.Accepted> accepted,
    Phase phase,
    Optional<String> contractId) {

  /**
   * OPEN (taking offers) → ACCEPTED → CONTRACT_DRAFTED → SIGNED → ACTIVE → FULFILLED, CANCELLED or
   * ESCALATED (the last five mirror the contract's state); OPEN → EXPIRED when the deadline passes
   * with nothing accepted; OPEN or ACCEPTED → WITHDRAWN by the requester.
   */
  public enum Phase {
    OPEN,
    ACCEPTED,
    CONTRACT_DRAFTED,
    SIGNED,
    ACTIVE,
    FULFILLED,
    CANCELLED,
    ESCALATED,
    EXPIRED,
    WITHDRAWN
  }

  public SharingCase {
    offers = List.copyOf(offers);
    rejectedOfferIds = Collections.unmodifiableSortedSet(new TreeSet<>(rejectedOfferIds));
    accepted = List.copyOf(accepted);
  }

  public Optional<Offer> offer(String offerId) {
    return offers.stream().filter(o -> o.id().equals(offerId)).findFirst();
  }

  SharingCase with(Phase next) {
    return new SharingCase(request, offers, rejectedOfferIds, accepted, next, contractId);
  }
}
