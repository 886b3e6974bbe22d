package org.alliancechain.p2p.flow;

import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": attempt n waits a uniformly random time in [d/2, d]
 * where d = min(max, base · 2^n). The jitter keeps members that lost a peer at the same moment from
 * redialing in lockstep; the random generator is seeded by the caller so runs can be replayed.
 */
public final class Backoff {
  private final long baseMillis;
  private final long maxMillis;
  private final RandomGenerator random;

  public Backoff(long baseMillis, long maxMillis, RandomGenerator random) {
    if (baseMillis < 1 || maxMillis < baseMillis) {
      throw new IllegalArgumentException("need 1 <= base <= max");
    }
    this.baseMillis = baseMillis;
    this.maxMillis = maxMillis;
    this.random = random;
  }

  /** The ceiling d for the given attempt (0 = first retry). */
  public long ceilingMillis(int attempt) {
    int shift = Math.min(Math.max(attempt, 0), 62);
    long scaled = baseMillis << shift;
    // An overflowed shift is negative or smaller than base: treat it as past the cap.
    return (scaled <= 0 || (scaled >> shift) != baseMillis)
        ? maxMillis
        : Math.min(maxMillis, scaled);
  }

  public long delayMillis(int attempt) {
    long ceiling = ceilingMillis(attempt);
    long half = ceiling / 2;
    return half + random.nextLong(ceiling - half + 1);
  }
}
