package org.alliancechain.token.dao;

import java.util.ArrayList;
import java.util.List;
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
      case DaoAction.SetParam a -> {
        ledger.putParams(ledger.params().with(a.param(), a.value()));
        yield true;
      }
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

  /** Schedules the change for the next epoch boundary strictly after this height (M-3). */
  private boolean changeValidators(PublicKey key, boolean add) {
    ValidatorState state = ledger.validators();
    List<PublicKey> next = new ArrayList<>(state.latest());
    boolean changed = add ? !next.contains(key) && next.add(key) : next.remove(key);
    if (!changed || next.isEmpty() || next.size() > ValidatorSet.SIZE_MAX) {
      return false;
    }
    next.sort(null);
    long epoch = ledger.param(ParamId.EPOCH_LENGTH_BLOCKS);
    long activation = Math.multiplyExact(height / epoch + 1, epoch);
    ledger.putValidators(new ValidatorState(state.current(), next, activation));
    return true;
  }
}
