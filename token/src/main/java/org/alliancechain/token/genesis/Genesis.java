package org.alliancechain.token.genesis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.AllianceMode;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Counters;
import org.alliancechain.token.state.GenesisInfo;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.Member;
import org.alliancechain.token.state.Store;
import org.alliancechain.token.state.Supply;
import org.alliancechain.token.state.ValidatorState;
import org.alliancechain.token.wallet.Wallets;

/** Writes the application's initial state (height 0) from a {@link GenesisSpec}. */
public final class Genesis {
  private Genesis() {}

  /** Validates the spec; throws {@link IllegalArgumentException} naming the first problem. */
  public static void validate(GenesisSpec spec) {
    int n = spec.members().size();
    require(n >= 1 && n <= TokenLimits.MEMBERS_MAX, "1 to 256 members");
    Set<PublicKey> keys = new TreeSet<>();
    for (GenesisSpec.MemberSpec m : spec.members()) {
      require(keys.add(m.key()), "duplicate member " + m.key());
      int nameBytes = m.name().getBytes(StandardCharsets.UTF_8).length;
      require(nameBytes > 0 && nameBytes <= TokenLimits.TEXT_BYTES_MAX, "member name length");
      require(m.initialTokens() >= 0 && m.initialMoney() >= 0, "negative opening balance");
    }
    require(!keys.contains(spec.gateway()), "the gateway account is not a member account");
    require(spec.gatewayMoney() >= 0, "negative gateway money");
    require(keys.containsAll(spec.committee()), "committee members must be members");
    require(new TreeSet<>(spec.committee()).size() == spec.committee().size(), "committee dup");
    require(keys.containsAll(spec.validators()), "validators must be members");
    ValidatorSet.of(spec.validators());
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalArgumentException("invalid genesis: " + what);
    }
  }

  public static void init(GenesisSpec spec, StateWriter state) {
    validate(spec);
    Ledger ledger = new Ledger(Store.of(state));
    if (ledger.initialised()) {
      throw new IllegalStateException("state already has a genesis");
    }
    GenesisInfo info = new GenesisInfo(spec.mode(), spec.gateway());
    ledger.store().put(Keys.GENESIS, info::encode);
    ledger.putParams(spec.params());
    ledger.putSupply(Supply.ZERO);
    ledger.putCounters(Counters.INITIAL);
    List<PublicKey> committee = new ArrayList<>(spec.committee());
    if (committee.isEmpty() && spec.mode() == AllianceMode.COMPETITIVE) {
      spec.members().forEach(m -> committee.add(m.key()));
    }
    ledger.putCommittee(committee);
    List<PublicKey> validators = new ArrayList<>(spec.validators());
    validators.sort(null);
    ledger.putValidators(ValidatorState.of(validators));
    Wallets wallets = new Wallets(ledger, 0);
    for (GenesisSpec.MemberSpec m : spec.members()) {
      ledger.putMember(new Member(m.key(), m.name(), m.roles(), true, 0));
      ledger.putAccount(m.key(), ledger.account(m.key()));
      if (m.initialTokens() > 0) {
        wallets.issue(m.key(), m.initialTokens());
      }
      if (m.initialMoney() > 0) {
        wallets.deposit(m.key(), m.initialMoney());
      }
    }
    ledger.putAccount(spec.gateway(), ledger.account(spec.gateway()));
    if (spec.gatewayMoney() > 0) {
      wallets.deposit(spec.gateway(), spec.gatewayMoney());
    }
    LedgerInvariants.check(ledger);
  }
}
