package org.alliancechain.token.state;

import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;

/**
 * Alliance-wide totals that the end-of-block invariants compare with the sum of all accounts:
 * {@code Σ tokens = issued - burned} and {@code Σ money + escrowed = deposited - withdrawn}.
 */
public record Supply(
    long tokensIssued, long tokensBurned, long moneyDeposited, long moneyWithdrawn, long escrowed) {
  public static final Supply ZERO = new Supply(0, 0, 0, 0, 0);

  public long tokensOutstanding() {
    return tokensIssued - tokensBurned;
  }

  public long moneyOutstanding() {
    return moneyDeposited - moneyWithdrawn;
  }

  public Supply issue(long amount) {
    return new Supply(
        Math.addExact(tokensIssued, amount),
        tokensBurned,
        moneyDeposited,
        moneyWithdrawn,
        escrowed);
  }

  public Supply burn(long amount) {
    return new Supply(
        tokensIssued,
        Math.addExact(tokensBurned, amount),
        moneyDeposited,
        moneyWithdrawn,
        escrowed);
  }

  public Supply deposit(long amount) {
    return new Supply(
        tokensIssued,
        tokensBurned,
        Math.addExact(moneyDeposited, amount),
        moneyWithdrawn,
        escrowed);
  }

  public Supply withdraw(long amount) {
    return new Supply(
        tokensIssued,
        tokensBurned,
        moneyDeposited,
        Math.addExact(moneyWithdrawn, amount),
        escrowed);
  }

  public Supply escrow(long delta) {
    return new Supply(
        tokensIssued, tokensBurned, moneyDeposited, moneyWithdrawn, Math.addExact(escrowed, delta));
  }

  public void encode(CanonicalWriter w) {
    w.u63(tokensIssued).u63(tokensBurned).u63(moneyDeposited).u63(moneyWithdrawn).u63(escrowed);
  }

  public static Supply decode(CanonicalReader r) {
    return new Supply(
        r.u63("issued"),
        r.u63("burned"),
        r.u63("deposited"),
        r.u63("withdrawn"),
        r.u63("escrowed"));
  }
}
