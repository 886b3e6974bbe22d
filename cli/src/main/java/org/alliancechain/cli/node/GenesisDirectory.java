package org.alliancechain.cli.node;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.config.Genesis;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.p2p.PeerAddress;
import org.alliancechain.p2p.PeerDirectory;
import org.alliancechain.token.TokenQueries;
import org.alliancechain.token.state.ValidatorState;

/**
 * Who may connect and where they listen, from the committed ledger (SPEC M-2, M-23): the active
 * members (genesis members and those the DAO admitted since) and every validator that certifies
 * blocks now or in a scheduled change, even one the DAO removed as a member, until its set is
 * replaced (consensus needs its votes until then). Addresses come from the genesis, or for an
 * admitted member from the endpoint its admission recorded. A member is listed by the key its node
 * uses ({@code TokenQueries.keyInForce}; issue #4 key rotation). {@link Node} refreshes it after
 * every committed block.
 */
final class GenesisDirectory implements PeerDirectory {
  private final Genesis genesis;
  // key -> address (empty: the member dials out only); replaced whole, read by the I/O threads
  private volatile Map<PublicKey, Optional<PeerAddress>> members = Map.of();

  GenesisDirectory(Genesis genesis) {
    this.genesis = genesis;
  }

  /** Recomputes the directory from the ledger; returns whether anything changed. */
  boolean refresh(TokenQueries ledger, long nextHeight) {
    TreeMap<PublicKey, Optional<PeerAddress>> next = new TreeMap<>();
    for (PublicKey member : ledger.activeMembers()) {
      next.put(ledger.keyInForce(member), address(ledger, member));
    }
    // issue #4: between a key rotation's decision and its activation height both keys may connect
    // at the member's address (the operator restarts the node with the new key ahead of it); the
    // smaller key of a pair dials, so both must be dialable. A dial to the key the node does not
    // hold at the moment fails its handshake (UNEXPECTED_PEER) and backs off, until E.
    for (PublicKey member : ledger.pendingRotations()) {
      ledger
          .keyRotation(member)
          .ifPresent(r -> next.putIfAbsent(r.newKey(), address(ledger, member)));
    }
    ValidatorState validators = ledger.validators();
    List<PublicKey> certifying = validators.effectiveAt(nextHeight).members();
    for (PublicKey key : certifying) {
      next.putIfAbsent(key, address(ledger, key));
    }
    for (ValidatorState.Scheduled s : validators.scheduled()) {
      for (PublicKey key : s.validators()) {
        next.putIfAbsent(key, address(ledger, key));
      }
    }
    if (next.equals(members)) {
      return false;
    }
    members = java.util.Collections.unmodifiableMap(next);
    return true;
  }

  private Optional<PeerAddress> address(TokenQueries ledger, PublicKey nodeKey) {
    PublicKey key = ledger.memberOf(nodeKey); // where the member listens, whichever key it uses
    return genesis
        .member(key)
        .map(m -> new PeerAddress(m.host(), m.peerPort()))
        .or(() -> ledger.endpoint(key).map(e -> new PeerAddress(e.host(), e.peerPort())));
  }

  @Override
  public boolean isMember(PublicKey key) {
    return members.containsKey(key);
  }

  @Override
  public List<PublicKey> members() {
    return List.copyOf(members.keySet());
  }

  @Override
  public Optional<PeerAddress> address(PublicKey member) {
    return members.getOrDefault(member, Optional.empty());
  }
}
