package org.alliancechain.token.report;

import java.util.List;
import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.TokenLimits;
import org.alliancechain.token.state.Codecs;

/**
 * The continuous-amelioration report (SPEC M-25, paper IV.A.5) for blocks {@code fromHeight} to
 * {@code toHeight}: plain records, so the API edge can serialise them to JSON and the CLI print a
 * table. Stored canonically under {@code amel/report}.
 */
public record AmeliorationReport(
    long fromHeight,
    long toHeight,
    List<MemberLine> members,
    List<Anomaly> anomalies,
    List<Defect> defects,
    long defectsOmitted) {

  public AmeliorationReport {
    members = List.copyOf(members);
    anomalies = List.copyOf(anomalies);
    defects = List.copyOf(defects);
  }

  /** No anomaly and no contract defect. */
  public boolean clean() {
    return anomalies.isEmpty() && defects.isEmpty() && defectsOmitted == 0;
  }

  /** One member's activity in the window and its totals so far. */
  public record MemberLine(
      PublicKey member,
      long contributions,
      long contributionValue,
      long rewards,
      long cancellations,
      long totalContributions,
      long totalRewards) {
    void encode(CanonicalWriter w) {
      member.encode(w);
      w.u63(contributions).u63(contributionValue).u63(rewards).u63(cancellations);
      w.u63(totalContributions).u63(totalRewards);
    }

    static MemberLine decode(CanonicalReader r) {
      return new MemberLine(
          PublicKey.decode(r, "member"),
          r.u63("contributions"),
          r.u63("value"),
          r.u63("rewards"),
          r.u63("cancellations"),
          r.u63("total contributions"),
          r.u63("total rewards"));
    }
  }

  /** Abnormal sharing, naming the members involved (in address order) and the rule's numbers. */
  public record Anomaly(Kind kind, List<PublicKey> members, String detail) {
    /** The ordinal is the wire code: only append. */
    public enum Kind {
      CONTRIBUTION_OUTLIER,
      CIRCULAR_SHARING,
      REPEATED_CANCELLATIONS,
      REWARD_OUTLIER
    }

    public Anomaly {
      members = List.copyOf(members);
    }

    void encode(CanonicalWriter w) {
      w.u8(Codecs.code(kind));
      Codecs.keys(w, members);
      w.string(detail);
    }

    static Anomaly decode(CanonicalReader r) {
      return new Anomaly(
          Codecs.enumValue(r, Kind.class, "anomaly"),
          Codecs.list(r, "members", TokenLimits.MEMBERS_MAX, x -> PublicKey.decode(x, "member")),
          r.string("detail", 4 * TokenLimits.TEXT_BYTES_MAX));
    }
  }

  public void encode(CanonicalWriter w) {
    w.u63(fromHeight).u63(toHeight);
    Codecs.list(w, members, (out, m) -> m.encode(out));
    Codecs.list(w, anomalies, (out, a) -> a.encode(out));
    Codecs.list(w, defects, (out, d) -> d.encode(out));
    w.u63(defectsOmitted);
  }

  public static AmeliorationReport decode(CanonicalReader r) {
    return new AmeliorationReport(
        r.u63("from"),
        r.u63("to"),
        Codecs.list(r, "lines", TokenLimits.ACCOUNTS_MAX, MemberLine::decode),
        Codecs.list(r, "anomalies", TokenLimits.ANOMALIES_PER_REPORT_MAX, Anomaly::decode),
        Codecs.list(r, "defects", TokenLimits.DEFECTS_PER_REPORT_MAX, Defect::decode),
        r.u63("omitted"));
  }
}
