package org.alliancechain.token.dao;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.AllianceMode;
import org.alliancechain.token.ExecContext;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.TxRejected;
import org.alliancechain.token.state.BufferedState;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.state.Counters;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Store;
import org.alliancechain.token.tx.DaoAction;

/**
 * Token-weighted governance (SPEC M-23, paper V.A "making rules in DAO"). A proposal opens with a
 * snapshot of every active member's stake, closes at {@code openHeight + DAO_VOTING_PERIOD_BLOCKS}
 * (later if the committee holds it) and is decided at the end of that block:
 *
 * <pre>
 * quorum:  voted * 10^6 >= DAO_QUORUM_PPM * total      (weights from the snapshot)
 * passes:  yes   * 10^6 >  DAO_PASS_PPM   * voted
 * </pre>
 *
 * A passed proposal is executed by the ledger in that same end-of-block step.
 */
public final class Dao {
  private final Ledger ledger;

  public Dao(Ledger ledger) {
    this.ledger = ledger;
  }

  public Optional<Proposal> get(long id) {
    return ledger.store().get(Keys.proposal(id), Proposal::decode);
  }

  private Proposal require(long id) {
    return get(id).orElseThrow(() -> new TxRejected("unknown_proposal", "" + id));
  }

  private void put(Proposal p) {
    ledger.store().put(Keys.proposal(p.id()), p::encode);
  }

  public long propose(ExecContext ctx, DaoAction action) {
    if (action instanceof DaoAction.RotateKey rotate) {
      var refused = DaoExecutor.refusal(ledger, rotate);
      if (refused.isPresent()) {
        throw refused.get();
      }
    }
    Counters counters = ledger.counters();
    TxRejected.require(
        counters.openProposals() < TokenLimits.OPEN_PROPOSALS_MAX,
        "too_many_proposals",
        "limit " + TokenLimits.OPEN_PROPOSALS_MAX);
    long id = counters.nextProposalId();
    long cap = ledger.param(ParamId.STAKE_AGE_CAP_BLOCKS);
    TreeMap<PublicKey, Long> weights = new TreeMap<>();
    for (PublicKey member : ledger.activeMembers()) {
      long stake = ledger.account(member).stakeAt(ctx.height(), cap);
      if (stake > 0) {
        weights.put(member, stake);
      }
    }
    long close = Math.addExact(ctx.height(), ledger.param(ParamId.DAO_VOTING_PERIOD_BLOCKS));
    put(
        new Proposal(
            id,
            ctx.sender(),
            action,
            ctx.height(),
            close,
            weights,
            new TreeMap<>(),
            List.of(),
            false,
            Proposal.Status.OPEN));
    addDue(close, id);
    ledger.putCounters(new Counters(id + 1, counters.nextCaseId(), counters.openProposals() + 1));
    return id;
  }

  public void vote(ExecContext ctx, long id, boolean yes) {
    Proposal p = require(id);
    TxRejected.require(p.status() == Proposal.Status.OPEN, "proposal_closed", "" + id);
    TxRejected.require(
        p.weights().containsKey(ctx.sender()),
        "no_weight",
        "sender held no stake when the proposal opened");
    TxRejected.require(!p.votes().containsKey(ctx.sender()), "already_voted", "" + id);
    put(p.withVote(ctx.sender(), yes));
  }

