package org.alliancechain.token.state;

import java.math.BigInteger;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.TxRejected;

/**
 * A wallet (SPEC M-17, M-21): tokens and money in integer minor units, the coin age that turns
 * holdings into stake, and the member's contribution record (the paper's PoW).
 *
 * <p>Stake (the paper's PoS, SPEC M-21), with {@code cap = STAKE_AGE_CAP_BLOCKS}:
 *
 * <pre>
 * age(h)   = min(coinAge + tokens * min(h - ageHeight, cap), tokens * cap)   [token-blocks]
 * stake(h) = tokens + floor(age(h) / cap)                                      [1x .. 2x tokens]
 * </pre>
 *
 * Age is rolled forward only when the account changes (O(1) per change, no pass over holders). New
 * tokens arrive with age 0; spending x of b tokens keeps age * (b - x) / b (floor), so the spent
 * tokens take their proportional share of age with them.
 *
 * @param coinAge token-blocks accumulated up to {@code ageHeight}
 * @param contributions verified contributions (one per contract and provider)
 * @param contributionValue tokens issued for those contributions (bonuses excluded)
 * @param rewards every token ever issued to this account (contributions and bonuses)
 */
public record Account(
    long tokens,
    long money,
    long coinAge,
    long ageHeight,
    long contributions,
    long contributionValue,
    long rewards) {

  public static final Account EMPTY = new Account(0, 0, 0, 0, 0, 0, 0);

  public Account {
    if (tokens < 0 || money < 0 || coinAge < 0 || ageHeight < 0) {
      throw new AssertionError("invariant broken: negative account field");
    }
  }

  public long ageAt(long height, long capBlocks) {
    long elapsed = Math.min(Math.max(0, height - ageHeight), capBlocks);
    long grown = Math.addExact(coinAge, Math.multiplyExact(tokens, elapsed));
    return Math.min(grown, Math.multiplyExact(tokens, capBlocks));
  }

  public long stakeAt(long height, long capBlocks) {
    return tokens + ageAt(height, capBlocks) / capBlocks;
  }

  /** Holding-time multiplier in per mille: 1000 (fresh or empty) to 2000 (held cap blocks). */
  public long holdingPerMilleAt(long height, long capBlocks) {
    if (tokens == 0) {
      return TokenLimits.PER_MILLE;
    }
    long full = Math.multiplyExact(tokens, capBlocks);
    BigInteger part =
        BigInteger.valueOf(ageAt(height, capBlocks))
            .multiply(BigInteger.valueOf(TokenLimits.PER_MILLE))
            .divide(BigInteger.valueOf(full));
    return TokenLimits.PER_MILLE + part.longValueExact();
  }

  public Account creditTokens(long amount, long height, long capBlocks) {
    long age = ageAt(height, capBlocks);
    long total = Math.addExact(tokens, amount);
    return new Account(total, money, age, height, contributions, contributionValue, rewards);
  }

  public Account debitTokens(long amount, long height, long capBlocks) {
    TxRejected.require(
        amount <= tokens, "insufficient_tokens", "has " + tokens + ", needs " + amount);
    long age = ageAt(height, capBlocks);
    long kept = tokens - amount;
    long keptAge =
        tokens == 0
            ? 0
            : BigInteger.valueOf(age)
                .multiply(BigInteger.valueOf(kept))
                .divide(BigInteger.valueOf(tokens))
                .longValueExact();
    return new Account(kept, money, keptAge, height, contributions, contributionValue, rewards);
  }

  public Account creditMoney(long amount) {
    return withMoney(Math.addExact(money, amount));
  }

  public Account debitMoney(long amount) {
    TxRejected.require(amount <= money, "insufficient_money", "has " + money + ", needs " + amount);
    return withMoney(money - amount);
  }

  private Account withMoney(long value) {
    return new Account(
        tokens, value, coinAge, ageHeight, contributions, contributionValue, rewards);
  }

  public Account rewarded(long amount, boolean newContribution, long contributedValue) {
    return new Account(
        tokens,
        money,
        coinAge,
        ageHeight,
        newContribution ? Math.addExact(contributions, 1) : contributions,
        Math.addExact(contributionValue, contributedValue),
        Math.addExact(rewards, amount));
  }

  public void encode(CanonicalWriter w) {
    w.u63(tokens).u63(money).u63(coinAge).u63(ageHeight);
    w.u63(contributions).u63(contributionValue).u63(rewards);
  }

  public static Account decode(CanonicalReader r) {
    return new Account(
        r.u63("tokens"),
        r.u63("money"),
        r.u63("coin age"),
        r.u63("age height"),
        r.u63("contributions"),
        r.u63("contribution value"),
        r.u63("rewards"));
  }
}
