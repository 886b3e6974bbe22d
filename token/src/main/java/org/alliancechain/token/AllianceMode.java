package org.alliancechain.token;

/** SPEC M-1: fixed in genesis. */
public enum AllianceMode {
  COOPERATIVE,
  COMPETITIVE
}
