package org.alliancechain.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md rule 1: a seed replays exactly. */
class DeterminismTest {
  @Test
  void sameSeedGivesIdenticalTraceHash() {
    for (String name : new String[] {"partitions-crashes", "equivocate", "twin"}) {
      Scenario scenario = Scenarios.byName(name).withValidators(4);
      SimResult first = new Simulation(scenario, 4242).run();
      SimResult second = new Simulation(scenario, 4242).run();
      System.out.println(name + " seed 4242 trace " + first.traceHash());
      assertThat(second.traceHash()).isEqualTo(first.traceHash());
      assertThat(second.messagesDelivered()).isEqualTo(first.messagesDelivered());
      assertThat(second.blocksCommitted()).isEqualTo(first.blocksCommitted());
    }
  }

  @Test
  void differentSeedsGiveDifferentTraces() {
    Scenario scenario = Scenarios.byName("normal").withValidators(4);
    assertThat(new Simulation(scenario, 1).run().traceHash())
        .isNotEqualTo(new Simulation(scenario, 2).run().traceHash());
  }

  @Test
  void theReplayCommandNamesTheScenarioThatRan() {
    for (String name : Scenarios.names()) {
      SimResult result = new Simulation(Scenarios.byName(name).withValidators(7), 3).run();
      assertThat(result.replayCommand()).contains("--scenario " + name + " ");
      SimResult replayed =
          new Simulation(Scenarios.byName(result.scenario()).withValidators(7), 3).run();
      assertThat(replayed.traceHash()).isEqualTo(result.traceHash());
    }
  }
}
