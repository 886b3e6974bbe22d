package org.alliancechain.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.alliancechain.token.state.Account;
import org.junit.jupiter.api.Test;

/** SPEC M-21: stake = tokens + floor(min(age, tokens*cap) / cap), age in token-blocks. */
class StakeTest {
  private static final long CAP = 1000;

  @Test
  void stakeGrowsWithHoldingTimeUpToDouble() {
    Account a = Account.EMPTY.creditTokens(100, 0, CAP);
    assertThat(a.stakeAt(0, CAP)).isEqualTo(100);
    // 100 tokens held 500 blocks: age 50_000, stake 100 + 50
    assertThat(a.stakeAt(500, CAP)).isEqualTo(150);
    // capped at cap blocks of holding: 100 + 100
    assertThat(a.stakeAt(5000, CAP)).isEqualTo(200);
  }

  @Test
  void newTokensArriveWithoutAge() {
    Account a = Account.EMPTY.creditTokens(100, 0, CAP).creditTokens(100, 500, CAP);
    // age 50_000 from the first 100 only: 200 + 50
    assertThat(a.stakeAt(500, CAP)).isEqualTo(250);
    // 200 more blocks for 200 tokens: age 50_000 + 40_000 = 90_000: 200 + 90
    assertThat(a.stakeAt(700, CAP)).isEqualTo(290);
  }

  @Test
  void spendingTakesAProportionalShareOfAge() {
    Account a = Account.EMPTY.creditTokens(100, 0, CAP).debitTokens(50, 500, CAP);
    // age 50_000 * 50/100 = 25_000 kept by 50 tokens: 50 + 25
    assertThat(a.stakeAt(500, CAP)).isEqualTo(75);
  }

  @Test
  void movingTokensAwayAndBackLosesTheirAge() {
    // a round trip cannot manufacture stake
    Account a = Account.EMPTY.creditTokens(100, 0, CAP);
    Account after = a.debitTokens(100, 800, CAP).creditTokens(100, 800, CAP);
    assertThat(after.stakeAt(800, CAP)).isEqualTo(100);
    assertThat(a.stakeAt(800, CAP)).isEqualTo(180);
  }

  @Test
  void holdingMultiplierRunsFromOneToTwoThousandPerMille() {
    Account a = Account.EMPTY.creditTokens(10, 0, CAP);
    assertThat(a.holdingPerMilleAt(0, CAP)).isEqualTo(1000);
    assertThat(a.holdingPerMilleAt(250, CAP)).isEqualTo(1250);
    assertThat(a.holdingPerMilleAt(99_999, CAP)).isEqualTo(2000);
    assertThat(Account.EMPTY.holdingPerMilleAt(10, CAP)).isEqualTo(1000);
  }
}
