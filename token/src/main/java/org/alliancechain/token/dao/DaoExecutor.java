package org.alliancechain.token.dao;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.block.ValidatorChange;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.KeyRotation;
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
          ledger.isActiveMember(a.key()) && changeValidators(ledger.keyInForce(a.key()), true);
      case DaoAction.RemoveValidator a -> removeValidator(a.key());
      case DaoAction.AddCommitteeMember a ->
          ledger.isActiveMember(a.key()) && changeCommittee(a.key(), true);
      case DaoAction.RemoveCommitteeMember a -> changeCommittee(a.key(), false);
      case DaoAction.RotateKey a -> rotate(a);
    };
  }

  /**
   * Why a rotation cannot be decided on this state, if it cannot: the proposal is refused with this
   * reason, and a passed one that no longer applies changes nothing.
   */
  static java.util.Optional<org.alliancechain.token.TxRejected> refusal(
      Ledger ledger, DaoAction.RotateKey a) {
    String reason = null;
    String detail = null;
    if (!ledger.isActiveMember(a.member())) {
      reason = "not_member";
      detail = "rotate-key names " + a.member().toHex() + ", not an active member's ledger key";
    } else if (a.member().equals(ledger.gateway())) {
      reason = "gateway_key";
      detail = "the gateway's key is not a member key";
    } else if (ledger.keyInUse(a.newKey())) {
      reason = "key_in_use";
      detail = "the new key is already a member's, an account's or a rotated-to key";
    } else if (ledger.pendingRotations().contains(a.member())) {
      reason = "rotation_pending";
      detail = "the member's previous rotation is not in force yet";
    } else if (ledger.pendingRotations().size() >= TokenLimits.MEMBERS_MAX) {
      reason = "too_many_rotations";
      detail = "limit " + TokenLimits.MEMBERS_MAX;
    }
    return reason == null
        ? java.util.Optional.empty()
        : java.util.Optional.of(new org.alliancechain.token.TxRejected(reason, detail));
  }

  /**
   * Issue #4: the new key signs for the member from the activation height {@code E} of a validator
   * change decided now (the one rule, {@link ValidatorChange#activationHeight}); a member that
   * validates is replaced in the set by its new key at that same {@code E}.
   */
  private boolean rotate(DaoAction.RotateKey a) {
    if (refusal(ledger, a).isPresent()) {
      return false;
    }
    PublicKey old = ledger.keyInForce(a.member());
    long activation = activationHeight();
    ValidatorState state = ledger.validators();
    if (state.latest().contains(old)) {
      List<PublicKey> next = new ArrayList<>(state.latest());
      next.remove(old);
      next.add(a.newKey());
      next.sort(null);
      var scheduled = state.schedule(height, activation, next);
      if (scheduled.isEmpty()) {
        return false;
      }
      ledger.putValidators(scheduled.get());
    }
    ledger.putKeyRotation(
        new KeyRotation(a.member(), old, a.newKey(), height, activation, false), true);
    return true;
  }

  private long activationHeight() {
    long window = ValidatorChange.windowBlocks(ledger.param(ParamId.CHECKPOINT_INTERVAL_BLOCKS));
    return ValidatorChange.activationHeight(
        height, window, ledger.param(ParamId.EPOCH_LENGTH_BLOCKS));
  }

  /** The member's key in force and, if a rotation is pending, the key it rotates to. */
  private boolean removeValidator(PublicKey key) {
    PublicKey member = ledger.memberOf(key);
    boolean changed = changeValidators(ledger.keyInForce(member), false);
    var rotation = ledger.keyRotation(member);
    if (!changed && rotation.isPresent() && !rotation.get().inForce()) {
      changed = changeValidators(rotation.get().newKey(), false);
    }
    return changed;
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
    removeValidator(key);
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
    var scheduled = state.schedule(height, activationHeight(), next);
    scheduled.ifPresent(ledger::putValidators);
    return scheduled.isPresent();
  }
}
