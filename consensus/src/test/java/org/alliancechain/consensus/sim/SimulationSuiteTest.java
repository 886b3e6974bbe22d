package org.alliancechain.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The default seed budget of the simulator (issue 3; SPEC M-27): every scenario at n = 4, 7 and 10,
 * with all checkers after every step. A failure prints its seed and the one-line command that
 * replays it. Replay one run with {@code -Dsim.scenario=NAME -Dsim.validators=N -Dsim.seed=S}.
 */
class SimulationSuiteTest {
  private static final int SEEDS_N4 = Integer.getInteger("sim.seeds", 32);
  private static final int SEEDS_N7 = Math.max(1, SEEDS_N4 / 3);
  private static final int SEEDS_N10 = Math.max(1, SEEDS_N4 / 8);

  @Test
  void everyScenarioKeepsSafetyAndLivenessAcrossTheDefaultSeedBudget() {
    String only = System.getProperty("sim.scenario");
    long seedOnly = Long.getLong("sim.seed", -1);
    List<String> failures = new ArrayList<>();
    int runs = 0;
    long blocks = 0;
    long started = System.nanoTime();
    for (String name : only == null ? Scenarios.names() : List.of(only)) {
      for (int[] budget : new int[][] {{4, SEEDS_N4}, {7, SEEDS_N7}, {10, SEEDS_N10}}) {
        int n = Integer.getInteger("sim.validators", budget[0]);
        if (n != budget[0]) {
          continue;
        }
        for (long i = 1; i <= budget[1]; i++) {
          long seed = seedOnly >= 0 ? seedOnly : i * 7919 + n;
          SimResult result = new Simulation(Scenarios.byName(name).withValidators(n), seed).run();
          runs++;
          blocks += result.blocksCommitted();
          if (!result.ok()) {
            String line =
                "FAILED seed "
                    + seed
                    + " "
                    + name
                    + " n="
                    + n
                    + ": "
                    + result.violations()
                    + "\n  replay: "
                    + result.replayCommand()
                    + "\n  or: mvn -pl consensus -am test -Dtest=SimulationSuiteTest"
                    + " -Dsurefire.failIfNoSpecifiedTests=false -Dsim.scenario="
                    + name
                    + " -Dsim.validators="
                    + n
                    + " -Dsim.seed="
                    + seed;
            System.out.println(line);
            failures.add(line);
          }
          if (seedOnly >= 0) {
            break;
          }
        }
      }
    }
    System.out.printf(
        "simulator: %d runs, %d blocks committed, %d failures, %d ms%n",
        runs, blocks, failures.size(), (System.nanoTime() - started) / 1_000_000);
    assertThat(failures).isEmpty();
    if (only == null && seedOnly < 0) {
      assertThat(runs).isGreaterThanOrEqualTo(500);
    }
  }
}
