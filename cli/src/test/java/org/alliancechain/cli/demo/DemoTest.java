package org.alliancechain.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.alliancechain.cli.local.LocalAlliance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC M-33: the demo's own code path, checked by its outcome rather than its wording. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void bothAlliancesRunEndToEndAndNoProcessIsLeft() throws Exception {
    StringWriter text = new StringWriter();
    Demo demo = new Demo(new PrintWriter(text, true), dir, "demo-test-passphrase", false);
    List<Demo.Outcome> outcomes;
    try {
      outcomes = demo.run();
    } finally {
      demo.stop();
    }
    assertThat(outcomes).hasSize(2);
    cooperative(outcomes.get(0), text.toString());
    competitive(outcomes.get(1), text.toString());
    for (LocalAlliance alliance : demo.alliances()) {
      for (String member : alliance.members()) {
        assertThat(alliance.isRunning(member)).as(member + " still running").isFalse();
      }
    }
  }

  private static void cooperative(Demo.Outcome coop, String log) {
    // Every transaction the demo saw committed is on the chain, and nothing else is; the light
    // client checked every block.
    assertThat(coop.transactions()).as(log).isEqualTo(coop.committedByDemo());
    assertThat(coop.verifiedBlocks()).isEqualTo(coop.height());
    assertThat(coop.announcementReceivers()).isEqualTo(3); // every member but the sender (M-6)
    assertThat(coop.commRoutes()).isEqualTo(3);
    assertThat(coop.commMicros()).isPositive();
    // SPEC M-18: the resource arrived whole through upload, on-chain hash and checked fetch.
    assertThat(coop.resourceBytes()).isEqualTo(Demo.RESOURCE_BYTES);
    GovernanceSteps.Result g = coop.governance().orElseThrow();
    // SPEC M-23: stake is the tokens of the first contract (M-19: 100 split 2:1 = 67/33); 67 of
    // 100 voted yes, above the 50% pass share with everyone voting, so the change executes.
    assertThat(g.dao().yesWeight()).isEqualTo(67);
    assertThat(g.dao().noWeight()).isEqualTo(33);
    assertThat(g.dao().status()).isEqualTo("executed");
    assertThat(g.dao().rewardBefore()).isEqualTo(100);
    assertThat(g.dao().rewardAfter()).isEqualTo(GovernanceSteps.REWARD_STANDARD_NEW);
    // ... and takes effect: the next standardized contract requests and issues the new standard.
    assertThat(g.dao().nextRequestReward()).isEqualTo(GovernanceSteps.REWARD_STANDARD_NEW);
    assertThat(g.dao().nextContractTokens()).isEqualTo(GovernanceSteps.REWARD_STANDARD_NEW);
    // SPEC M-22 (1): the declared profit leaves the receiver and is shared by the two providers,
    // birch's contribution being twice delta's (holding time can tilt it, never reverse it).
    var profit = g.profit().moneyChange();
    assertThat(profit.get("cobalt")).isEqualTo(-GovernanceSteps.PROFIT_MONEY);
    assertThat(profit.get("birch") + profit.get("delta")).isEqualTo(GovernanceSteps.PROFIT_MONEY);
    assertThat(profit.get("birch")).isGreaterThan(profit.get("delta")).isPositive();
    assertThat(profit.get("delta")).isPositive();
    // SPEC M-22 (2): both legs of the swap settled, in opposite directions.
    var swap = g.swap();
    assertThat(swap.status()).isEqualTo("filled");
    assertThat(swap.tokenChange())
        .containsEntry("birch", -GovernanceSteps.SWAP_TOKENS)
        .containsEntry("acme", GovernanceSteps.SWAP_TOKENS);
    assertThat(swap.moneyChange())
        .containsEntry("birch", GovernanceSteps.SWAP_MONEY)
        .containsEntry("acme", -GovernanceSteps.SWAP_MONEY);
    // Tokens in the end: birch 67 - 10 sold; delta 33; acme bought 10 and earned the new 120.
    assertThat(coop.tokens())
        .containsEntry("birch", 57L)
        .containsEntry("delta", 33L)
        .containsEntry("acme", 130L)
        .containsEntry("cobalt", 0L);
  }

  private static void competitive(Demo.Outcome comp, String log) {
    assertThat(comp.transactions()).as(log).isEqualTo(comp.committedByDemo());
    assertThat(comp.verifiedBlocks()).isEqualTo(comp.height());
    // paper eq. (2) with the demo's inputs: only the providers of PRODUCT pass the threshold,
    // and only they receive the sealed request; the relay pulsar does not (M-7).
    assertThat(comp.trusted()).containsExactly("orion", "rigel");
    assertThat(comp.tftReceivers()).containsExactlyElementsOf(comp.trusted());
    assertThat(comp.commRoutes()).isEqualTo(2);
    assertThat(comp.commMicros()).isPositive();
    // SPEC M-18: sealed to quasar's key, fetched, decrypted and identical.
    assertThat(comp.resourceBytes()).isEqualTo(Demo.RESOURCE_BYTES);
    CommitteeSteps.Result r = comp.committee().orElseThrow();
    // SPEC M-20, M-24: no metadata for the rule's function: a case opens; 3 of the 4-member
    // committee agree on 500 per mille of the 200 reward, so rigel is issued 100.
    assertThat(r.committee().kind()).isEqualTo("undecidable_quality");
    assertThat(r.committee().precedentKind()).isEqualTo("MISSING_METADATA:patent_value");
    assertThat(r.committee().decided()).isTrue();
    assertThat(r.committee().award()).isEqualTo(CommitteeSteps.AWARD_PER_MILLE);
    assertThat(r.committee().precedentPerMille()).isEqualTo(CommitteeSteps.AWARD_PER_MILLE);
    assertThat(r.committee().firstContractTokens()).isEqualTo(100);
    // The identical second case opens no case and is paid by the precedent: 500 per mille of 200.
    assertThat(r.committee().casesAfterSecond()).isEqualTo(1);
    assertThat(r.committee().secondContractTokens()).isEqualTo(100);
    // SPEC M-20: the first contract's rule held (1500 > 1000): orion 300, then 100 by precedent.
    assertThat(comp.tokens())
        .containsEntry("orion", 400L)
        .containsEntry("rigel", 100L)
        .containsEntry("quasar", 0L)
        .containsEntry("pulsar", 0L);
    // SPEC M-25: a report over the last full window, with a line per member; lifetime rewards
    // add up to every token issued.
    assertThat(r.report().toHeight() - r.report().fromHeight() + 1).isEqualTo(10);
    assertThat(r.report().memberLines()).isEqualTo(4);
    assertThat(r.report().totalRewards()).isEqualTo(500);
  }
}
