package org.alliancechain.token.wallet;

import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.TxRejected;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.state.Supply;

/**
 * Every movement of tokens and money (SPEC M-17, M-22). Amounts are integer minor units; overflow
 * raises {@link ArithmeticException}, which fails the transaction rather than wrapping. Each method
 * keeps the supply record in step with the accounts so that the end-of-block invariants hold.
 */
public final class Wallets {
  private final Ledger ledger;
  private final long height;

  public Wallets(Ledger ledger, long height) {
    this.ledger = ledger;
    this.height = height;
  }

  private long capBlocks() {
    return ledger.param(ParamId.STAKE_AGE_CAP_BLOCKS);
  }

  /** New tokens (TCA issuance); refused beyond {@link TokenLimits#TOKEN_SUPPLY_MAX}. */
  public void issue(PublicKey to, long amount) {
    Supply supply = ledger.supply().issue(amount);
    TxRejected.require(
        supply.tokensOutstanding() <= TokenLimits.TOKEN_SUPPLY_MAX,
        "supply_cap",
        "issuing " + amount + " would pass " + TokenLimits.TOKEN_SUPPLY_MAX);
    ledger.putAccount(to, ledger.account(to).creditTokens(amount, height, capBlocks()));
    ledger.putSupply(supply);
  }

  public void burn(PublicKey from, long amount) {
    ledger.putAccount(from, ledger.account(from).debitTokens(amount, height, capBlocks()));
    ledger.putSupply(ledger.supply().burn(amount));
  }

  public void transferTokens(PublicKey from, PublicKey to, long amount) {
    TxRejected.require(!from.equals(to), "self_transfer", "sender and recipient are the same");
    ledger.putAccount(from, ledger.account(from).debitTokens(amount, height, capBlocks()));
    ledger.putAccount(to, ledger.account(to).creditTokens(amount, height, capBlocks()));
  }

  public void transferMoney(PublicKey from, PublicKey to, long amount) {
    TxRejected.require(!from.equals(to), "self_transfer", "sender and recipient are the same");
    ledger.putAccount(from, ledger.account(from).debitMoney(amount));
    ledger.putAccount(to, ledger.account(to).creditMoney(amount));
  }

  /** Money entering the ledger through the gateway. */
  public void deposit(PublicKey to, long amount) {
    ledger.putAccount(to, ledger.account(to).creditMoney(amount));
    ledger.putSupply(ledger.supply().deposit(amount));
  }

  /** Money leaving the ledger through the gateway. */
  public void withdraw(PublicKey from, long amount) {
    ledger.putAccount(from, ledger.account(from).debitMoney(amount));
    ledger.putSupply(ledger.supply().withdraw(amount));
  }

  /**
   * M-22 (2): burns {@code tokens} and pays {@code tokens * rate} money from the gateway account,
   * which the gateway funds by depositing to itself. Money is conserved (it moves between
   * accounts); tokens are burned.
   */
  public long redeem(PublicKey member, long tokens) {
    long rate = ledger.param(ParamId.REDEMPTION_MONEY_PER_TOKEN);
    TxRejected.require(rate > 0, "redemption_closed", "the DAO set the redemption rate to 0");
    long money = Math.multiplyExact(tokens, rate);
    PublicKey gateway = ledger.gateway();
    TxRejected.require(!gateway.equals(member), "self_redeem", "the gateway cannot redeem");
    burn(member, tokens);
    ledger.putAccount(gateway, ledger.account(gateway).debitMoney(money));
    ledger.putAccount(member, ledger.account(member).creditMoney(money));
    return money;
  }

  public void escrowLock(String contractId, PublicKey from, long amount) {
    ledger.putAccount(from, ledger.account(from).debitMoney(amount));
    long held = escrowed(contractId);
    ledger.store().put(Keys.escrow(contractId), w -> w.u63(Math.addExact(held, amount)));
    ledger.putSupply(ledger.supply().escrow(amount));
  }

  public void escrowRelease(String contractId, PublicKey to, long amount) {
    long held = escrowed(contractId);
    TxRejected.require(
        amount <= held, "insufficient_escrow", "escrow holds " + held + ", release " + amount);
    if (held == amount) {
      ledger.store().delete(Keys.escrow(contractId));
    } else {
      ledger.store().put(Keys.escrow(contractId), w -> w.u63(held - amount));
    }
    ledger.putSupply(ledger.supply().escrow(-amount));
    ledger.putAccount(to, ledger.account(to).creditMoney(amount));
  }

  public long escrowed(String contractId) {
    return ledger.store().get(Keys.escrow(contractId), r -> r.u63("escrow")).orElse(0L);
  }
}
