package org.alliancechain.contracts.sharing;

/**
 * SPEC M-11: a provider's answer: a brief description of the resource it owns, its profile (in
 * competitive mode the ledger holds only a hash of it, so {@code profile} may be that hash) and the
 * reward it expects.
 */
public record Offer(
    String id,
    String requestId,
    String provider,
    String providerName,
    String description,
    String profile,
    long expectedReward) {}
