package org.alliancechain.contracts.sharing;

import java.util.List;
import java.util.Optional;
import org.alliancechain.core.hash.Hash;

/**
 * SPEC M-5: a receiver's sharing request. {@code quantity} is in the resource's own unit (money:
 * minor units, which is also the escrow of a monetary contract); {@code reward} is the tokens
 * offered; {@code deadlineSeconds} is block time. Competitive requests carry a broadcast option,
 * cooperative ones do not.
 *
 * <p>SPEC M-18, competitive mode: the ledger holds a <em>sealed</em> request, whose {@code
 * commitment} is the hash of the private record ({@link PrivateRecords}); its requester name and
 * description are empty and its requester is the transaction's signer, filled in by the ledger.
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
    Optional<BroadcastOption> broadcast,
    Optional<Hash> commitment) {

  public Request {
    quality = List.copyOf(quality);
  }

  /** A plaintext (unsealed) request. */
  public Request(
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
    this(
        id,
        mode,
        requester,
        requesterName,
        type,
        description,
        quantity,
        quality,
        reward,
        deadlineSeconds,
        broadcast,
        Optional.empty());
  }

  public boolean sealed() {
    return commitment.isPresent();
  }

  /** The same request with its requester set (the ledger fills in a sealed request's signer). */
  public Request withRequester(String address) {
    return new Request(
        id,
        mode,
        address,
        requesterName,
        type,
        description,
        quantity,
        quality,
        reward,
        deadlineSeconds,
        broadcast,
        commitment);
  }
}
