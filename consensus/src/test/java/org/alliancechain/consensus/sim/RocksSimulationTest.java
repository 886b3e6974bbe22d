package org.alliancechain.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliancechain.consensus.store.AreaConsensusStore;
import org.alliancechain.core.store.RocksStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few crash-heavy runs with every node's consensus log in a real RocksDB store in a temp folder
 * (issue 3: "a real RocksDB store in a temp folder is best"); the fast suite uses memory.
 */
class RocksSimulationTest {
  @Test
  void primaryCrashesWithTheLogInRocksDbKeepEveryChecker(@TempDir Path dir) {
    List<RocksStore> opened = new ArrayList<>();
    try {
      for (long seed = 1; seed <= 2; seed++) {
        long run = seed;
        SimResult result =
            new Simulation(
                    Scenarios.byName("primary-crashes"),
                    seed,
                    node -> {
                      Path folder = dir.resolve(run + "-" + node);
                      try {
                        java.nio.file.Files.createDirectories(folder);
                      } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                      }
                      RocksStore rocks = RocksStore.open(folder, Simulation.CHAIN_ID);
                      opened.add(rocks);
                      return new AreaConsensusStore(rocks.consensus());
                    })
                .run();
        assertThat(result.violations()).as(result.replayCommand()).isEmpty();
        assertThat(result.blocksCommitted()).isPositive();
      }
    } finally {
      opened.forEach(RocksStore::close);
    }
  }
}
