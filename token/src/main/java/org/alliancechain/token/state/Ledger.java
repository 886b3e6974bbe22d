package org.alliancechain.token.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.AllianceMode;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.TxRejected;

/** Typed reads and writes of the alliance-wide records of {@link Keys}. */
public final class Ledger {
  private final Store store;

  public Ledger(Store store) {
    this.store = store;
  }

  public Store store() {
    return store;
  }

  public GenesisInfo genesis() {
    return store.require(Keys.GENESIS, GenesisInfo::decode);
  }

  public AllianceMode mode() {
    return genesis().mode();
  }

  public PublicKey gateway() {
    return genesis().gateway();
  }

  public boolean initialised() {
    return store.contains(Keys.GENESIS);
  }

  public Parameters params() {
    return store.require(Keys.PARAMS, Parameters::decode);
  }

  public long param(ParamId id) {
    return params().get(id);
  }

  public void putParams(Parameters params) {
    store.put(Keys.PARAMS, params::encode);
  }

  public Supply supply() {
    return store.require(Keys.SUPPLY, Supply::decode);
  }

  public void putSupply(Supply supply) {
    store.put(Keys.SUPPLY, supply::encode);
  }

  public Counters counters() {
    return store.require(Keys.COUNTERS, Counters::decode);
  }

  public void putCounters(Counters counters) {
    store.put(Keys.COUNTERS, counters::encode);
  }

  public Account account(PublicKey key) {
    return store.get(Keys.account(key), Account::decode).orElse(Account.EMPTY);
  }

  /** Writes an account; an account seen for the first time joins the account list. */
  public void putAccount(PublicKey key, Account account) {
    if (!store.contains(Keys.account(key))) {
      List<PublicKey> all = new ArrayList<>(accounts());
      int at = Collections.binarySearch(all, key);
      if (at < 0) {
        TxRejected.require(
            all.size() < TokenLimits.ACCOUNTS_MAX, "too_many_accounts", "limit reached");
        all.add(-at - 1, key);
        store.put(Keys.ACCOUNTS, w -> Codecs.keys(w, all));
      }
    }
    store.put(Keys.account(key), account::encode);
  }

  public List<PublicKey> accounts() {
    return store
        .get(Keys.ACCOUNTS, r -> Codecs.sortedKeys(r, "accounts", TokenLimits.ACCOUNTS_MAX))
        .orElse(List.of());
  }

  public Optional<Member> member(PublicKey key) {
    return store.get(Keys.member(key), Member::decode);
  }

  public void putMember(Member member) {
    store.put(Keys.member(member.key()), member::encode);
  }

  public Optional<Endpoint> endpoint(PublicKey key) {
    return store.get(Keys.endpoint(key), Endpoint::decode);
  }

  public void putEndpoint(PublicKey key, Endpoint endpoint) {
    store.put(Keys.endpoint(key), endpoint::encode);
  }

  public boolean isActiveMember(PublicKey key) {
    return member(key).map(Member::active).orElse(false);
  }

  /** Active members in key order (bounded by {@link TokenLimits#MEMBERS_MAX}). */
  public List<PublicKey> activeMembers() {
    List<PublicKey> out = new ArrayList<>();
    for (PublicKey key : accounts()) {
      if (isActiveMember(key)) {
        out.add(key);
      }
    }
    return out;
  }

  public List<PublicKey> committee() {
    return store
        .get(Keys.COMMITTEE, r -> Codecs.sortedKeys(r, "committee", TokenLimits.MEMBERS_MAX))
        .orElse(List.of());
  }

  public void putCommittee(List<PublicKey> keys) {
    List<PublicKey> sorted = new ArrayList<>(keys);
    sorted.sort(null);
    store.put(Keys.COMMITTEE, w -> Codecs.keys(w, sorted));
  }

  public Optional<KeyRotation> keyRotation(PublicKey member) {
    return store.get(Keys.keyRotation(member), KeyRotation::decode);
  }

  /** The member a key signs for: its ledger key, or the member it was rotated to. */
  public PublicKey memberOf(PublicKey key) {
    return store.get(Keys.keyOwner(key), r -> PublicKey.decode(r, "member key")).orElse(key);
  }

  /** The key that signs for {@code member} now (its ledger key until a rotation is in force). */
  public PublicKey keyInForce(PublicKey member) {
    return keyRotation(member).map(KeyRotation::keyInForce).orElse(member);
  }

  /** Whether {@code key} is used already: a member's, an account's, or a rotated-to key. */
  public boolean keyInUse(PublicKey key) {
    return store.contains(Keys.member(key))
        || store.contains(Keys.account(key))
        || store.contains(Keys.keyOwner(key))
        || key.equals(gateway());
  }

  /** Records a decided rotation: the new key is owned by the member from now on. */
  public void putKeyRotation(KeyRotation rotation, boolean pending) {
    store.put(Keys.keyRotation(rotation.member()), rotation::encode);
    store.put(Keys.keyOwner(rotation.newKey()), rotation.member()::encode);
    List<PublicKey> waiting = new ArrayList<>(pendingRotations());
    waiting.remove(rotation.member());
    if (pending) {
      waiting.add(rotation.member());
      waiting.sort(null);
    }
    if (waiting.isEmpty()) {
      store.delete(Keys.ROTATIONS);
    } else {
      store.put(Keys.ROTATIONS, w -> Codecs.keys(w, waiting));
    }
  }

  /** Members whose rotation is decided and not in force yet, in key order. */
  public List<PublicKey> pendingRotations() {
    return store
        .get(Keys.ROTATIONS, r -> Codecs.sortedKeys(r, "rotations", TokenLimits.MEMBERS_MAX))
        .orElse(List.of());
  }

  public ValidatorState validators() {
    return store.require(Keys.VALIDATORS, ValidatorState::decode);
  }

  public void putValidators(ValidatorState state) {
    store.put(Keys.VALIDATORS, state::encode);
  }
}
