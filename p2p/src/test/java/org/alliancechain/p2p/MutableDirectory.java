package org.alliancechain.p2p;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.alliancechain.core.crypto.PublicKey;

/** A directory tests can change at runtime, as the DAO would. */
final class MutableDirectory implements PeerDirectory {
  private final ConcurrentSkipListMap<PublicKey, Optional<PeerAddress>> members =
      new ConcurrentSkipListMap<>();

  void put(PublicKey key, Optional<PeerAddress> address) {
    members.put(key, address);
  }

  void remove(PublicKey key) {
    members.remove(key);
  }

  @Override
  public boolean isMember(PublicKey key) {
    return members.containsKey(key);
  }

  @Override
  public List<PublicKey> members() {
    return new ArrayList<>(members.keySet());
  }

  @Override
  public Optional<PeerAddress> address(PublicKey member) {
    return members.getOrDefault(member, Optional.empty());
  }
}
