package org.alliancechain.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.alliancechain.consensus.core.PlantedBug;
import org.junit.jupiter.api.Test;

/**
 * The checkers can fail (issue 3): each planted bug is caught within the default seed budget, by
 * the checker that guards the rule it breaks.
 */
class PlantedBugTest {
  // Far below the 506 runs of the default suite; each search stops at the first catch.
  private static final int SEED_BUDGET = 200;

  private static SimResult firstCaught(Scenario scenario, PlantedBug bug) {
    Scenario buggy = scenario.withBugs(Set.of(bug));
    for (long seed = 1; seed <= SEED_BUDGET; seed++) {
      SimResult result = new Simulation(buggy, seed).run();
      if (!result.ok()) {
        System.out.println(bug + " caught at seed " + seed + ": " + result.violations());
        return result;
      }
    }
    return new SimResult(
        scenario.name(), scenario.validators(), -1, java.util.List.of(), "", 0, 0, 0, 0, 0);
  }

  @Test
  void prepareQuorumOfTwoFIsCaughtByPreparedCertificateAgreement() {
    // Castro–Liskov §4.2: with 2f + 1 no two prepared certificates of one view differ.
    SimResult caught =
        firstCaught(Scenario.byzantine(Behavior.EQUIVOCATE, 4), PlantedBug.PREPARE_QUORUM_2F);
    assertThat(caught.violations()).anyMatch(v -> v.startsWith("prepared certificates disagree"));
  }

  @Test
  void uncheckedNewViewIsCaughtWhenACommittedBlockIsReplaced() {
    // Castro–Liskov §4.4: O must carry every request prepared in V; a lying primary drops them.
    SimResult caught =
        firstCaught(
            Scenario.byzantineWithPrimaryCrash(Behavior.LYING_NEW_VIEW, 4),
            PlantedBug.NEW_VIEW_UNCHECKED);
    assertThat(caught.violations())
        .anyMatch(v -> v.startsWith("committed block replaced") || v.startsWith("agreement"));
  }

  @Test
  void forgettingSignedMessagesAcrossRestartIsCaughtAsEquivocation() {
    // SPEC M-27: a restarted validator never signs two conflicting messages.
    SimResult caught = firstCaught(Scenario.primaryCrashes(4), PlantedBug.FORGET_SIGNED_ON_RESTART);
    assertThat(caught.violations()).anyMatch(v -> v.startsWith("equivocation by honest node"));
  }

  @Test
  void theSameScenariosPassWithoutTheBugs() {
    for (Scenario s :
        new Scenario[] {
          Scenario.byzantine(Behavior.EQUIVOCATE, 4),
          Scenario.byzantineWithPrimaryCrash(Behavior.LYING_NEW_VIEW, 4),
          Scenario.primaryCrashes(4)
        }) {
      for (long seed = 1; seed <= 10; seed++) {
        SimResult result = new Simulation(s, seed).run();
        assertThat(result.violations()).as(result.replayCommand()).isEmpty();
      }
    }
  }
}
