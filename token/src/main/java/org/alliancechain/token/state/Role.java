package org.alliancechain.token.state;

/** SPEC M-3 node roles; the ordinal is the wire code, so only append. */
public enum Role {
  CORPORATION,
  ALLIANCE,
  PRIVATE_ALLIANCE
}
