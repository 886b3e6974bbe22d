package org.alliancechain.cli.node;

import java.util.List;
import java.util.Optional;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.GenesisMember;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.PeerAddress;
import org.alliancechain.p2p.PeerDirectory;

/**
 * Who may connect and where they listen: the genesis members. (Members admitted or removed by the
 * DAO are applied on top by {@link Node} when the ledger says so.)
 */
final class GenesisDirectory implements PeerDirectory {
  private final Genesis genesis;
  private volatile java.util.Set<PublicKey> removed = java.util.Set.of();

  GenesisDirectory(Genesis genesis) {
    this.genesis = genesis;
  }

  /** Returns whether the set changed. */
  boolean setRemoved(java.util.Set<PublicKey> removedMembers) {
    java.util.Set<PublicKey> next = java.util.Set.copyOf(removedMembers);
    if (next.equals(removed)) {
      return false;
    }
    this.removed = next;
    return true;
  }

  @Override
  public boolean isMember(PublicKey key) {
    return genesis.member(key).isPresent() && !removed.contains(key);
  }

  @Override
  public List<PublicKey> members() {
    return genesis.members().stream()
        .map(GenesisMember::publicKey)
        .filter(k -> !removed.contains(k))
        .toList();
  }

  @Override
  public Optional<PeerAddress> address(PublicKey member) {
    return genesis.member(member).map(m -> new PeerAddress(m.host(), m.peerPort()));
  }
}
