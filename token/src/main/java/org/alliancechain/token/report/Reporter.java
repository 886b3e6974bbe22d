package org.alliancechain.token.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.report.AmeliorationReport.Anomaly;
import org.alliancechain.token.report.AmeliorationReport.MemberLine;
import org.alliancechain.token.state.Account;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.ParamId;

/**
 * Builds the amelioration report from the ledger (SPEC M-25). Integer rules only, with {@code k =
 * ANOMALY_MAD_K}, {@code med} the lower median and {@code MAD} the lower median of absolute
 * deviations from it:
 *
 * <pre>
 * scale = max(MAD, ceil(med / 10), 1)
 * contribution outlier:  c_i > med(c) + k * scale(c)                    over all members
 * reward outlier:        |r_i/c_i - med(r/c)| > k * scale(r/c)           over members with c_i > 0
 * repeated cancellation: cancellations_i >= CANCELLATIONS_MAX
 * circular sharing:      a→b and b→a, or a→b→c→a, each edge >= CIRCULAR_EDGES_MIN contributions
 * </pre>
 *
 * The floor of a tenth of the median keeps a perfectly uniform alliance (MAD = 0) from flagging
 * ordinary small differences such as one bonus.
 */
public final class Reporter {
  private Reporter() {}

  public static AmeliorationReport build(Ledger ledger, long fromHeight, long toHeight) {
    Analytics analytics = new Analytics(ledger);
    List<PublicKey> members = new ArrayList<>();
    List<WindowStats> stats = new ArrayList<>();
    List<MemberLine> lines = new ArrayList<>();
    for (PublicKey key : ledger.accounts()) {
      if (ledger.member(key).isEmpty()) {
        continue;
      }
      WindowStats s = analytics.stats(key);
      Account a = ledger.account(key);
      members.add(key);
      stats.add(s);
      lines.add(
          new MemberLine(
              key,
              s.contributions(),
              s.contributionValue(),
              s.rewards(),
              s.cancellations(),
              a.contributions(),
              a.rewards()));
    }
    List<Anomaly> anomalies = new ArrayList<>();
    long k = ledger.param(ParamId.ANOMALY_MAD_K);
    contributionOutliers(members, stats, k, anomalies);
    rewardOutliers(members, stats, k, anomalies);
    cancellations(members, stats, ledger.param(ParamId.CANCELLATIONS_MAX), anomalies);
    CircularSharing.find(members, stats, ledger.param(ParamId.CIRCULAR_EDGES_MIN), anomalies);
    List<Anomaly> bounded =
        anomalies.size() > TokenLimits.ANOMALIES_PER_REPORT_MAX
            ? anomalies.subList(0, TokenLimits.ANOMALIES_PER_REPORT_MAX)
            : anomalies;
    Analytics.Defects defects = analytics.defects();
    return new AmeliorationReport(
        fromHeight, toHeight, lines, bounded, defects.listed(), defects.omitted());
  }

  /** Computes, stores and resets the window. */
  public static AmeliorationReport run(Ledger ledger, long fromHeight, long toHeight) {
    AmeliorationReport report = build(ledger, fromHeight, toHeight);
    ledger.store().put(Keys.REPORT, report::encode);
    new Analytics(ledger).reset(ledger.accounts());
    return report;
  }

  public static long lowerMedian(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }

  public static long scale(long[] values) {
    long med = lowerMedian(values);
    long[] deviations = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      deviations[i] = Math.abs(values[i] - med);
    }
    long mad = lowerMedian(deviations);
    return Math.max(Math.max(mad, (med + 9) / 10), 1);
  }

  private static void contributionOutliers(
      List<PublicKey> members, List<WindowStats> stats, long k, List<Anomaly> out) {
    if (members.isEmpty()) {
      return;
    }
    long[] c = stats.stream().mapToLong(WindowStats::contributions).toArray();
    long med = lowerMedian(c);
    long limit = Math.addExact(med, Math.multiplyExact(k, scale(c)));
    for (int i = 0; i < c.length; i++) {
      if (c[i] > limit) {
        out.add(
            new Anomaly(
                Anomaly.Kind.CONTRIBUTION_OUTLIER,
                List.of(members.get(i)),
                c[i] + " contributions > median " + med + " + k*scale = " + limit));
      }
    }
  }

  private static void rewardOutliers(
      List<PublicKey> members, List<WindowStats> stats, long k, List<Anomaly> out) {
    List<Integer> active = new ArrayList<>();
    for (int i = 0; i < stats.size(); i++) {
      if (stats.get(i).contributions() > 0) {
        active.add(i);
      }
    }
    if (active.isEmpty()) {
      return;
    }
    long[] r = new long[active.size()];
    for (int j = 0; j < r.length; j++) {
      WindowStats s = stats.get(active.get(j));
      r[j] = s.rewards() / s.contributions();
    }
    long med = lowerMedian(r);
    long band = Math.multiplyExact(k, scale(r));
    for (int j = 0; j < r.length; j++) {
      if (Math.abs(r[j] - med) > band) {
        out.add(
            new Anomaly(
                Anomaly.Kind.REWARD_OUTLIER,
                List.of(members.get(active.get(j))),
                r[j] + " tokens per contribution, median " + med + ", band " + band));
      }
    }
  }

  private static void cancellations(
      List<PublicKey> members, List<WindowStats> stats, long max, List<Anomaly> out) {
    for (int i = 0; i < members.size(); i++) {
      long n = stats.get(i).cancellations();
      if (n >= max) {
        out.add(
            new Anomaly(
                Anomaly.Kind.REPEATED_CANCELLATIONS,
                List.of(members.get(i)),
                n + " cancellations >= " + max));
      }
    }
  }

  /** Finds 2- and 3-cycles of strong sharing edges. */
  static final class CircularSharing {
    private CircularSharing() {}

    static void find(
        List<PublicKey> members, List<WindowStats> stats, long min, List<Anomaly> out) {
      Map<PublicKey, WindowStats> byKey = new java.util.TreeMap<>();
      for (int i = 0; i < members.size(); i++) {
        byKey.put(members.get(i), stats.get(i));
      }
      for (PublicKey a : members) {
        for (PublicKey b : strongOut(byKey, a, min)) {
          if (b.compareTo(a) > 0 && strongOut(byKey, b, min).contains(a)) {
            out.add(cycle(List.of(a, b), min));
          }
          if (b.compareTo(a) <= 0) {
            continue;
          }
          for (PublicKey c : strongOut(byKey, b, min)) {
            if (c.compareTo(a) > 0 && !c.equals(b) && strongOut(byKey, c, min).contains(a)) {
              out.add(cycle(List.of(a, b, c), min));
            }
          }
        }
      }
    }

    private static List<PublicKey> strongOut(
        Map<PublicKey, WindowStats> byKey, PublicKey from, long min) {
      WindowStats s = byKey.get(from);
      List<PublicKey> out = new ArrayList<>();
      if (s == null) {
        return out;
      }
      for (Map.Entry<PublicKey, Long> e : s.sharedTo().entrySet()) {
        if (e.getValue() >= min) {
          out.add(e.getKey());
        }
      }
      return out;
    }

    private static Anomaly cycle(List<PublicKey> cycle, long min) {
      String path =
          String.join(" -> ", cycle.stream().map(k -> k.toHex().substring(0, 8)).toList());
      return new Anomaly(
          Anomaly.Kind.CIRCULAR_SHARING,
          cycle.stream().sorted().toList(),
          path + " -> back, every edge >= " + min + " contributions");
    }
  }
}
