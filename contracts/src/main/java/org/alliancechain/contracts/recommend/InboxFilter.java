package org.alliancechain.contracts.recommend;

import java.util.Set;
import java.util.TreeSet;

/**
 * Plain filters (SPEC M-10), always available: by resource type, minimum reward and requester. An
 * empty set means "any".
 */
public record InboxFilter(
    Set<org.alliancechain.contracts.sharing.ResourceType> types,
    long minimumReward,
    Set<String> requesters) {

  public InboxFilter {
    types = Set.copyOf(types);
    requesters = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(requesters));
  }

  public static InboxFilter none() {
    return new InboxFilter(Set.of(), 0, Set.of());
  }

  public boolean accepts(InboxItem item) {
    return (types.isEmpty() || types.contains(item.type()))
        && item.reward() >= minimumReward
        && (requesters.isEmpty() || requesters.contains(item.requester()));
  }
}
