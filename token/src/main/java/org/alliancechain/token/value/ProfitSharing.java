package org.alliancechain.token.value;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.ExecContext;
import org.alliancechain.token.TxRejected;
import org.alliancechain.token.issuance.ContractFacts;
import org.alliancechain.token.state.Account;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.wallet.Wallets;

/**
 * Future resources (paper V.A, SPEC M-22 (1)): a receiver declares a profit (money) earned from a
 * product built on the resources of some of its contracts; the profit goes from its wallet to those
 * contracts' providers in one transaction, by contribution and holding time:
 *
 * <pre>
 * c_i = tokens issued to provider i by the declared contracts      (contribution)
 * m_i = holding multiplier of i in per mille, 1000..2000            (Account.holdingPerMilleAt)
 * w_i = c_i * m_i
 * part_i = largest-remainder apportionment of the profit by w_i    (Apportion; ties by address)
 * </pre>
 *
 * The parts sum to the profit exactly. Providers that were issued nothing get nothing; if no
 * provider was issued anything the declaration is refused.
 */
public final class ProfitSharing {
  private final Ledger ledger;

  public ProfitSharing(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Returns each provider's part, in address order. */
  public Map<PublicKey, Long> declare(ExecContext ctx, long profit, List<String> contractIds) {
    TreeMap<PublicKey, Long> contribution = new TreeMap<>();
    for (String id : contractIds) {
      ContractFacts f =
          ledger
              .store()
              .get(Keys.contract(id), ContractFacts::decode)
              .orElseThrow(() -> new TxRejected("unknown_contract", id));
      TxRejected.require(
          f.receiver().equals(ctx.sender()), "not_receiver", "only the receiver of " + id);
      for (int i = 0; i < f.providers().size(); i++) {
        long issued = f.issuedByProvider().get(i);
        if (issued > 0) {
          contribution.merge(f.providers().get(i).provider(), issued, Math::addExact);
        }
      }
    }
    TxRejected.require(!contribution.isEmpty(), "no_contribution", "no tokens were issued yet");
    long cap = ledger.param(ParamId.STAKE_AGE_CAP_BLOCKS);
    List<PublicKey> providers = List.copyOf(contribution.keySet());
    long[] weights = new long[providers.size()];
    for (int i = 0; i < weights.length; i++) {
      Account a = ledger.account(providers.get(i));
      weights[i] =
          Math.multiplyExact(
              contribution.get(providers.get(i)), a.holdingPerMilleAt(ctx.height(), cap));
    }
    long[] parts = Apportion.largestRemainder(profit, weights);
    Wallets wallets = new Wallets(ledger, ctx.height());
    TreeMap<PublicKey, Long> out = new TreeMap<>();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] > 0) {
        wallets.transferMoney(ctx.sender(), providers.get(i), parts[i]);
      }
      out.put(providers.get(i), parts[i]);
    }
    return out;
  }
}
