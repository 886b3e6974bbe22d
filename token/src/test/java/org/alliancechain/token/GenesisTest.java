package org.alliancechain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.genesis.Genesis;
import org.alliancechain.token.genesis.GenesisSpec;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Parameters;
import org.alliancechain.token.state.Role;
import org.junit.jupiter.api.Test;

class GenesisTest {
  private static GenesisSpec.MemberSpec member(int i, long tokens, long money) {
    return new GenesisSpec.MemberSpec(
        Harness.key(i).publicKey(), "corp" + i, Set.of(Role.CORPORATION), tokens, money);
  }

  private static GenesisSpec spec(List<GenesisSpec.MemberSpec> members, PublicKey gateway) {
    return new GenesisSpec(
        AllianceMode.COMPETITIVE,
        members,
        gateway,
        500,
        List.of(),
        List.of(members.get(0).key()),
        Parameters.of(Map.of(ParamId.REWARD_STANDARD_TOKENS, 40L)));
  }

  @Test
  void initialBalancesCountAsIssuedAndDeposited() {
    MemoryState state = new MemoryState();
    Genesis.init(
        spec(List.of(member(1, 100, 10), member(2, 50, 0)), Harness.key(99).publicKey()), state);
    TokenQueries q = new TokenQueries(state);
    assertThat(q.supply().tokensIssued()).isEqualTo(150);
    assertThat(q.supply().moneyDeposited()).isEqualTo(10 + 500);
    assertThat(q.account(Harness.key(99).publicKey()).money()).isEqualTo(500);
    assertThat(q.params().get(ParamId.REWARD_STANDARD_TOKENS)).isEqualTo(40);
    assertThat(q.activeMembers()).hasSize(2);
  }

  @Test
  void competitiveCommitteeDefaultsToEveryMember() {
    // SPEC M-24: one representative of every member
    MemoryState state = new MemoryState();
    Genesis.init(
        spec(List.of(member(1, 0, 0), member(2, 0, 0)), Harness.key(99).publicKey()), state);
    assertThat(new TokenQueries(state).committee())
        .containsExactlyInAnyOrder(Harness.key(1).publicKey(), Harness.key(2).publicKey());
  }

  @Test
  void rejectsDuplicateMembers() {
    assertThatThrownBy(
            () ->
                Genesis.init(
                    spec(List.of(member(1, 0, 0), member(1, 0, 0)), Harness.key(99).publicKey()),
                    new MemoryState()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate");
  }

  @Test
  void rejectsGatewayThatIsAMember() {
    assertThatThrownBy(
            () ->
                Genesis.init(
                    spec(List.of(member(1, 0, 0)), Harness.key(1).publicKey()), new MemoryState()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gateway");
  }

  @Test
  void refusesASecondGenesis() {
    MemoryState state = new MemoryState();
    GenesisSpec s = spec(List.of(member(1, 0, 0)), Harness.key(99).publicKey());
    Genesis.init(s, state);
    assertThatThrownBy(() -> Genesis.init(s, state)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void parametersOutsideTheirRangeAreRefused() {
    assertThatThrownBy(() -> Parameters.of(Map.of(ParamId.DAO_PASS_PPM, 1_000_000L)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
