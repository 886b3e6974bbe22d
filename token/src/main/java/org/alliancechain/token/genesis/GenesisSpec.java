package org.alliancechain.token.genesis;

import java.util.List;
import java.util.Set;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.AllianceMode;
import org.alliancechain.token.state.Parameters;
import org.alliancechain.token.state.Role;

/**
 * What the token ledger needs from the alliance's genesis (the config module parses the file and
 * builds this). {@code committee} empty in competitive mode means every member sits on it (one
 * representative of every member, SPEC M-24).
 */
public record GenesisSpec(
    AllianceMode mode,
    List<MemberSpec> members,
    PublicKey gateway,
    long gatewayMoney,
    List<PublicKey> committee,
    List<PublicKey> validators,
    Parameters params) {

  public GenesisSpec {
    members = List.copyOf(members);
    committee = List.copyOf(committee);
    validators = List.copyOf(validators);
  }

  /** A founding member with optional opening balances (counted as issued and deposited). */
  public record MemberSpec(
      PublicKey key, String name, Set<Role> roles, long initialTokens, long initialMoney) {
    public MemberSpec {
      roles = Set.copyOf(roles);
    }
  }
}
