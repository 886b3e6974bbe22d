package org.alliancechain.config;

import java.util.List;
import java.util.Set;

/**
 * One member of the alliance spec: a corporation and the node it runs.
 *
 * @param smallAlliance for a private alliance node: the members it relays for (SPEC M-3)
 */
public record MemberSpec(
    String name,
    Set<Role> roles,
    String host,
    int peerPort,
    int apiPort,
    Profile profile,
    List<String> smallAlliance) {
  public MemberSpec {
    roles = Set.copyOf(roles);
    smallAlliance = List.copyOf(smallAlliance);
  }

  public boolean isValidator() {
    return roles.contains(Role.ALLIANCE);
  }
}
