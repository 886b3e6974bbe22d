package org.alliancechain.token.report;

import java.util.Map;
import java.util.TreeMap;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;

/**
 * A member's activity since the last amelioration report (SPEC M-25): verified contributions, their
 * value, tokens received, cancellations, and how often it shared with each receiver.
 */
public record WindowStats(
    long contributions,
    long contributionValue,
    long rewards,
    long cancellations,
    TreeMap<PublicKey, Long> sharedTo) {
  public static WindowStats empty() {
    return new WindowStats(0, 0, 0, 0, new TreeMap<>());
  }

  public WindowStats {
    sharedTo = new TreeMap<>(sharedTo);
  }

  /** {@code counted}: a new contribution (not a later installment of one already counted). */
  public WindowStats contributed(PublicKey receiver, long value, boolean counted) {
    TreeMap<PublicKey, Long> edges = new TreeMap<>(sharedTo);
    if (counted) {
      edges.merge(receiver, 1L, Math::addExact);
    }
    return new WindowStats(
        counted ? Math.addExact(contributions, 1) : contributions,
        Math.addExact(contributionValue, value),
        rewards,
        cancellations,
        edges);
  }

  public WindowStats rewarded(long amount) {
    return new WindowStats(
        contributions, contributionValue, Math.addExact(rewards, amount), cancellations, sharedTo);
  }

  public WindowStats cancelled() {
    return new WindowStats(
        contributions, contributionValue, rewards, Math.addExact(cancellations, 1), sharedTo);
  }

  public void encode(CanonicalWriter w) {
    w.u63(contributions).u63(contributionValue).u63(rewards).u63(cancellations);
    w.count(sharedTo.size());
    for (Map.Entry<PublicKey, Long> e : sharedTo.entrySet()) {
      e.getKey().encode(w);
      w.u63(e.getValue());
    }
  }

  public static WindowStats decode(CanonicalReader r) {
    long c = r.u63("contributions");
    long v = r.u63("contribution value");
    long rw = r.u63("rewards");
    long x = r.u63("cancellations");
    int n = r.count("edges", TokenLimits.ACCOUNTS_MAX);
    TreeMap<PublicKey, Long> edges = new TreeMap<>();
    PublicKey previous = null;
    for (int i = 0; i < n; i++) {
      PublicKey key = PublicKey.decode(r, "receiver");
      if (previous != null && previous.compareTo(key) >= 0) {
        throw new DecodeException(DecodeException.Reason.NON_CANONICAL, "edges not sorted");
      }
      previous = key;
      edges.put(key, r.u63("edge count"));
    }
    return new WindowStats(c, v, rw, x, edges);
  }
}