  /**
   * A committee member's request to hold a proposal for review (SPEC M-24); a strict majority of
   * the committee holds it once, for {@code COMMITTEE_HOLD_BLOCKS} more blocks.
   */
  public boolean hold(ExecContext ctx, long id) {
    TxRejected.require(
        ledger.mode() == AllianceMode.COMPETITIVE, "no_committee", "competitive mode only");
    List<PublicKey> committee = ledger.committee();
    TxRejected.require(committee.contains(ctx.sender()), "not_committee", "sender");
    Proposal p = require(id);
    TxRejected.require(p.status() == Proposal.Status.OPEN, "proposal_closed", "" + id);
    TxRejected.require(!p.held(), "already_held", "a proposal is held at most once");
    TxRejected.require(!p.holdVotes().contains(ctx.sender()), "already_voted", "hold " + id);
    List<PublicKey> holders = new ArrayList<>(p.holdVotes());
    holders.add(ctx.sender());
    holders.sort(null);
    long support = holders.stream().filter(committee::contains).count();
    if (support * 2 <= committee.size()) {
      put(p.withHold(holders, false, p.closeHeight()));
      return false;
    }
    long newClose = Math.addExact(p.closeHeight(), ledger.param(ParamId.COMMITTEE_HOLD_BLOCKS));
    removeDue(p.closeHeight(), id);
    addDue(newClose, id);
    put(p.withHold(holders, true, newClose));
    return true;
  }

  private List<Long> due(long height) {
    return ledger
        .store()
        .get(
            Keys.dueProposals(height),
            r -> Codecs.list(r, "due", TokenLimits.OPEN_PROPOSALS_MAX, x -> x.u63("id")))
        .orElse(List.of());
  }

  private void putDue(long height, List<Long> ids) {
    if (ids.isEmpty()) {
      ledger.store().delete(Keys.dueProposals(height));
    } else {
      ledger
          .store()
          .put(Keys.dueProposals(height), w -> Codecs.list(w, ids, (out, x) -> out.u63(x)));
    }
  }

  private void addDue(long height, long id) {
    List<Long> ids = new ArrayList<>(due(height));
    ids.add(id);
    putDue(height, ids);
  }

  private void removeDue(long height, long id) {
    List<Long> ids = new ArrayList<>(due(height));
    ids.remove(Long.valueOf(id));
    putDue(height, ids);
  }

  /** Closes and executes every proposal due at {@code height}, in id order. */
  public List<Proposal> endBlock(long height) {
    List<Proposal> closed = new ArrayList<>();
    for (long id : due(height)) {
      Proposal p = require(id);
      Proposal.Status status = tally(p);
      if (status == Proposal.Status.EXECUTED && !executeWhole(p, height)) {
        status = Proposal.Status.NOT_APPLICABLE;
      }
      Proposal done = p.closed(status);
      put(done);
      closed.add(done);
      Counters c = ledger.counters();
      ledger.putCounters(new Counters(c.nextProposalId(), c.nextCaseId(), c.openProposals() - 1));
    }
    putDue(height, List.of());
    return closed;
  }

  /** Executes the action in an overlay: it applies whole or, if refused, not at all. */
  private boolean executeWhole(Proposal p, long height) {
    BufferedState overlay = new BufferedState(ledger.store().writer());
    try {
      if (new DaoExecutor(new Ledger(Store.of(overlay)), height).execute(p.action())) {
        overlay.flushTo(ledger.store().writer());
        return true;
      }
      return false;
    } catch (TxRejected | ArithmeticException e) {
      return false;
    }
  }

  private Proposal.Status tally(Proposal p) {
    long total = p.totalWeight();
    long yes = p.weightVoted(true);
    long voted = Math.addExact(yes, p.weightVoted(false));
    if (total == 0 || !atLeast(voted, ledger.param(ParamId.DAO_QUORUM_PPM), total)) {
      return Proposal.Status.NO_QUORUM;
    }
    boolean passes =
        BigInteger.valueOf(yes)
                .multiply(BigInteger.valueOf(TokenLimits.PPM))
                .compareTo(
                    BigInteger.valueOf(ledger.param(ParamId.DAO_PASS_PPM))
                        .multiply(BigInteger.valueOf(voted)))
            > 0;
    return passes ? Proposal.Status.EXECUTED : Proposal.Status.REJECTED;
  }

  private static boolean atLeast(long part, long ppm, long whole) {
    return BigInteger.valueOf(part)
            .multiply(BigInteger.valueOf(TokenLimits.PPM))
            .compareTo(BigInteger.valueOf(ppm).multiply(BigInteger.valueOf(whole)))
        >= 0;
  }
}
