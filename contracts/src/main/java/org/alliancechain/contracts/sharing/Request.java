package org.alliancechain.contracts.sharing;

import java.util.List;
import java.util.Optional;

/**
 * SPEC M-5: a receiver's sharing request. {@code quantity} is in the resource's own unit (money:
 * minor units, which is also the escrow of a monetary contract); {@code reward} is the tokens
 * offered; {@code deadlineSeconds} is block time. Competitive requests carry a broadcast option,
 * cooperative ones do not.
 */
public record Request(
    String id,
    AllianceMode mode,
    String requester,
    String requesterName,
    ResourceType type,
    String description,
    long quantity,
    List<QualityRequirement> quality,
    long reward,
    long deadlineSeconds,
    Optional<BroadcastOption> broadcast) {

  public Request {
    quality = List.copyOf(quality);
  }
}
