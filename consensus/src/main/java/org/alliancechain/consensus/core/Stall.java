package org.alliancechain.consensus.core;

import java.util.List;
import org.alliancechain.core.crypto.PublicKey;

/**
 * Why a replica is not committing right now, for operators (/status): what it waits for, and from
 * which validators it still lacks a message. Read from the driver's thread only.
 *
 * @param what the awaited event in words, with its counts ("prepare quorum for seq 12: 1 of 2")
 * @param from the validators whose message would help, empty when no one in particular
 */
public record Stall(String what, List<PublicKey> from) {
  public Stall {
    from = List.copyOf(from);
  }

  /** The last message this replica accepted from one validator: how far and in which view. */
  public record PeerProgress(long seq, long view) {}
}
