package org.alliancechain.contracts.sharing;

/** A quality requirement of a request, which becomes a rule of the diversified contract. */
public record QualityRequirement(String function, long bound) {}
