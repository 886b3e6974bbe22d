package org.alliancechain.token.tx;

import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.tx.TokenTx.CaseVote;
import org.alliancechain.token.tx.TokenTx.DeclareProfit;
import org.alliancechain.token.tx.TokenTx.Deposit;
import org.alliancechain.token.tx.TokenTx.HoldProposal;
import org.alliancechain.token.tx.TokenTx.Lifecycle;
import org.alliancechain.token.tx.TokenTx.Propose;
import org.alliancechain.token.tx.TokenTx.Redeem;
import org.alliancechain.token.tx.TokenTx.RequestSupport;
import org.alliancechain.token.tx.TokenTx.SwapCancel;
import org.alliancechain.token.tx.TokenTx.SwapFill;
import org.alliancechain.token.tx.TokenTx.SwapOffer;
import org.alliancechain.token.tx.TokenTx.TransferMoney;
import org.alliancechain.token.tx.TokenTx.TransferTokens;
import org.alliancechain.token.tx.TokenTx.Vote;
import org.alliancechain.token.tx.TokenTx.Withdraw;

/**
 * The canonical payload encoding of each kind. Decoding rejects unknown kinds, zero amounts,
 * out-of-range values, truncation and trailing bytes with a {@link DecodeException} reason.
 */
public final class TxCodec {
  private TxCodec() {}

  public static Bytes encode(TokenTx tx) {
    CanonicalWriter w = new CanonicalWriter();
    switch (tx) {
      case TransferTokens t -> keyAmount(w, t.to(), t.amount());
      case TransferMoney t -> keyAmount(w, t.to(), t.amount());
      case Deposit t -> keyAmount(w, t.to(), t.amount());
      case Withdraw t -> w.u63(t.amount());
      case Redeem t -> w.u63(t.tokens());
      case Lifecycle t -> w.raw(t.body().unsafeArray());
      case SwapOffer t -> encodeSwapOffer(w, t);
      case SwapFill t -> w.hash(t.offerId());
      case SwapCancel t -> w.hash(t.offerId());
      case DeclareProfit t -> {
        w.u63(t.money());
        Codecs.list(w, t.contractIds(), CanonicalWriter::string);
      }
      case Propose t -> DaoAction.encode(w, t.action());
      case Vote t -> w.u63(t.proposalId()).bool(t.yes());
      case RequestSupport t -> w.string(t.contractId()).string(t.reason());
      case CaseVote t -> w.u63(t.caseId()).u16(t.awardPerMille());
      case HoldProposal t -> w.u63(t.proposalId());
    }
    return Bytes.wrap(w.toByteArray());
  }

  private static void keyAmount(CanonicalWriter w, PublicKey key, long amount) {
    key.encode(w);
    w.u63(amount);
  }

  private static void encodeSwapOffer(CanonicalWriter w, SwapOffer t) {
    w.bool(t.makerSellsTokens()).u63(t.tokens()).u63(t.money()).bool(t.taker().isPresent());
    t.taker().ifPresent(k -> k.encode(w));
    w.u63(t.expiresAtHeight());
  }

  /** Decodes the payload of a transaction of kind {@code code}. */
  public static TokenTx decode(int code, Bytes payload) {
    TxKind kind =
        TxKind.fromCode(code)
            .orElseThrow(
                () -> new DecodeException(DecodeException.Reason.UNKNOWN_KIND, "kind " + code));
    if (kind.isLifecycle()) {
      if (payload.size() > TokenLimits.LIFECYCLE_BODY_BYTES_MAX) {
        throw new DecodeException(DecodeException.Reason.LENGTH_OVER_LIMIT, "lifecycle body");
      }
      return new Lifecycle(kind, payload);
    }
    CanonicalReader r = new CanonicalReader(payload.unsafeArray());
    TokenTx tx = decodeBody(kind, r);
    r.expectEnd(kind.name());
    return tx;
  }

  private static TokenTx decodeBody(TxKind kind, CanonicalReader r) {
    return switch (kind) {
      case TRANSFER_TOKENS -> new TransferTokens(key(r, "to"), Codecs.positive(r, "amount"));
      case TRANSFER_MONEY -> new TransferMoney(key(r, "to"), Codecs.positive(r, "amount"));
      case DEPOSIT -> new Deposit(key(r, "to"), Codecs.positive(r, "amount"));
      case WITHDRAW -> new Withdraw(Codecs.positive(r, "amount"));
      case REDEEM -> new Redeem(Codecs.positive(r, "tokens"));
      case SWAP_OFFER -> decodeSwapOffer(r);
      case SWAP_FILL -> new SwapFill(r.hash("offer id"));
      case SWAP_CANCEL -> new SwapCancel(r.hash("offer id"));
      case DECLARE_PROFIT -> decodeProfit(r);
      case PROPOSE -> new Propose(DaoAction.decode(r));
      case VOTE -> new Vote(Codecs.positive(r, "proposal id"), r.bool("yes"));
      case REQUEST_SUPPORT ->
          new RequestSupport(contractId(r), Codecs.text(r, "reason", TokenLimits.TEXT_BYTES_MAX));
      case CASE_VOTE -> new CaseVote(Codecs.positive(r, "case id"), perMille(r));
      case HOLD_PROPOSAL -> new HoldProposal(Codecs.positive(r, "proposal id"));
      case SUBMIT_REQUEST,
          SUBMIT_OFFER,
          ACCEPT_OFFER,
          SIGN_CONTRACT,
          ACK_TRANSFER,
          CANCEL_CONTRACT,
          REJECT_OFFERS,
          WITHDRAW_REQUEST,
          BIND_RESOURCE,
          PROPOSE_AMENDMENT,
          APPROVE_AMENDMENT ->
          throw new AssertionError("lifecycle kinds are not decoded here");
    };
  }

  private static PublicKey key(CanonicalReader r, String what) {
    return PublicKey.decode(r, what);
  }

  public static String contractId(CanonicalReader r) {
    return Codecs.nonEmptyText(r, "contract id", TokenLimits.CONTRACT_ID_BYTES_MAX);
  }

  private static int perMille(CanonicalReader r) {
    int value = r.u16("award per mille");
    if (value > TokenLimits.AWARD_PER_MILLE_MAX) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, "award over limit");
    }
    return value;
  }

  private static SwapOffer decodeSwapOffer(CanonicalReader r) {
    boolean sells = r.bool("maker sells tokens");
    long tokens = Codecs.positive(r, "tokens");
    long money = Codecs.positive(r, "money");
    Optional<PublicKey> taker =
        r.bool("has taker") ? Optional.of(key(r, "taker")) : Optional.empty();
    return new SwapOffer(sells, tokens, money, taker, r.u63("expires at height"));
  }

  private static DeclareProfit decodeProfit(CanonicalReader r) {
    long money = Codecs.positive(r, "profit");
    var ids = Codecs.list(r, "contracts", TokenLimits.PROFIT_CONTRACTS_MAX, TxCodec::contractId);
    if (ids.isEmpty()) {
      throw new DecodeException(DecodeException.Reason.INVALID_VALUE, "no contracts");
    }
    if (ids.stream().distinct().count() != ids.size()) {
      throw new DecodeException(DecodeException.Reason.NON_CANONICAL, "duplicate contract");
    }
    return new DeclareProfit(money, ids);
  }
}
