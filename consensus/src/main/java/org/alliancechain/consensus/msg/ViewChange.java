package org.alliancechain.consensus.msg;

import java.util.List;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;
import org.alliancechain.core.hash.Hash;

/**
 * A replica's vote to move to {@code newView} (Castro–Liskov §4.4): its stable checkpoint with
 * proof (the set C) and a prepared certificate for every sequence number above it (the set P).
 */
public record ViewChange(
    long newView,
    long stableSeq,
    Hash stableDigest,
    List<Checkpoint> checkpointProof,
    List<PreparedCertificate> prepared,
    PublicKey sender,
    Signature signature)
    implements ConsensusMessage {
  public ViewChange {
    checkpointProof = List.copyOf(checkpointProof);
    prepared = List.copyOf(prepared);
  }
}
