package org.alliancechain.token.dao;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.tx.DaoAction;

/**
 * A DAO proposal (SPEC M-23). {@code weights} is the stake of every active member snapshotted when
 * the proposal opened; votes count with those weights only, so tokens moved during the vote are
 * counted once (by whoever held them at opening).
 */
public record Proposal(
    long id,
    PublicKey proposer,
    DaoAction action,
    long openHeight,
    long closeHeight,
    TreeMap<PublicKey, Long> weights,
    TreeMap<PublicKey, Boolean> votes,
    List<PublicKey> holdVotes,
    boolean held,
    Status status) {

  /** The ordinal is the wire code: only append. */
  public enum Status {
    OPEN,
    EXECUTED,
    REJECTED,
    NO_QUORUM,
    NOT_APPLICABLE
  }

  public Proposal {
    weights = new TreeMap<>(weights);
    votes = new TreeMap<>(votes);
    holdVotes = List.copyOf(holdVotes);
  }

  public long totalWeight() {
    long sum = 0;
    for (long w : weights.values()) {
      sum = Math.addExact(sum, w);
    }
    return sum;
  }

  public long weightVoted(boolean yes) {
    long sum = 0;
    for (Map.Entry<PublicKey, Boolean> e : votes.entrySet()) {
      if (e.getValue() == yes) {
        sum = Math.addExact(sum, weights.getOrDefault(e.getKey(), 0L));
      }
    }
    return sum;
  }

  public Proposal withVote(PublicKey voter, boolean yes) {
    TreeMap<PublicKey, Boolean> v = new TreeMap<>(votes);
    v.put(voter, yes);
    return new Proposal(
        id, proposer, action, openHeight, closeHeight, weights, v, holdVotes, held, status);
  }

  public Proposal withHold(List<PublicKey> holders, boolean nowHeld, long newClose) {
    return new Proposal(
        id, proposer, action, openHeight, newClose, weights, votes, holders, nowHeld, status);
  }

  public Proposal closed(Status next) {
    return new Proposal(
        id, proposer, action, openHeight, closeHeight, weights, votes, holdVotes, held, next);
  }

  public void encode(CanonicalWriter w) {
    w.u63(id);
    proposer.encode(w);
    DaoAction.encode(w, action);
    w.u63(openHeight).u63(closeHeight).count(weights.size());
    for (Map.Entry<PublicKey, Long> e : weights.entrySet()) {
      e.getKey().encode(w);
      w.u63(e.getValue());
    }
    w.count(votes.size());
    for (Map.Entry<PublicKey, Boolean> e : votes.entrySet()) {
      e.getKey().encode(w);
      w.bool(e.getValue());
    }
    Codecs.keys(w, holdVotes);
    w.bool(held).u8(Codecs.code(status));
  }

  public static Proposal decode(CanonicalReader r) {
    long id = r.u63("proposal id");
    PublicKey proposer = PublicKey.decode(r, "proposer");
    DaoAction action = DaoAction.decode(r);
    long open = r.u63("open height");
    long close = r.u63("close height");
    int n = r.count("weights", TokenLimits.MEMBERS_MAX);
    TreeMap<PublicKey, Long> weights = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      weights.put(PublicKey.decode(r, "holder"), r.u63("weight"));
    }
    int m = r.count("votes", TokenLimits.MEMBERS_MAX);
    TreeMap<PublicKey, Boolean> votes = new TreeMap<>();
    for (int i = 0; i < m; i++) {
      votes.put(PublicKey.decode(r, "voter"), r.bool("yes"));
    }
    List<PublicKey> holders = Codecs.sortedKeys(r, "hold votes", TokenLimits.MEMBERS_MAX);
    return new Proposal(
        id,
        proposer,
        action,
        open,
        close,
        weights,
        votes,
        holders,
        r.bool("held"),
        Codecs.enumValue(r, Status.class, "status"));
  }
}
