package org.alliancechain.config;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;

/** A member as genesis records it: the spec's member plus its public key. */
public record GenesisMember(
    String name,
    PublicKey publicKey,
    Set<Role> roles,
    String host,
    int peerPort,
    int apiPort,
    Profile profile,
    List<String> smallAlliance) {

  public GenesisMember {
    roles = java.util.Collections.unmodifiableSet(new TreeSet<>(roles));
    smallAlliance = List.copyOf(smallAlliance);
  }

  public boolean isValidator() {
    return roles.contains(Role.ALLIANCE);
  }

  void encode(CanonicalWriter w) {
    w.string(name);
    publicKey.encode(w);
    w.count(roles.size());
    for (Role role : roles) {
      w.string(role.specName());
    }
    w.string(host).u16(peerPort).u16(apiPort);
    w.string(profile.industry()).string(profile.size());
    strings(w, profile.offers());
    strings(w, profile.wants());
    w.string(profile.preferences());
    strings(w, smallAlliance);
  }

  static void strings(CanonicalWriter w, List<String> values) {
    w.count(values.size());
    values.forEach(w::string);
  }
}
