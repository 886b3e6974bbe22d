package org.alliancechain.consensus.core;

/**
 * Deliberate protocol bugs, switched on only by tests, that prove the simulator's checkers can
 * fail. Production configuration never sets any (the CLI has no option for them).
 */
public enum PlantedBug {
  /** Prepared with 2f matching messages instead of 2f + 1 (Castro–Liskov §4.2). */
  PREPARE_QUORUM_2F,
  /** Backups accept a new-view without recomputing its pre-prepares from the proof (§4.4). */
  NEW_VIEW_UNCHECKED,
  /** A restarted replica forgets what it signed before the crash (§4.2 "log"; SPEC M-27). */
  FORGET_SIGNED_ON_RESTART
}
