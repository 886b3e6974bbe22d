package org.alliancechain.consensus.driver;

/**
 * When the driver hands its replica the next {@code Tick}: every {@code periodMillis} of wall time
 * while the driver's thread is free, and once, not once per period missed, after the thread was
 * busy longer than a period (executing a block, mostly). The replica counts its timeouts in ticks,
 * so a replica whose thread spent two seconds executing blocks would otherwise receive the missed
 * ticks in a burst, find its request timer expired, and start a view change against a primary that
 * was not late: the view changes of the {@code sharing} benchmark (docs/benchmarks.md, session 7).
 * A primary that is really silent leaves its backups idle, so their ticks keep coming. Not
 * thread-safe: the driver's thread only.
 */
final class TickSchedule {
  private final long periodMillis;
  private long next;
  private long skipped;

  TickSchedule(long nowMillis, long periodMillis) {
    if (periodMillis < 1) {
      throw new IllegalArgumentException("tick period " + periodMillis);
    }
    this.periodMillis = periodMillis;
    this.next = nowMillis + periodMillis;
  }

  /** Milliseconds until the next tick is due (0 when due). */
  long waitMillis(long nowMillis) {
    return Math.max(0, next - nowMillis);
  }

  /** Whether a tick is due at {@code nowMillis}; if so, schedules the one after it. */
  boolean take(long nowMillis) {
    if (nowMillis < next) {
      return false;
    }
    next += periodMillis;
    if (next <= nowMillis) {
      // Busy for more than a period: the ticks missed are dropped, not delivered late.
      skipped += (nowMillis - next) / periodMillis + 1;
      next = nowMillis + periodMillis;
    }
    return true;
  }

  /** Ticks dropped so far because the thread was busy when they were due. */
  long skipped() {
    return skipped;
  }
}
