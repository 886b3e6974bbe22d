package org.alliancechain.token;

import static org.alliancechain.token.Harness.pay;
import static org.assertj.core.api.Assertions.assertThat;

import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.token.committee.CommitteeCase;
import org.alliancechain.token.committee.InferenceRule;
import org.alliancechain.token.issuance.ContractEffect;
import org.alliancechain.token.issuance.ContractEffect.PaymentKind;
import org.alliancechain.token.issuance.ContractEffect.Quality;
import org.alliancechain.token.issuance.ContractEffect.TokenPayment;
import org.alliancechain.token.issuance.PendingIssuance;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxKind;
import org.junit.jupiter.api.Test;

/** SPEC M-20, M-24; paper IV.B.4 (semi-automatic rewarding) and IV.B.5 (the inference rule). */
class CommitteeTest {

  @Test
  void inferenceRuleMatchesThePaperForEveryCombination() {
    // paper IV.B.5: IF executed AND not issued AND verified AND requested OR cannot identify
    for (int bits = 0; bits < 32; bits++) {
      boolean executed = (bits & 1) != 0;
      boolean issued = (bits & 2) != 0;
      boolean verified = (bits & 4) != 0;
      boolean requested = (bits & 8) != 0;
      boolean cannotIdentify = (bits & 16) != 0;
      boolean firstBranch = executed && !issued && verified && requested;
      boolean expected = firstBranch || cannotIdentify;
      assertThat(
              InferenceRule.opensCase(
                  new InferenceRule.Facts(executed, issued, verified, requested, cannotIdentify)))
          .as("bits %s", Integer.toBinaryString(bits))
          .isEqualTo(expected);
    }
  }

