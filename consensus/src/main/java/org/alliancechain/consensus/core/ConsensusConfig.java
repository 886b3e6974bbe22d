package org.alliancechain.consensus.core;

import java.util.EnumSet;
import java.util.Set;
import org.alliancechain.consensus.ConsensusLimits;
import org.alliancechain.core.hash.Hash;

/**
 * Protocol parameters; every node of an alliance must use the same values.
 *
 * @param checkpointIntervalBlocks K: a checkpoint every K blocks (Castro–Liskov §4.3)
 * @param windowBlocks L: high watermark = low watermark + L; a multiple of K, at least 2K
 * @param inFlightBlocksMax blocks the primary proposes beyond the last committed one
 * @param batchTxMax B: the primary cuts a block at B transactions...
 * @param batchTicksMax T: ...or T ticks after the first waiting transaction, whichever first
 * @param viewChangeTimeoutTicks base timeout, doubled on each successive view change (§4.5.2)
 * @param retransmitTicks how often a replica re-sends what it signed for unfinished sequence
 *     numbers (the paper assumes retransmission, §4.1)
 * @param blockTimeAheadMillisMax how far ahead of a validator's own time a block time may be
 * @param epochBlocks validator-set changes take effect only at heights that are multiples of it
 */
public record ConsensusConfig(
    String chainId,
    Hash genesisHash,
    Hash genesisStateRoot,
    long genesisTimeMillis,
    int checkpointIntervalBlocks,
    int windowBlocks,
    int inFlightBlocksMax,
    int batchTxMax,
    int batchTicksMax,
    int viewChangeTimeoutTicks,
    int retransmitTicks,
    long blockTimeAheadMillisMax,
    int epochBlocks,
    Set<PlantedBug> plantedBugs) {

  public ConsensusConfig {
    plantedBugs = plantedBugs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(plantedBugs));
    if (checkpointIntervalBlocks < 1
        || windowBlocks < 2 * checkpointIntervalBlocks
        || windowBlocks % checkpointIntervalBlocks != 0
        || windowBlocks > ConsensusLimits.WINDOW_BLOCKS_MAX) {
      throw new IllegalArgumentException("window must be a multiple of K, at least 2K");
    }
    if (inFlightBlocksMax < 1 || inFlightBlocksMax > windowBlocks) {
      throw new IllegalArgumentException("in-flight blocks must be 1..window");
    }
    if (batchTxMax < 1 || batchTicksMax < 1 || viewChangeTimeoutTicks < 2 || retransmitTicks < 1) {
      throw new IllegalArgumentException("batch and timer parameters must be positive");
    }
    if (epochBlocks < windowBlocks || epochBlocks % checkpointIntervalBlocks != 0) {
      throw new IllegalArgumentException("an epoch is a multiple of K, at least one window");
    }
  }

  public boolean has(PlantedBug bug) {
    return plantedBugs.contains(bug);
  }

  /** Defaults for tests and the simulator: small numbers so that runs are short. */
  public static ConsensusConfig forTests(String chainId, Hash genesisHash) {
    return new ConsensusConfig(
        chainId, genesisHash, Hash.ZERO, 1_000_000L, 4, 8, 4, 4, 3, 24, 6, 2_000L, 16, Set.of());
  }

  public ConsensusConfig withBugs(Set<PlantedBug> bugs) {
    return new ConsensusConfig(
        chainId,
        genesisHash,
        genesisStateRoot,
        genesisTimeMillis,
        checkpointIntervalBlocks,
        windowBlocks,
        inFlightBlocksMax,
        batchTxMax,
        batchTicksMax,
        viewChangeTimeoutTicks,
        retransmitTicks,
        blockTimeAheadMillisMax,
        epochBlocks,
        bugs);
  }
}
