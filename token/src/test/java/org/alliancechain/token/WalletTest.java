package org.alliancechain.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.issuance.ContractEffect;
import org.alliancechain.token.issuance.ProviderShare;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxKind;
import org.junit.jupiter.api.Test;

class WalletTest {
  private final Harness h =
      new Harness(
          AllianceMode.COOPERATIVE, 3, Map.of(ParamId.REDEMPTION_MONEY_PER_TOKEN, 7L), 100, 1000);

  @Test
  void transfersMoveTokensAndMoneyBetweenMembers() {
    // SPEC M-17
    assertThat(h.one(h.tx(h.m(0), new TokenTx.TransferTokens(h.pk(1), 30))).success()).isTrue();
    assertThat(h.one(h.tx(h.m(1), new TokenTx.TransferMoney(h.pk(2), 400))).success()).isTrue();
    assertThat(h.tokens(0)).isEqualTo(70);
    assertThat(h.tokens(1)).isEqualTo(130);
    assertThat(h.money(1)).isEqualTo(600);
    assertThat(h.money(2)).isEqualTo(1400);
  }

  @Test
  void overspendingFailsWithAReason() {
    TxOutcome out = h.one(h.tx(h.m(0), new TokenTx.TransferTokens(h.pk(1), 101)));
    assertThat(out.success()).isFalse();
    assertThat(out.code()).isEqualTo("insufficient_tokens");
  }

  @Test
  void aFailedTransactionChangesNothingEvenWithoutTheCallersOverlay() {
    // The application keeps its own overlay: executing straight on the state leaves no trace.
    var before = h.state.snapshot();
    BlockContext ctx = h.nextContext(1);
    Transaction tx = h.tx(h.m(0), new TokenTx.TransferMoney(h.pk(1), 5000));
    TxOutcome out = h.app.execute(ctx, tx, h.state);
    assertThat(out.code()).isEqualTo("insufficient_money");
    assertThat(h.state.snapshot()).isEqualTo(before);
  }

  @Test
  void overflowFailsInsteadOfWrapping() {
    long big = Long.MAX_VALUE - 2_000_000;
    assertThat(h.one(h.tx(h.gateway, new TokenTx.Deposit(h.pk(0), big))).success()).isTrue();
    var before = h.state.snapshot();
    // 1000 + big + 2_000_000 passes Long.MAX_VALUE: refused, not wrapped to a negative balance
    TxOutcome overflow = h.one(h.tx(h.gateway, new TokenTx.Deposit(h.pk(0), 2_000_000)));
    assertThat(overflow.code()).isEqualTo("overflow");
    assertThat(h.money(0)).isEqualTo(1000 + big);
    assertThat(h.state.snapshot()).isEqualTo(before);
  }

  @Test
  void onlyTheGatewayRecordsDeposits() {
    TxOutcome out = h.one(h.tx(h.m(0), new TokenTx.Deposit(h.pk(0), 10)));
    assertThat(out.code()).isEqualTo("not_gateway");
    assertThat(h.app.check(h.tx(h.m(0), new TokenTx.Deposit(h.pk(0), 10)), h.state).reason())
        .isEqualTo("not_gateway");
    assertThat(h.one(h.tx(h.gateway, new TokenTx.Deposit(h.pk(0), 10))).success()).isTrue();
    assertThat(h.money(0)).isEqualTo(1010);
    assertThat(h.q().supply().moneyDeposited()).isEqualTo(3 * 1000 + 1_000_000 + 10);
  }

  @Test
  void theGatewayCannotActAsAMember() {
    TxOutcome out = h.one(h.tx(h.gateway, new TokenTx.TransferMoney(h.pk(0), 10)));
    assertThat(out.code()).isEqualTo("not_gateway");
  }

  @Test
  void withdrawalTakesMoneyOutOfTheLedger() {
    assertThat(h.one(h.tx(h.m(2), new TokenTx.Withdraw(250))).success()).isTrue();
    assertThat(h.money(2)).isEqualTo(750);
    assertThat(h.q().supply().moneyWithdrawn()).isEqualTo(250);
  }