  /** A competitive alliance with contract c1: receiver 0, providers 1 and 2. */
  private static Harness withContract() {
    Harness h = Harness.competitive(4);
    var reg = h.contract("c1", 0, 100, 1, 2);
    assertThat(h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, reg)).success()).isTrue();
    return h;
  }

  private static void executeAndVerify(Harness h) {
    h.one(
        h.lifecycle(
            h.m(0),
            TxKind.ACK_TRANSFER,
            new ContractEffect.TransferVerified("c1"),
            new ContractEffect.Executed("c1")));
  }

  private static TxOutcome requestSupport(Harness h, int member) {
    return h.one(h.tx(h.m(member), new TokenTx.RequestSupport("c1", "no tokens")));
  }

  @Test
  void receiverRequestOpensACaseWhenExecutedVerifiedAndUnpaid() {
    Harness h = withContract();
    executeAndVerify(h);
    assertThat(requestSupport(h, 0).success()).isTrue();
    assertThat(h.q().committeeCase(1).orElseThrow().kind()).isEqualTo(CommitteeCase.Kind.SUPPORT);
  }

  @Test
  void providerRequestOpensACaseToo() {
    Harness h = withContract();
    executeAndVerify(h);
    assertThat(requestSupport(h, 2).success()).isTrue();
  }

  @Test
  void noCaseBeforeTheContractIsExecuted() {
    Harness h = withContract();
    h.one(h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, new ContractEffect.TransferVerified("c1")));
    TxOutcome out = requestSupport(h, 0);
    assertThat(out.code()).isEqualTo("inference_rule_not_met");
    assertThat(out.detail()).contains("not been executed");
    assertThat(h.q().committeeCase(1)).isEmpty();
  }

  @Test
  void noCaseBeforeTheSharingIsVerified() {
    Harness h = withContract();
    h.one(h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, new ContractEffect.Executed("c1")));
    TxOutcome out = requestSupport(h, 1);
    assertThat(out.code()).isEqualTo("inference_rule_not_met");
    assertThat(out.detail()).contains("not been verified");
  }

  @Test
  void noCaseOnceTokensWereIssued() {
    Harness h = withContract();
    executeAndVerify(h);
    h.one(h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, pay("c1", h.pk(1), 50)));
    TxOutcome out = requestSupport(h, 0);
    assertThat(out.code()).isEqualTo("inference_rule_not_met");
    assertThat(out.detail()).contains("already been issued");
  }

  @Test
  void noCaseForAMemberOutsideTheContract() {
    Harness h = withContract();
    executeAndVerify(h);
    assertThat(requestSupport(h, 3).code()).isEqualTo("not_a_party");
  }

  @Test
  void noSecondCaseForTheSameContract() {
    Harness h = withContract();
    executeAndVerify(h);
    requestSupport(h, 0);
    assertThat(requestSupport(h, 1).code()).isEqualTo("case_already_open");
  }

  @Test
  void anUninterpretableContractOpensACaseWithoutAnyRequest() {
    Harness h = withContract();
    h.one(
        h.lifecycle(
            h.m(0), TxKind.SIGN_CONTRACT, new ContractEffect.Uninterpretable("c1", "unknown fn")));
    assertThat(h.q().committeeCase(1).orElseThrow().kind())
        .isEqualTo(CommitteeCase.Kind.UNINTERPRETABLE);
  }

  @Test
  void cooperativeAlliancesHaveNoCommittee() {
    Harness h = Harness.cooperative(3);
    h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 100, 1)));
    h.one(
        h.lifecycle(
            h.m(0),
            TxKind.ACK_TRANSFER,
            new ContractEffect.TransferVerified("c1"),
            new ContractEffect.Executed("c1"),
            new ContractEffect.Uninterpretable("c1", "?")));
    assertThat(h.q().committeeCase(1)).isEmpty();
    assertThat(h.one(h.tx(h.m(0), new TokenTx.RequestSupport("c1", "x"))).code())
        .isEqualTo("no_committee");
  }

  @Test
  void aMajorityOfTheCommitteeDecidesAndTheAwardIsSplitByShare() {
    Harness h = withContract();
    executeAndVerify(h);
    requestSupport(h, 0);
    // committee = all 4 members; 3 of 4 must agree. award 500 per mille of 100 = 50, 25 each
    assertThat(h.one(h.tx(h.m(0), new TokenTx.CaseVote(1, 500))).success()).isTrue();
    assertThat(h.one(h.tx(h.m(1), new TokenTx.CaseVote(1, 900))).success()).isTrue();
    assertThat(h.one(h.tx(h.m(2), new TokenTx.CaseVote(1, 500))).success()).isTrue();
    assertThat(h.q().committeeCase(1).orElseThrow().decided()).isFalse();
    assertThat(h.tokens(1)).isZero();
    h.one(h.tx(h.m(3), new TokenTx.CaseVote(1, 500)));
    assertThat(h.q().committeeCase(1).orElseThrow().decided()).isTrue();
    assertThat(h.tokens(1)).isEqualTo(25);
    assertThat(h.tokens(2)).isEqualTo(25);
    assertThat(h.one(h.tx(h.m(1), new TokenTx.CaseVote(1, 500))).code()).isEqualTo("case_decided");
  }

  @Test
  void onlyCommitteeMembersVoteAndOnlyOnce() {
    Harness h = withContract();
    executeAndVerify(h);
    requestSupport(h, 0);
    assertThat(h.one(h.tx(h.m(0), new TokenTx.CaseVote(1, 500))).success()).isTrue();
    assertThat(h.one(h.tx(h.m(0), new TokenTx.CaseVote(1, 500))).code()).isEqualTo("already_voted");
    assertThat(h.one(h.tx(Harness.key(90), new TokenTx.CaseVote(1, 500))).code())
        .isEqualTo("not_member");
  }

  @Test
  void aDecisionBecomesAPrecedentThatDecidesTheNextIdenticalCaseAlone() {
    // SPEC M-20: "results transferred into codes"
    Harness h = Harness.competitive(4);
    String kind = "patent_value:missing_metadata";
    h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 200, 1)));
    h.one(
        h.lifecycle(
            h.m(0),
            TxKind.ACK_TRANSFER,
            new TokenPayment("c1", h.pk(1), 200, PaymentKind.PAYMENT, Quality.UNDECIDABLE, kind)));
    CommitteeCase first = h.q().committeeCase(1).orElseThrow();
    assertThat(first.kind()).isEqualTo(CommitteeCase.Kind.UNDECIDABLE_QUALITY);
    assertThat(h.tokens(1)).isZero();
    for (int m = 0; m < 3; m++) {
      h.one(h.tx(h.m(m), new TokenTx.CaseVote(1, 750)));
    }
    assertThat(h.tokens(1)).isEqualTo(150);
    assertThat(h.q().precedent(kind)).contains(750);

    // the same kind of case again, for another contract: no committee this time
    h.one(h.lifecycle(h.m(3), TxKind.SIGN_CONTRACT, h.contract("c2", 3, 80, 2)));
    h.one(
        h.lifecycle(
            h.m(3),
            TxKind.ACK_TRANSFER,
            new TokenPayment("c2", h.pk(2), 80, PaymentKind.PAYMENT, Quality.UNDECIDABLE, kind)));
    assertThat(h.q().committeeCase(2)).isEmpty();
    assertThat(h.tokens(2)).isEqualTo(60);
    assertThat(h.q().issuedAt(h.height))
        .singleElement()
        .satisfies(i -> assertThat(i.source()).isEqualTo(PendingIssuance.Source.PRECEDENT));

    // a different kind still goes to the committee
    h.one(h.lifecycle(h.m(3), TxKind.SIGN_CONTRACT, h.contract("c3", 3, 80, 2)));
    h.one(
        h.lifecycle(
            h.m(3),
            TxKind.ACK_TRANSFER,
            new TokenPayment(
                "c3", h.pk(2), 80, PaymentKind.PAYMENT, Quality.UNDECIDABLE, "other")));
    assertThat(h.q().committeeCase(2)).isPresent();
  }
}
