package org.alliancechain.consensus.msg;

import java.util.List;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.crypto.Signature;

/**
 * The new primary's start of {@code view} (Castro–Liskov §4.4): the quorum of view-changes it used
 * (the set V) and the pre-prepares it derived from them (the set O), which every replica recomputes
 * and compares.
 */
public record NewView(
    long view,
    List<ViewChange> viewChanges,
    List<PrePrepare> prePrepares,
    PublicKey sender,
    Signature signature)
    implements ConsensusMessage {
  public NewView {
    viewChanges = List.copyOf(viewChanges);
    prePrepares = List.copyOf(prePrepares);
  }
}
