package org.alliancechain.cli.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.consensus.core.Stall;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.PublicKey;

/**
 * Turns the consensus snapshots into the /status answer that explains a stall in words and data
 * (SPEC M-31): who is connected, how far each validator got, the current view and primary, the last
 * view change and its reason, and what this node waits for, from whom.
 */
final class StallReport {
  private StallReport() {}

  @SuppressWarnings("TooManyParameters") // one snapshot per field, all read by the API thread
  static ApiViews.ConsensusStatus status(
      Node node,
      ValidatorSet validators,
      long view,
      String phase,
      long viewChanges,
      String lastViewChange,
      Stall stall,
      String recovering,
      Map<PublicKey, Stall.PeerProgress> progress) {
    PublicKey self = node.key().publicKey();
    Set<PublicKey> connected = node.network().connectedPeers();
    PublicKey primary = validators.get((int) (view % validators.size()));
    List<ApiViews.ValidatorProgress> rows = new ArrayList<>();
    int reachable = 0;
    for (PublicKey v : validators.members()) {
      boolean isSelf = v.equals(self);
      boolean up = isSelf || connected.contains(v);
      reachable += up ? 1 : 0;
      Stall.PeerProgress p =
          isSelf
              ? new Stall.PeerProgress(node.store().head(), view)
              : progress.getOrDefault(v, new Stall.PeerProgress(-1, -1));
      rows.add(new ApiViews.ValidatorProgress(node.memberName(v), isSelf, up, p.seq(), p.view()));
    }
    List<String> waitingOn = new ArrayList<>();
    for (PublicKey k : stall.from()) {
      boolean up = k.equals(self) || connected.contains(k);
      waitingOn.add(node.memberName(k) + (up ? "" : " (not connected)"));
    }
    String summary =
        summary(
            validators.contains(self),
            node.store().head(),
            stall,
            waitingOn,
            recovering,
            reachable,
            validators);
    return new ApiViews.ConsensusStatus(
        validators.contains(self),
        view,
        node.memberName(primary),
        phase,
        stall.what(),
        viewChanges,
        lastViewChange,
        summary,
        waitingOn,
        recovering,
        rows);
  }

  @SuppressWarnings("TooManyParameters")
  private static String summary(
      boolean validator,
      long height,
      Stall stall,
      List<String> waitingOn,
      String recovering,
      int reachable,
      ValidatorSet validators) {
    StringBuilder s = new StringBuilder();
    s.append(validator ? "validator" : "follower (applies certified blocks, votes on nothing)");
    s.append(" at height ").append(height).append(": ");
    if (!recovering.isEmpty()) {
      s.append("recovering after a lost consensus log (").append(recovering).append(')');
    } else if (stall.what().startsWith("nothing:")) {
      s.append("idle, no transaction is waiting");
    } else if (stall.what().startsWith("nothing to propose")) {
      s.append("idle, ").append(stall.what().substring("nothing to propose: ".length()));
    } else {
      s.append("waiting for ").append(stall.what());
      if (!waitingOn.isEmpty()) {
        s.append(", missing ").append(String.join(", ", waitingOn));
      }
    }
    s.append("; ")
        .append(reachable)
        .append(" of ")
        .append(validators.size())
        .append(" validators reachable");
    if (reachable < validators.quorum()) {
      s.append(" - fewer than a quorum of ")
          .append(validators.quorum())
          .append(": nothing can commit until more validators are back");
    }
    return s.toString();
  }
}
