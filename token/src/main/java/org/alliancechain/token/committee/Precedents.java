package org.alliancechain.token.committee;

import java.util.Optional;
import org.alliancechain.token.state.Keys;
import org.alliancechain.token.state.Store;

/**
 * Committee decisions turned into rules ("the results will be transferred into codes", paper
 * IV.B.4, SPEC M-20): the award (per mille of the claimed amount) decided for a kind of case is
 * applied by the system itself to later cases of the same kind. A later decision of the same kind
 * replaces the precedent.
 */
public final class Precedents {
  private final Store store;

  public Precedents(Store store) {
    this.store = store;
  }

  public Optional<Integer> awardPerMille(String caseKind) {
    return store.get(Keys.precedent(caseKind), r -> r.u16("precedent"));
  }

  public void record(String caseKind, int awardPerMille) {
    store.put(Keys.precedent(caseKind), w -> w.u16(awardPerMille));
  }
}
