package org.alliancechain.token.value;

import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.token.ExecContext;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.TxRejected;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.tx.TokenTx;
import org.alliancechain.token.wallet.Wallets;

/**
 * Over-the-counter swaps of tokens for money between two members at a price agreed in advance
 * (paper V.A, SPEC M-22 (2)). An offer is identified by the hash of the transaction that made it.
 * Nothing is locked when offering; filling moves both legs in one transaction, so if either party
 * lacks funds the fill fails and neither leg moves (the caller discards the writes). A filled or
 * cancelled offer cannot be filled again; an offer expires after block {@code expiresAtHeight}.
 */
public final class Swaps {
  private final Ledger ledger;

  public Swaps(Ledger ledger) {
    this.ledger = ledger;
  }

  public SwapOfferState get(Hash id) {
    return ledger
        .store()
        .get(Keys.swap(id), SwapOfferState::decode)
        .orElseThrow(() -> new TxRejected("unknown_offer", id.toHex()));
  }

  public Hash offer(ExecContext ctx, TokenTx.SwapOffer tx) {
    TxRejected.require(
        tx.expiresAtHeight() >= ctx.height()
            && tx.expiresAtHeight() - ctx.height() <= TokenLimits.SWAP_EXPIRY_BLOCKS_MAX,
        "bad_expiry",
        "expiry must be between now and " + TokenLimits.SWAP_EXPIRY_BLOCKS_MAX + " blocks ahead");
    tx.taker()
        .ifPresent(
            t -> {
              TxRejected.require(ledger.isActiveMember(t), "not_member", "taker");
              TxRejected.require(!t.equals(ctx.sender()), "self_swap", "taker is the maker");
            });
    Hash id = ctx.txHash();
    TxRejected.require(!ledger.store().contains(Keys.swap(id)), "duplicate_offer", id.toHex());
    SwapOfferState offer =
        new SwapOfferState(
            id,
            ctx.sender(),
            tx.makerSellsTokens(),
            tx.tokens(),
            tx.money(),
            tx.taker(),
            tx.expiresAtHeight(),
            SwapOfferState.Status.OPEN);
    ledger.store().put(Keys.swap(id), offer::encode);
    return id;
  }

  public void fill(ExecContext ctx, Hash id) {
    SwapOfferState offer = get(id);
    PublicKey taker = ctx.sender();
    TxRejected.require(
        offer.status() == SwapOfferState.Status.OPEN, "offer_closed", offer.status().name());
    TxRejected.require(ctx.height() <= offer.expiresAtHeight(), "offer_expired", id.toHex());
    TxRejected.require(!offer.maker().equals(taker), "self_swap", "maker cannot fill");
    TxRejected.require(
        offer.taker().map(taker::equals).orElse(true), "not_taker", "offer is for another");
    TxRejected.require(ledger.isActiveMember(offer.maker()), "not_member", "maker removed");
    Wallets wallets = new Wallets(ledger, ctx.height());
    PublicKey tokenFrom = offer.makerSellsTokens() ? offer.maker() : taker;
    PublicKey tokenTo = offer.makerSellsTokens() ? taker : offer.maker();
    wallets.transferTokens(tokenFrom, tokenTo, offer.tokens());
    wallets.transferMoney(tokenTo, tokenFrom, offer.money());
    ledger.store().put(Keys.swap(id), offer.with(SwapOfferState.Status.FILLED)::encode);
  }

  public void cancel(ExecContext ctx, Hash id) {
    SwapOfferState offer = get(id);
    TxRejected.require(offer.maker().equals(ctx.sender()), "not_maker", "only the maker");
    TxRejected.require(
        offer.status() == SwapOfferState.Status.OPEN, "offer_closed", offer.status().name());
    ledger.store().put(Keys.swap(id), offer.with(SwapOfferState.Status.CANCELLED)::encode);
  }
}
