package org.alliancechain.token;

import static org.alliancechain.token.Harness.pay;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.tx.Transaction;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.tx.TxKind;
import org.alliancechain.token.value.Apportion;
import org.alliancechain.token.value.SwapOfferState;
import org.junit.jupiter.api.Test;

/** SPEC M-22; paper V.A (the value of tokens). */
class ValueTest {

  @Test
  void largestRemainderGivesLeftoverUnitsByRemainderThenOrder() {
    // 10 / 3 = 3 r 1 each: the one leftover unit goes to the first (address order)
    assertThat(Apportion.largestRemainder(10, new long[] {1, 1, 1})).containsExactly(4, 3, 3);
    // 7 * (5,3,2) / 10 = 3.5, 2.1, 1.4: floors 3,2,1; the leftover unit goes to 3.5
    assertThat(Apportion.largestRemainder(7, new long[] {5, 3, 2})).containsExactly(4, 2, 1);
    assertThat(Apportion.largestRemainder(100, new long[] {3, 3, 4})).containsExactly(30, 30, 40);
    assertThat(Apportion.largestRemainder(5, new long[] {0, 0})).containsExactly(0, 0);
  }

  @Test
  void largestRemainderNeverCreatesOrLosesAUnit() {
    long seed = Long.getLong("apportion.seed", System.nanoTime());
    System.out.println("apportion.seed=" + seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (int round = 0; round < 2000; round++) {
      int n = 1 + random.nextInt(12);
      long[] weights = new long[n];
      for (int i = 0; i < n; i++) {
        weights[i] = 1 + random.nextLong(1_000_000_000L);
      }
      long total = random.nextLong(1_000_000_000_000L);
      long[] parts = Apportion.largestRemainder(total, weights);
      long sum = 0;
      long weightSum = 0;
      for (long w : weights) {
        weightSum += w;
      }
      for (int i = 0; i < n; i++) {
        sum += parts[i];
        long floor =
            java.math.BigInteger.valueOf(total)
                .multiply(java.math.BigInteger.valueOf(weights[i]))
                .divide(java.math.BigInteger.valueOf(weightSum))
                .longValueExact();
        assertThat(parts[i]).isBetween(floor, floor + 1);
      }
      assertThat(sum).as("seed %d round %d", seed, round).isEqualTo(total);
    }
  }

  private static Harness alliance() {
    return new Harness(
        AllianceMode.COMPETITIVE, 4, Map.of(ParamId.STAKE_AGE_CAP_BLOCKS, 100L), 0, 1000);
  }

  @Test
  void profitIsSharedByContributionAndHoldingTime() {
    // paper V.A: "distribution proportions depend on the number of shared resources and the time
    // of holding the tokens"
    Harness h = alliance();
    h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 200, 1, 2))); // height 1
    h.one(h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, pay("c1", h.pk(1), 100))); // height 2
    h.emptyBlocks(49);
    h.one(h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, pay("c1", h.pk(2), 100))); // height 52
    h.emptyBlocks(49);
    TxOutcome out = h.one(h.tx(h.m(0), new TokenTx.DeclareProfit(1000, List.of("c1")))); // 102
    assertThat(out.success()).isTrue();
    // provider 1 held 100 tokens 100 blocks (the cap): x2000 per mille; provider 2 held 50: x1500.
    // weights 200_000 and 150_000: 571.43 and 428.57; remainders 150_000 and 200_000 (of 350_000)
    // so the leftover unit goes to provider 2.
    assertThat(h.money(1)).isEqualTo(1000 + 571);
    assertThat(h.money(2)).isEqualTo(1000 + 429);
    assertThat(h.money(0)).isEqualTo(0);
  }

  @Test
  void onlyTheReceiverDeclaresProfitAndOnlyAfterIssuance() {
    Harness h = alliance();
    h.one(h.lifecycle(h.m(0), TxKind.SIGN_CONTRACT, h.contract("c1", 0, 200, 1)));
    assertThat(h.one(h.tx(h.m(0), new TokenTx.DeclareProfit(10, List.of("c1")))).code())
        .isEqualTo("no_contribution");
    h.one(h.lifecycle(h.m(0), TxKind.ACK_TRANSFER, pay("c1", h.pk(1), 100)));
    assertThat(h.one(h.tx(h.m(3), new TokenTx.DeclareProfit(10, List.of("c1")))).code())
        .isEqualTo("not_receiver");
    assertThat(h.one(h.tx(h.m(0), new TokenTx.DeclareProfit(5000, List.of("c1")))).code())
        .isEqualTo("insufficient_money");
    assertThat(h.money(1)).isEqualTo(1000);
  }

  private static Hash offer(Harness h, int maker, TokenTx.SwapOffer body) {
    Transaction tx = h.tx(h.m(maker), body);
    assertThat(h.one(tx).success()).isTrue();
    return tx.hash();
  }

  private static Harness swapAlliance() {
    return new Harness(AllianceMode.COOPERATIVE, 3, Map.of(), 100, 1000);
  }

  @Test
  void aSwapSettlesBothLegsAndCannotBeFilledTwice() {
    Harness h = swapAlliance();
    Hash id = offer(h, 0, new TokenTx.SwapOffer(true, 10, 500, Optional.empty(), 100));
    assertThat(h.one(h.tx(h.m(1), new TokenTx.SwapFill(id))).success()).isTrue();
    assertThat(h.tokens(0)).isEqualTo(90);
    assertThat(h.tokens(1)).isEqualTo(110);
    assertThat(h.money(0)).isEqualTo(1500);
    assertThat(h.money(1)).isEqualTo(500);
    assertThat(h.one(h.tx(h.m(2), new TokenTx.SwapFill(id))).code()).isEqualTo("offer_closed");
    assertThat(h.q().swapOffer(id).orElseThrow().status()).isEqualTo(SwapOfferState.Status.FILLED);
  }

  @Test
  void aSwapThatOneSideCannotPayMovesNeitherLeg() {
    Harness h = swapAlliance();
    // maker buys 10 tokens for 5000 money it does not have
    Hash id = offer(h, 0, new TokenTx.SwapOffer(false, 10, 5000, Optional.empty(), 100));
    TxOutcome out = h.one(h.tx(h.m(1), new TokenTx.SwapFill(id)));
    assertThat(out.code()).isEqualTo("insufficient_money");
    assertThat(h.tokens(1)).isEqualTo(100);
    assertThat(h.tokens(0)).isEqualTo(100);
    assertThat(h.q().swapOffer(id).orElseThrow().status()).isEqualTo(SwapOfferState.Status.OPEN);
  }

  @Test
  void anOfferExpiresAfterItsHeight() {
    Harness h = swapAlliance();
    Hash id = offer(h, 0, new TokenTx.SwapOffer(true, 10, 500, Optional.empty(), h.height + 3));
    h.emptyBlocks(2);
    // the offer went into block H with expiry H + 2; this fill is in block H + 3
    assertThat(h.one(h.tx(h.m(1), new TokenTx.SwapFill(id))).code()).isEqualTo("offer_expired");
  }

  @Test
  void anOfferCanBeFilledOnItsLastHeight() {
    Harness h = swapAlliance();
    Hash id = offer(h, 0, new TokenTx.SwapOffer(true, 10, 500, Optional.empty(), h.height + 3));
    h.emptyBlocks(1);
    assertThat(h.one(h.tx(h.m(1), new TokenTx.SwapFill(id))).success()).isTrue();
  }

  @Test
  void aDesignatedOfferIsForItsTakerOnly() {
    Harness h = swapAlliance();
    Hash id = offer(h, 0, new TokenTx.SwapOffer(true, 10, 500, Optional.of(h.pk(2)), 100));
    assertThat(h.one(h.tx(h.m(1), new TokenTx.SwapFill(id))).code()).isEqualTo("not_taker");
    assertThat(h.one(h.tx(h.m(2), new TokenTx.SwapFill(id))).success()).isTrue();
  }

  @Test
  void aCancelledOfferCannotBeFilled() {
    Harness h = swapAlliance();
    Hash id = offer(h, 0, new TokenTx.SwapOffer(true, 10, 500, Optional.empty(), 100));
    assertThat(h.one(h.tx(h.m(1), new TokenTx.SwapCancel(id))).code()).isEqualTo("not_maker");
    assertThat(h.one(h.tx(h.m(0), new TokenTx.SwapCancel(id))).success()).isTrue();
    assertThat(h.one(h.tx(h.m(1), new TokenTx.SwapFill(id))).code()).isEqualTo("offer_closed");
  }
}
