package org.alliancechain.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Issue 3 evidence: a validator that signs two conflicting messages for one (view, seq, phase) is
 * caught, and the evidence naming it is committed on every honest node. The simulator's checker
 * fails any run where an honest node detected an equivocation whose evidence did not reach every
 * honest chain, or where evidence names an honest validator; here we also require that the
 * equivocating scenarios do produce convictions.
 */
class EvidenceTest {
  @Test
  void equivocatingPrimaryAndTwinsAreConvictedOnEveryHonestChain() {
    for (String name : new String[] {"equivocate", "twin"}) {
      int convictedRuns = 0;
      for (long seed = 1; seed <= 8; seed++) {
        SimResult result = new Simulation(Scenarios.byName(name), seed).run();
        assertThat(result.violations()).as(result.replayCommand()).isEmpty();
        if (result.offendersConvicted() > 0) {
          convictedRuns++;
        }
      }
      System.out.println(name + ": offender convicted in " + convictedRuns + " of 8 runs");
      assertThat(convictedRuns).as(name).isGreaterThan(0);
    }
  }

  @Test
  void honestRunsConvictNobody() {
    for (long seed = 1; seed <= 5; seed++) {
      SimResult result = new Simulation(Scenarios.byName("partitions-crashes"), seed).run();
      assertThat(result.offendersConvicted()).isZero();
    }
  }
}
