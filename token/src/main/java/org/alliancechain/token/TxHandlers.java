package org.alliancechain.token;

import java.util.Map;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.app.BlockContext;
import org.alliancechain.core.app.StateWriter;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.committee.Committee;
import org.alliancechain.token.dao.Dao;
import org.alliancechain.token.issuance.ContractEngine;
import org.alliancechain.token.issuance.EffectCodec;
import org.alliancechain.token.issuance.Issuance;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.PrefixedState;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.value.ProfitSharing;
import org.alliancechain.token.value.Swaps;
import org.alliancechain.token.wallet.Wallets;

/**
 * Executes one decoded transaction against an overlay; throws {@link TxRejected} to fail it.
 * Returns the transaction's events: a canonical (name, value) list for receipts.
 */
final class TxHandlers {
  private final ExecContext ctx;
  private final ContractEngine engine;
  private final BlockContext block;
  private final StateWriter overlay;
  private final Ledger ledger;
  private final Wallets wallets;

  TxHandlers(ExecContext ctx, ContractEngine engine, BlockContext block, StateWriter overlay) {
    this.ctx = ctx;
    this.engine = engine;
    this.block = block;
    this.overlay = overlay;
    this.ledger = ctx.ledger();
    this.wallets = new Wallets(ledger, ctx.height());
  }

  Bytes run(TokenTx tx) {
    CanonicalWriter events = new CanonicalWriter();
    switch (tx) {
      case TokenTx.TransferTokens t -> {
        requireMember(t.to());
        wallets.transferTokens(ctx.sender(), t.to(), t.amount());
      }
      case TokenTx.TransferMoney t -> {
        requireMember(t.to());
        wallets.transferMoney(ctx.sender(), t.to(), t.amount());
      }
      case TokenTx.Deposit t -> {
        requireMember(t.to());
        wallets.deposit(t.to(), t.amount());
      }
      case TokenTx.Withdraw t -> wallets.withdraw(ctx.sender(), t.amount());
      case TokenTx.Redeem t ->
          events.string("redeemed_money").u63(wallets.redeem(ctx.sender(), t.tokens()));
      case TokenTx.Lifecycle t -> lifecycle(t, events);
      case TokenTx.SwapOffer t -> events.string("offer").hash(new Swaps(ledger).offer(ctx, t));
      case TokenTx.SwapFill t -> new Swaps(ledger).fill(ctx, t.offerId());
      case TokenTx.SwapCancel t -> new Swaps(ledger).cancel(ctx, t.offerId());
      case TokenTx.DeclareProfit t -> {
        for (Map.Entry<PublicKey, Long> e :
            new ProfitSharing(ledger).declare(ctx, t.money(), t.contractIds()).entrySet()) {
          e.getKey().encode(events.string("profit_share"));
          events.u63(e.getValue());
        }
      }
      case TokenTx.Propose t ->
          events.string("proposal").u63(new Dao(ledger).propose(ctx, t.action()));
      case TokenTx.Vote t -> new Dao(ledger).vote(ctx, t.proposalId(), t.yes());
      case TokenTx.RequestSupport t ->
          events
              .string("case")
              .u63(new Committee(ledger).requestSupport(ctx, t.contractId(), t.reason()));
      case TokenTx.CaseVote t ->
          events
              .string("decided")
              .bool(new Committee(ledger).vote(ctx, t.caseId(), t.awardPerMille()));
      case TokenTx.HoldProposal t ->
          events.string("held").bool(new Dao(ledger).hold(ctx, t.proposalId()));
    }
    return Bytes.wrap(events.toByteArray());
  }

  private void requireMember(PublicKey key) {
    TxRejected.require(ledger.isActiveMember(key), "not_member", "recipient " + key.toHex());
  }

  private void lifecycle(TokenTx.Lifecycle t, CanonicalWriter events) {
    ContractEngine.Result result =
        engine.apply(
            block,
            ledger.mode(),
            t.kind(),
            ctx.sender(),
            t.body(),
            ledger.params(),
            new PrefixedState(overlay, Keys.ENGINE_PREFIX));
    switch (result) {
      case ContractEngine.Result.Rejected r -> throw new TxRejected(r.reason(), r.detail());
      case ContractEngine.Result.Accepted a -> {
        TxRejected.require(
            a.effects().size() <= TokenLimits.EFFECTS_PER_TX_MAX,
            "too_many_effects",
            a.effects().size() + " > " + TokenLimits.EFFECTS_PER_TX_MAX);
        new Issuance(ledger, ctx.height()).apply(a.effects());
        EffectCodec.encodeList(events, a.effects());
      }
    }
  }
}
