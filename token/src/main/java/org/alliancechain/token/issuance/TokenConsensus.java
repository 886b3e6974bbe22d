package org.alliancechain.token.issuance;

import java.util.ArrayList;
import java.util.List;
import org.alliancechain.core.codec.CanonicalWriter;
import org.alliancechain.token.state.Codecs;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Ledger;

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
    Issuance issuance = new Issuance(ledger, height);
    List<Issued> issued = new ArrayList<>();
    for (PendingIssuance.Entry entry : entries) {
      issued.addAll(issuance.issue(entry));
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
