package org.alliancechain.consensus.core;

/** The replica's mode (Castro–Liskov §4.2 normal case, §4.4 view change). */
public enum ReplicaState {
  /** Ordering requests in the current view. */
  NORMAL,
  /** Sent a view-change for the current view number; waiting for its new-view. */
  VIEW_CHANGE
}
