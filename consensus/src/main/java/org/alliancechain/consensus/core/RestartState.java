package org.alliancechain.consensus.core;

import java.util.List;
import java.util.Optional;
import org.alliancechain.core.block.BlockHeader;
import org.alliancechain.core.hash.Hash;

/**
 * What a replica starts from: the last block the node executed (from the block store) and the
 * consensus log (from the {@link ConsensusStore}). A fresh node has height 0 and an empty log.
 *
 * @param logMayBeLost the log is empty but this validator may have signed before (a node cannot
 *     tell a first start from a wiped data folder): it recovers before it votes ({@link Recovery})
 */
public record RestartState(
    long executedHeight,
    Optional<BlockHeader> executedHeader,
    Hash executedStateRoot,
    List<PersistRecord> log,
    boolean logMayBeLost) {
  public RestartState {
    log = List.copyOf(log);
  }

  public RestartState(
      long executedHeight,
      Optional<BlockHeader> executedHeader,
      Hash executedStateRoot,
      List<PersistRecord> log) {
    this(executedHeight, executedHeader, executedStateRoot, log, false);
  }

  public static RestartState fresh(Hash genesisStateRoot) {
    return new RestartState(0, Optional.empty(), genesisStateRoot, List.of());
  }
}
