package org.alliancechain.token;

import static org.alliancechain.token.Harness.pay;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.token.issuance.ContractEffect;
import org.alliancechain.token.issuance.ContractEffect.PaymentKind;
import org.alliancechain.token.issuance.ContractEffect.Quality;
import org.alliancechain.token.issuance.ContractEffect.TokenPayment;
import org.alliancechain.token.issuance.PendingIssuance;
import org.alliancechain.token.report.Defect;
import org.alliancechain.token.state.BufferedState;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.tx.TxKind;
import org.junit.jupiter.api.Test;

class IssuanceTest {

  @Test
  void tokensAreIssuedAtTheEndOfTheBlockNotBefore() {
    // SPEC M-27: committing a block runs the TCA
    Harness h = Harness.cooperative(3);
    h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 100, 1)));
    BlockContext ctx = h.nextContext(1);
    BufferedState overlay = new BufferedState(h.state);
    TxOutcome out =
        h.app.execute(
            ctx, h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, pay("c1", h.pk(1), 100)), overlay);
    assertThat(out.success()).isTrue();
    overlay.flushTo(h.state);
    assertThat(h.tokens(1)).isZero();
    h.app.endBlock(ctx, h.state);
    assertThat(h.tokens(1)).isEqualTo(100);
    assertThat(h.q().issuedAt(ctx.height()))
        .singleElement()
        .satisfies(i -> assertThat(i.amount()).isEqualTo(100));
  }

  @Test
  void standardizedContractsMustPayTheRewardStandard() {
    // SPEC M-13 / M-19: equal reward for every contribution
    Harness h = Harness.cooperative(3);
    TxOutcome out = h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 99, 1)));
    assertThat(out.code()).isEqualTo("nonstandard_reward");
  }

  @Test
  void installmentsAreIssuedAsTheyFallDueAndCountAsOneContribution() {
    // SPEC M-16
    Harness h = Harness.cooperative(3);
    h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 100, 1)));
    for (int k = 0; k < 3; k++) {
      h.engine.schedule(
          h.height + 2 + k,
          new TokenPayment("c1", h.pk(1), 30 + k, PaymentKind.INSTALLMENT, Quality.PASSED, ""));
    }
    h.emptyBlocks(2);
    assertThat(h.tokens(1)).isEqualTo(30);
    h.emptyBlocks(2);
    assertThat(h.tokens(1)).isEqualTo(30 + 31 + 32);
    assertThat(h.q().account(h.pk(1)).contributions()).isEqualTo(1);
    assertThat(h.q().account(h.pk(1)).contributionValue()).isEqualTo(93);
    assertThat(h.q().contract("c1").orElseThrow().tokensIssued()).isEqualTo(93);
  }

  @Test
  void activeSharersEarnTheDaoBonus() {
    // SPEC M-19: every 2nd contribution earns 50 bonus tokens
    Harness h =
        new Harness(
            AllianceMode.COOPERATIVE,
            3,
            Map.of(ParamId.BONUS_EVERY_CONTRIBUTIONS, 2L, ParamId.BONUS_TOKENS, 50L),
            0,
            0);
    h.block(
        h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("a", 0, 100, 1)),
        h.lifecycle(h.m(2), TxKind.SIGN_CONTRACT, h.contract("b", 2, 100, 1)));
    h.one(h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, pay("a", h.pk(1), 100)));
    assertThat(h.tokens(1)).isEqualTo(100);
    h.one(h.lifecycle(h.m(2), TxKind.ACK_TRANSFER, pay("b", h.pk(1), 100)));
    assertThat(h.tokens(1)).isEqualTo(250);
    assertThat(h.q().issuedAt(h.height))
        .extracting(i -> i.source())
        .containsExactly(
            PendingIssuance.Source.CONTRACT, PendingIssuance.Source.ACTIVE_SHARING_BONUS);
    assertThat(h.q().account(h.pk(1)).rewards()).isEqualTo(250);
    assertThat(h.q().account(h.pk(1)).contributionValue()).isEqualTo(200);
  }

  @Test
  void paymentsToSomeoneWhoIsNotAProviderAreRefused() {
    Harness h = Harness.cooperative(3);
    h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 100, 1)));
    assertThat(h.one(h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, pay("c1", h.pk(2), 100))).code())
        .isEqualTo("not_provider");
    assertThat(h.one(h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, pay("zz", h.pk(1), 100))).code())
        .isEqualTo("unknown_contract");
  }

  @Test
  void aContractCancelledInTheSameBlockIssuesNothing() {
    Harness h = Harness.cooperative(3);
    h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 100, 1)));
    h.block(
        h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, pay("c1", h.pk(1), 100)),
        h.lifecycle(h.m(0), TxKind.CANCEL_CONTRACT, new ContractEffect.Cancelled("c1", h.pk(0))));
    assertThat(h.tokens(1)).isZero();
    assertThat(h.q().supply().tokensIssued()).isZero();
  }

  @Test
  void competitiveQualityFailurePaysNothingAndIsADefect() {
    // SPEC M-20
    Harness h = Harness.competitive(4);
    h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 100, 1)));
    h.one(
        h.lifecycle(
            h.m(0),
            TxKind.ACK_TRANSFER,
            new TokenPayment("c1", h.pk(1), 100, PaymentKind.PAYMENT, Quality.FAILED, "x")));
    assertThat(h.tokens(1)).isZero();
    h.emptyBlocks((int) (50 - h.height));
    assertThat(h.q().latestReport().orElseThrow().defects())
        .extracting(Defect::kind)
        .containsExactly(Defect.Kind.QUALITY_FAILED);
  }

  @Test
  void competitiveRewardsFollowTheContractsValue() {
    // diversified contracts: unequal rewards are allowed (M-14)
    Harness h = Harness.competitive(4);
    h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 777, 1)));
    h.one(h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, pay("c1", h.pk(1), 777)));
    assertThat(h.tokens(1)).isEqualTo(777);
  }
}
