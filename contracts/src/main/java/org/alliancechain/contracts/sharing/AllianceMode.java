package org.alliancechain.contracts.sharing;

/** SPEC M-1: fixed in the alliance's genesis. */
public enum AllianceMode {
  COOPERATIVE,
  COMPETITIVE
}
