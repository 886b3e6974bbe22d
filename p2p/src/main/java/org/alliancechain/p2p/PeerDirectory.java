package org.alliancechain.p2p;

import java.util.List;
import java.util.Optional;
import org.alliancechain.core.crypto.PublicKey;

/**
 * Who may connect, and where to reach them: the members from genesis and those the DAO admitted
 * since (SPEC M-2). It may change at runtime; after a change the owner calls {@link
 * PeerNetwork#membershipChanged()}. Implementations must be thread-safe: the network asks from its
 * I/O threads.
 */
public interface PeerDirectory {
  boolean isMember(PublicKey key);

  /** Every member, in ascending key order (the order the broadcast trees are laid over). */
  List<PublicKey> members();

  /** Where the member listens for peer links, if it accepts any. */
  Optional<PeerAddress> address(PublicKey member);
}
