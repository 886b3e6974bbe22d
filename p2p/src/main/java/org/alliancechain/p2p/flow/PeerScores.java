package org.alliancechain.p2p.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.alliancechain.core.crypto.PublicKey;

/**
 * A misbehaviour score per peer: starts at {@link #SCORE_MAX}, drops by each penalty's points,
 * grows back one point per {@code recoveryMillis}. At zero the peer is banned: its link closes and
 * it may not link again until the ban ends. Ban n (counted per peer) lasts {@code banBaseMillis ·
 * 2^(n-1)}, capped at {@code banMaxMillis}, so a peer that comes back and misbehaves again stays
 * out longer each time. Time is passed in (milliseconds of any monotonic clock), so tests drive it.
 * Thread-safe; bounded by the member count (only authenticated members are scored).
 */
public final class PeerScores {
  public static final int SCORE_MAX = 100;

  private final long recoveryMillis;
  private final Backoff banDurations;
  // Looked up by key only, never iterated in an order that matters.
  private final Map<PublicKey, Entry> entries = new HashMap<>();

  private static final class Entry {
    long score = SCORE_MAX;
    long updatedMillis;
    long bannedUntilMillis;
    int bans;
  }

  /** What a penalty did. */
  public enum Outcome {
    SCORED,
    BANNED
  }

  public PeerScores(long recoveryMillis, long banBaseMillis, long banMaxMillis) {
    if (recoveryMillis < 1) {
      throw new IllegalArgumentException("recoveryMillis >= 1");
    }
    this.recoveryMillis = recoveryMillis;
    // No jitter: a ban's length is policy, not a retry schedule; ceilingMillis is deterministic.
    this.banDurations = new Backoff(banBaseMillis, banMaxMillis, new java.util.SplittableRandom(0));
  }

  public synchronized Outcome penalize(PublicKey peer, int points, long nowMillis) {
    Entry e = entries.computeIfAbsent(peer, k -> fresh(nowMillis));
    recover(e, nowMillis);
    if (e.bannedUntilMillis > nowMillis) {
      return Outcome.BANNED; // already out: a late message from the closing link adds nothing
    }
    e.score -= points;
    if (e.score > 0) {
      return Outcome.SCORED;
    }
    e.bans++;
    e.bannedUntilMillis = nowMillis + banDurations.ceilingMillis(e.bans - 1);
    e.score = SCORE_MAX; // a fresh start once the ban is served
    e.updatedMillis = e.bannedUntilMillis;
    return Outcome.BANNED;
  }

  public synchronized boolean isBanned(PublicKey peer, long nowMillis) {
    Entry e = entries.get(peer);
    return e != null && e.bannedUntilMillis > nowMillis;
  }

  /** Milliseconds until the ban ends, or 0 when the peer is not banned. */
  public synchronized long banRemainingMillis(PublicKey peer, long nowMillis) {
    Entry e = entries.get(peer);
    return e == null ? 0 : Math.max(0, e.bannedUntilMillis - nowMillis);
  }

  public synchronized long score(PublicKey peer, long nowMillis) {
    Entry e = entries.get(peer);
    if (e == null) {
      return SCORE_MAX;
    }
    recover(e, nowMillis);
    return e.score;
  }

  public synchronized int bannedCount(long nowMillis) {
    int n = 0;
    for (Entry e : entries.values()) {
      if (e.bannedUntilMillis > nowMillis) {
        n++;
      }
    }
    return n;
  }

  private static Entry fresh(long nowMillis) {
    Entry e = new Entry();
    e.updatedMillis = nowMillis;
    return e;
  }

  private void recover(Entry e, long nowMillis) {
    if (nowMillis <= e.updatedMillis) {
      return;
    }
    if (e.score >= SCORE_MAX) {
      e.updatedMillis = nowMillis; // nothing to regain: recovery counts from the next penalty
      return;
    }
    long points = (nowMillis - e.updatedMillis) / recoveryMillis;
    if (points > 0) {
      e.score = Math.min(SCORE_MAX, e.score + points);
      e.updatedMillis =
          e.score == SCORE_MAX ? nowMillis : e.updatedMillis + points * recoveryMillis;
    }
  }

  /** A monotonic millisecond clock for callers outside tests. */
  public static long monotonicMillis() {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
  }
}
