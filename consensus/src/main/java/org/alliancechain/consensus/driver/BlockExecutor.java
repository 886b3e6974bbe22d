package org.alliancechain.consensus.driver;

import java.util.Optional;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorChange;
import org.alliancechain.core.hash.Hash;

/**
 * The executor port: runs a committed block through the Application and stores block and state
 * atomically (SPEC M-28), and serves stored certified blocks to lagging peers.
 */
public interface BlockExecutor {

  /**
   * The result of executing a block: the state root after it, and the validator-set change the
   * application decided in it, if any, with its activation height from the ledger.
   */
  record Executed(Hash stateRoot, Optional<ValidatorChange> nextValidators) {}

  Executed execute(CertifiedBlock block);

  Optional<CertifiedBlock> load(long height);
}
