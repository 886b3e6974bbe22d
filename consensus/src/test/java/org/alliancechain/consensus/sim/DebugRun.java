package org.alliancechain.consensus.sim;

import org.junit.jupiter.api.Test;

class DebugRun {
  @Test
  void debug() {
    String which0 = System.getProperty("dbg.scenario", "normal");
    for (String which : which0.equals("all") ? Scenarios.names() : java.util.List.of(which0)) {
      run(which);
    }
  }

  private void run(String which) {
    int n = Integer.getInteger("dbg.n", 4);
    int seeds = Integer.getInteger("dbg.seeds", 5);
    long t0 = System.nanoTime();
    int bad = 0;
    for (long seed = Long.getLong("dbg.first", 1);
        seed < Long.getLong("dbg.first", 1) + seeds;
        seed++) {
      Scenario s = Scenarios.byName(which).withValidators(n);
      String bug = System.getProperty("dbg.bug", "");
      if (!bug.isEmpty()) {
        s = s.withBugs(java.util.Set.of(org.alliancechain.consensus.core.PlantedBug.valueOf(bug)));
      }
      Simulation sim = new Simulation(s, seed);
      SimResult r = sim.run();
      if (!r.ok()) {
        sim.describeNodes().forEach(System.out::println);
      }
      if (!r.ok()) {
        bad++;
      }
      if (!r.ok()) {
        System.out.println(r);
      }
    }
    System.out.println(which + " bad=" + bad + " ms=" + (System.nanoTime() - t0) / 1_000_000);
  }
}
