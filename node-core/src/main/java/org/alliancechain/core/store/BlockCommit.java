package org.alliancechain.core.store;

import java.util.List;
import org.alliancechain.core.Invariants;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.state.StateUpdate;

/**
 * Everything executing one block produced, written by {@link RocksStore#commitBlock} in one synced
 * batch: the block with its certificate, one outcome per transaction, and the state update whose
 * version is the block's height.
 */
public record BlockCommit(CertifiedBlock block, List<TxOutcome> outcomes, StateUpdate state) {
  public BlockCommit {
    outcomes = List.copyOf(outcomes);
    Invariants.check(
        outcomes.size() == block.block().transactions().size(), "one outcome per transaction");
    Invariants.check(state.version() == block.block().height(), "state version is the height");
  }

  public long height() {
    return block.block().height();
  }
}
