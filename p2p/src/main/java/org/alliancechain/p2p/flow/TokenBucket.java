package org.alliancechain.p2p.flow;

/**
 * A token bucket over a caller-supplied monotonic clock in nanoseconds: {@code ratePerSecond}
 * tokens are added per second up to {@code burst}. Not thread-safe (one per link, used on its event
 * loop).
 */
public final class TokenBucket {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long ratePerSecond;
  private final long burst;
  // Tokens are kept in units of 1/ratePerSecond of a nanosecond-token, to stay in integers:
  // one token = NANOS_PER_SECOND credit units; credit grows by ratePerSecond per nanosecond.
  private long credit;
  private long lastNanos;

  public TokenBucket(long ratePerSecond, long burst, long nowNanos) {
    if (ratePerSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("rate and burst must be >= 1");
    }
    this.ratePerSecond = ratePerSecond;
    this.burst = burst;
    this.credit = burst * NANOS_PER_SECOND;
    this.lastNanos = nowNanos;
  }

  /** Takes a token if there is one: 0; otherwise the nanoseconds until there will be one. */
  public long tryTake(long nowNanos) {
    refill(nowNanos);
    if (credit >= NANOS_PER_SECOND) {
      credit -= NANOS_PER_SECOND;
      return 0;
    }
    long missing = NANOS_PER_SECOND - credit;
    return (missing + ratePerSecond - 1) / ratePerSecond;
  }

  private void refill(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - lastNanos);
    lastNanos = nowNanos;
    long cap = burst * NANOS_PER_SECOND;
    // elapsed * rate can overflow after ~9 s at 1e9/s; anything past the cap is the cap.
    long gained = elapsed > cap / ratePerSecond ? cap : elapsed * ratePerSecond;
    credit = Math.min(cap, credit + gained);
  }
}
