package org.alliancechain.contracts.sharing;

import java.util.Optional;
import org.alliancechain.core.hash.Hash;

/**
 * SPEC M-11: a provider's answer: a brief description of the resource it owns, its profile and the
 * reward it expects. SPEC M-18, competitive mode: the ledger holds a <em>sealed</em> offer, only
 * its id, request, signer ({@code provider}, filled in by the ledger) and the {@code commitment} to
 * the private record ({@link PrivateRecords}); the other fields are empty (0).
 */
public record Offer(
    String id,
    String requestId,
    String provider,
    String providerName,
    String description,
    String profile,
    long expectedReward,
    Optional<Hash> commitment) {

  /** A plaintext (unsealed) offer. */
  public Offer(
      String id,
      String requestId,
      String provider,
      String providerName,
      String description,
      String profile,
      long expectedReward) {
    this(
        id,
        requestId,
        provider,
        providerName,
        description,
        profile,
        expectedReward,
        Optional.empty());
  }

  public boolean sealed() {
    return commitment.isPresent();
  }

  /** The same offer with its provider set (the ledger fills in a sealed offer's signer). */
  public Offer withProvider(String address) {
    return new Offer(
        id, requestId, address, providerName, description, profile, expectedReward, commitment);
  }
}
