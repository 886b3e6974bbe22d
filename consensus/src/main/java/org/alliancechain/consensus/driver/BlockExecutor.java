package org.alliancechain.consensus.driver;

import java.util.Optional;
import org.alliancechain.core.block.CertifiedBlock;
import org.alliancechain.core.block.ValidatorSet;
import org.alliancechain.core.hash.Hash;

/**
 * The executor port: runs a committed block through the Application and stores block and state
 * atomically (SPEC M-28), and serves stored certified blocks to lagging peers.
 */
public interface BlockExecutor {

  /**
   * The result of executing a block: the state root after it, and the validator set the application
   * decided on in it, if any (takes effect at the next epoch boundary).
   */
  record Executed(Hash stateRoot, Optional<ValidatorSet> nextValidators) {}

  Executed execute(CertifiedBlock block);

  Optional<CertifiedBlock> load(long height);
}
