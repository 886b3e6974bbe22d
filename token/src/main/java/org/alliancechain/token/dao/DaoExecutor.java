package org.alliancechain.token.dao;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.block.ValidatorChange;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.Member;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.ValidatorState;
import org.alliancechain.token.tx.DaoAction;

/**
 * Applies a passed proposal. An action that no longer applies when the proposal closes (admitting
 * an active member, removing the last validator...) changes nothing and is reported as such.
 */
final class DaoExecutor {
  private final Ledger ledger;
  private final long height;

  DaoExecutor(Ledger ledger, long height) {
    this.ledger = ledger;
    this.height = height;
  }

  boolean execute(DaoAction action) {
    return switch (action) {
      case DaoAction.SetParam a -> setParam(a);
      case DaoAction.AdmitMember a -> admit(a);
      case DaoAction.RemoveMember a -> remove(a.key());
      case DaoAction.AddValidator a ->
          ledger.isActiveMember(a.key()) && changeValidators(a.key(), true);
      case DaoAction.RemoveValidator a -> changeValidators(a.key(), false);
      case DaoAction.AddCommitteeMember a ->
          ledger.isActiveMember(a.key()) && changeCommittee(a.key(), true);
      case DaoAction.RemoveCommitteeMember a -> changeCommittee(a.key(), false);
    };
  }

  private boolean admit(DaoAction.AdmitMember a) {
    if (ledger.isActiveMember(a.key())
        || ledger.activeMembers().size() >= TokenLimits.MEMBERS_MAX
        || (ledger.member(a.key()).isEmpty()
            && ledger.accounts().size() >= TokenLimits.ACCOUNTS_MAX)
        || a.key().equals(ledger.gateway())) {
      return false;
    }
    ledger.putMember(new Member(a.key(), a.name(), a.roles(), true, height));
    a.endpoint().ifPresent(e -> ledger.putEndpoint(a.key(), e));
    ledger.putAccount(a.key(), ledger.account(a.key()));
    return true;
  }

  /** The member's account stays (its tokens still count in supply) but it can no longer act. */
  private boolean remove(PublicKey key) {
    var member = ledger.member(key);
    if (member.isEmpty() || !member.get().active()) {
      return false;
    }
    ledger.putMember(member.get().removed(height));
    changeCommittee(key, false);
    changeValidators(key, false);
    return true;
  }

  private boolean changeCommittee(PublicKey key, boolean add) {
    List<PublicKey> committee = new ArrayList<>(ledger.committee());
    boolean changed = add ? !committee.contains(key) && committee.add(key) : committee.remove(key);
    if (changed) {
      ledger.putCommittee(committee);
    }
    return changed;
  }

  /**
   * The consensus checkpoint interval is fixed at genesis; the epoch stays a multiple of it and at
   * least one window long, as the spec file requires at genesis (config's SpecParser).
   */
  private boolean setParam(DaoAction.SetParam a) {
    long k = ledger.param(ParamId.CHECKPOINT_INTERVAL_BLOCKS);
    if (a.param() == ParamId.CHECKPOINT_INTERVAL_BLOCKS
        || (a.param() == ParamId.EPOCH_LENGTH_BLOCKS
            && (a.value() % k != 0 || a.value() < ValidatorChange.windowBlocks(k)))) {
      return false;
    }
    ledger.putParams(ledger.params().with(a.param(), a.value()));
    return true;
  }

  /**
   * Schedules the change by the one rule ({@link ValidatorChange#activationHeight}): the first
   * epoch boundary beyond this height plus the consensus window (M-3).
   */
  private boolean changeValidators(PublicKey key, boolean add) {
    ValidatorState state = ledger.validators();
    List<PublicKey> next = new ArrayList<>(state.latest());
    boolean changed = add ? !next.contains(key) && next.add(key) : next.remove(key);
    if (!changed || next.isEmpty() || next.size() > ValidatorSet.SIZE_MAX) {
      return false;
    }
    next.sort(null);
    long window = ValidatorChange.windowBlocks(ledger.param(ParamId.CHECKPOINT_INTERVAL_BLOCKS));
    long activation =
        ValidatorChange.activationHeight(height, window, ledger.param(ParamId.EPOCH_LENGTH_BLOCKS));
    var scheduled = state.schedule(height, activation, next);
    scheduled.ifPresent(ledger::putValidators);
    return scheduled.isPresent();
  }
}
