package org.alliancechain.token.state;

import org.alliancechain.core.codec.CanonicalReader;
import org.alliancechain.core.codec.CanonicalWriter;

/** Sequence numbers for proposal and case ids, and the number of proposals still open. */
public record Counters(long nextProposalId, long nextCaseId, int openProposals) {
  public static final Counters INITIAL = new Counters(1, 1, 0);

  public void encode(CanonicalWriter w) {
    w.u63(nextProposalId).u63(nextCaseId).u32(openProposals);
  }

  public static Counters decode(CanonicalReader r) {
    return new Counters(
        r.u63("next proposal"), r.u63("next case"), r.u32("open proposals", Integer.MAX_VALUE));
  }
}
