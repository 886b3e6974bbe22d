package org.alliancechain.core.exec;

import java.util.List;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.app.TxOutcome;
import org.alliancechain.core.hash.Hash;

/** What {@link BlockExecutor#execute} did with a block. */
public sealed interface ExecutionResult {

  /** The block was executed and is durably committed with its state. */
  record Committed(long height, Hash stateRoot, List<TxOutcome> outcomes)
      implements ExecutionResult {
    public Committed {
      outcomes = List.copyOf(outcomes);
    }
  }

  /** The block is not the next valid block for this store; nothing was written. */
  record Rejected(Verdict verdict) implements ExecutionResult {}
}
