package org.alliancechain.token.genesis;

import org.alliancechain.core.Invariants;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Account;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.Supply;

/**
 * The ledger's conservation laws, checked after genesis and after every block (an {@link
 * AssertionError} stops the node):
 *
 * <pre>
 * every balance >= 0
 * Σ tokens = issued - burned <= TOKEN_SUPPLY_MAX
 * Σ money + escrowed = deposited - withdrawn      (money only enters or leaves via the gateway)
 * </pre>
 *
 * O(accounts), bounded by {@link TokenLimits#ACCOUNTS_MAX}.
 */
public final class LedgerInvariants {
  private LedgerInvariants() {}

  public static void check(Ledger ledger) {
    Supply supply = ledger.supply();
    long tokens = 0;
    long money = 0;
    for (PublicKey key : ledger.accounts()) {
      Account a = ledger.account(key);
      Invariants.check(a.tokens() >= 0 && a.money() >= 0, "no negative balance at " + key);
      tokens = Math.addExact(tokens, a.tokens());
      money = Math.addExact(money, a.money());
    }
    Invariants.check(supply.escrowed() >= 0, "escrow total is non-negative");
    Invariants.check(
        tokens == supply.tokensOutstanding(),
        "token supply " + tokens + " = issued - burned " + supply.tokensOutstanding());
    Invariants.check(tokens <= TokenLimits.TOKEN_SUPPLY_MAX, "token supply within cap");
    Invariants.check(
        Math.addExact(money, supply.escrowed()) == supply.moneyOutstanding(),
        "money "
            + money
            + " + escrow "
            + supply.escrowed()
            + " = deposited - withdrawn "
            + supply.moneyOutstanding());
  }
}
