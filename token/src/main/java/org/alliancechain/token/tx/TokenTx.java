package org.alliancechain.token.tx;

import java.util.List;
import java.util.Optional;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.core.hash.Hash;

/** The decoded payload of every application transaction kind ({@link TxKind}). */
public sealed interface TokenTx {
  TxKind kind();

  record TransferTokens(PublicKey to, long amount) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.TRANSFER_TOKENS;
    }
  }

  record TransferMoney(PublicKey to, long amount) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.TRANSFER_MONEY;
    }
  }

  /** Signed by the gateway only: money that arrived off chain for {@code to}. */
  record Deposit(PublicKey to, long amount) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.DEPOSIT;
    }
  }

  /** Signed by the owner: money leaves the ledger through the gateway. */
  record Withdraw(long amount) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.WITHDRAW;
    }
  }

  /** Burns tokens for money from the gateway account at the DAO's redemption rate. */
  record Redeem(long tokens) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.REDEEM;
    }
  }

  /** A sharing lifecycle step; the body is the contract engine's own encoding. */
  record Lifecycle(TxKind kind, Bytes body) implements TokenTx {}

  /**
   * An over-the-counter offer: the maker gives {@code tokens} for {@code money} ({@code
   * makerSellsTokens}) or the reverse; only {@code taker} may fill it if present; it can be filled
   * up to and including block {@code expiresAtHeight}.
   */
  record SwapOffer(
      boolean makerSellsTokens,
      long tokens,
      long money,
      Optional<PublicKey> taker,
      long expiresAtHeight)
      implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.SWAP_OFFER;
    }
  }

  record SwapFill(Hash offerId) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.SWAP_FILL;
    }
  }

  record SwapCancel(Hash offerId) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.SWAP_CANCEL;
    }
  }

  /** A receiver's profit (money) from a product built on the resources of these contracts. */
  record DeclareProfit(long money, List<String> contractIds) implements TokenTx {
    public DeclareProfit {
      contractIds = List.copyOf(contractIds);
    }

    @Override
    public TxKind kind() {
      return TxKind.DECLARE_PROFIT;
    }
  }

  record Propose(DaoAction action) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.PROPOSE;
    }
  }

  record Vote(long proposalId, boolean yes) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.VOTE;
    }
  }

  record RequestSupport(String contractId, String reason) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.REQUEST_SUPPORT;
    }
  }

  /** A committee member's vote on a case: the award in per mille of the case's base amount. */
  record CaseVote(long caseId, int awardPerMille) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.CASE_VOTE;
    }
  }

  record HoldProposal(long proposalId) implements TokenTx {
    @Override
    public TxKind kind() {
      return TxKind.HOLD_PROPOSAL;
    }
  }
}
