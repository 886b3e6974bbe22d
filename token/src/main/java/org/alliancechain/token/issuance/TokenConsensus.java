package org.alliancechain.token.issuance;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.token.TxRejected;
import org.alliancechain.token.report.Analytics;
import org.alliancechain.token.report.Defect;
import org.alliancechain.token.state.BufferedState;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;
import org.alliancechain.token.state.Store;

/**
 * The token consensus algorithm's end-of-block step (paper IV.A.4, SPEC M-27): the block's verified
 * contributions, in transaction order, become issuance; what was issued is logged under {@code
 * tca/log/{height}} for every member to read.
 */
public final class TokenConsensus {
  private TokenConsensus() {}

  public static List<Issued> endBlock(Ledger ledger, long height) {
    PendingIssuance pending = new PendingIssuance(ledger.store());
    List<PendingIssuance.Entry> entries = pending.entries();
    pending.clear();
    List<Issued> issued = new ArrayList<>();
    for (PendingIssuance.Entry entry : entries) {
      // Each payment applies whole or not at all: a refused one is a defect, never a crash.
      BufferedState overlay = new BufferedState(ledger.store().writer());
      try {
        issued.addAll(new Issuance(new Ledger(Store.of(overlay)), height).issue(entry));
        overlay.flushTo(ledger.store().writer());
      } catch (TxRejected | ArithmeticException e) {
        new Analytics(ledger)
            .defect(
                new Defect(
                    entry.payment().contractId(),
                    Defect.Kind.ISSUANCE_REFUSED,
                    String.valueOf(e.getMessage()),
                    height));
      }
    }
    // Committee decisions made by this block's transactions were queued too; anything queued
    // while issuing (nothing today) would wait for the next block.
    if (!issued.isEmpty()) {
      ledger
          .store()
          .put(
              Keys.issuanceLog(height),
              w -> Codecs.list(w, issued, (CanonicalWriter out, Issued i) -> i.encode(out)));
    }
    return issued;
  }
}