  @Test
  void redemptionBurnsTokensForGatewayMoneyAtTheDaoRate() {
    // SPEC M-22 (2): rate 7 money units per token
    assertThat(h.one(h.tx(h.m(0), new TokenTx.Redeem(10))).success()).isTrue();
    assertThat(h.tokens(0)).isEqualTo(90);
    assertThat(h.money(0)).isEqualTo(1000 + 70);
    assertThat(h.q().account(h.gateway.publicKey()).money()).isEqualTo(1_000_000 - 70);
    assertThat(h.q().supply().tokensBurned()).isEqualTo(10);
  }

  @Test
  void transfersToNonMembersAreRefused() {
    TxOutcome out = h.one(h.tx(h.m(0), new TokenTx.TransferTokens(Harness.key(77).publicKey(), 1)));
    assertThat(out.code()).isEqualTo("not_member");
  }

  @Test
  void nonMembersCannotTransact() {
    TxOutcome out = h.one(h.tx(Harness.key(77), new TokenTx.Withdraw(1)));
    assertThat(out.code()).isEqualTo("not_member");
  }

  @Test
  void monetarySharingGoesThroughEscrow() {
    // SPEC M-17: provider's wallet -> escrow -> receiver's wallet
    var reg =
        new ContractEffect.Registered(
            "m1", h.pk(0), List.of(new ProviderShare(h.pk(1), 1)), 100, true, "MONEY");
    assertThat(
            h.one(
                    h.lifecycle(
                        h.m(1),
                        TxKind.SIGN_CONTRACT,
                        reg,
                        new ContractEffect.EscrowLock("m1", h.pk(1), 300)))
                .success())
        .isTrue();
    assertThat(h.money(1)).isEqualTo(700);
    assertThat(h.q().escrowed("m1")).isEqualTo(300);
    assertThat(h.q().supply().escrowed()).isEqualTo(300);
    TxOutcome tooMuch =
        h.one(
            h.lifecycle(
                h.m(0),
                TxKind.ACK_TRANSFER,
                new ContractEffect.TransferVerified("m1"),
                new ContractEffect.EscrowRelease("m1", h.pk(0), 301)));
    assertThat(tooMuch.code()).isEqualTo("insufficient_escrow");
    // the failed release left the contract unverified too: the whole transaction was dropped
    assertThat(h.q().contract("m1").orElseThrow().verified()).isFalse();
    h.one(
        h.lifecycle(
            h.m(0),
            TxKind.ACK_TRANSFER,
            new ContractEffect.TransferVerified("m1"),
            new ContractEffect.EscrowRelease("m1", h.pk(0), 300)));
    assertThat(h.money(0)).isEqualTo(1300);
    assertThat(h.q().escrowed("m1")).isZero();
  }

  @Test
  void feesAreNotCharged() {
    // documented fee policy: no fees; balances change only by the transferred amount
    long before = h.tokens(0) + h.tokens(1) + h.tokens(2);
    h.one(h.tx(h.m(0), new TokenTx.TransferTokens(h.pk(1), 1)));
    assertThat(h.tokens(0) + h.tokens(1) + h.tokens(2)).isEqualTo(before);
  }

  @Test
  void theContractEngineWritesOnlyUnderItsOwnPrefix() {
    // the scripted engine writes key 0x01; the ledger stores it as "x/" + 0x01
    var before = h.state.snapshot();
    h.one(h.lifecycle(h.m(0), TxKind.SUBMIT_REQUEST));
    var after = h.state.snapshot();
    assertThat(after.get(org.alliancechain.core.Bytes.wrap(new byte[] {'x', '/', 1})))
        .isEqualTo(
            org.alliancechain.core.Bytes.wrap(new byte[] {(byte) TxKind.SUBMIT_REQUEST.code()}));
    assertThat(before.get(org.alliancechain.core.Bytes.wrap(new byte[] {1}))).isNull();
    assertThat(after.get(org.alliancechain.core.Bytes.wrap(new byte[] {1}))).isNull();
  }
}
