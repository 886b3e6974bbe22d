package org.alliancechain.cli.dev;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancechain.cli.AllianceCommand;
import org.alliancechain.consensus.sim.Scenarios;
import org.alliancechain.consensus.sim.SimResult;
import org.alliancechain.consensus.sim.Simulation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code alliance dev simulate}: runs the seeded PBFT simulator (consensus.sim) over many seeds,
 * prints totals and each failing seed with the command that replays it, and exits 1 if any run
 * broke a checker.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Runs the deterministic consensus simulator: n validators in one thread with a faulty"
            + " network, crashes and Byzantine nodes, checking agreement, order, validity,"
            + " certificates, evidence and liveness after every step.",
    footer = {
      "",
      "Seed i of a run uses scenario i mod (number of scenarios) unless --scenario is given.",
      "Example:  alliance dev simulate --seeds 200 --validators 7",
      "Replay:   alliance dev simulate --scenario twin --seed 42 --seeds 1"
    })
public final class SimulateCommand implements Callable<Integer> {
  @Option(names = "--seeds", description = "How many seeds to run (default: ${DEFAULT-VALUE}).")
  int seeds = 100;

  @Option(
      names = "--validators",
      description = "Validators per run: 4, 7 or 10 (default: ${DEFAULT-VALUE}).")
  int validators = 4;

  @Option(names = "--seed", description = "First seed (default: ${DEFAULT-VALUE}).")
  long firstSeed = 1;

  @Option(
      names = "--scenario",
      description = "Only this scenario; one of ${COMPLETION-CANDIDATES}.",
      completionCandidates = ScenarioNames.class)
  String scenario;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Scenario names for picocli's help text. */
  static final class ScenarioNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Scenarios.names().iterator();
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (validators != 4 && validators != 7 && validators != 10) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--validators must be 4, 7 or 10");
    }
    if (seeds < 1 || (scenario != null && !Scenarios.names().contains(scenario))) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--seeds must be positive and --scenario one of " + Scenarios.names());
    }
    List<String> names = scenario == null ? Scenarios.names() : List.of(scenario);
    long blocks = 0;
    long viewChanges = 0;
    int failed = 0;
    for (int i = 0; i < seeds; i++) {
      long seed = firstSeed + i;
      String name = names.get(i % names.size());
      SimResult result =
          new Simulation(Scenarios.byName(name).withValidators(validators), seed).run();
      blocks += result.blocksCommitted();
      viewChanges += result.viewChanges();
      if (!result.ok()) {
        failed++;
        out.printf("FAILED seed %d (%s, n=%d): %s%n", seed, name, validators, result.violations());
        out.printf("  replay: %s%n", result.replayCommand());
      }
    }
    out.printf(
        "seeds run: %d, validators: %d, blocks committed: %d, view changes: %d, violations: %d%n",
        seeds, validators, blocks, viewChanges, failed);
    return failed == 0 ? AllianceCommand.EXIT_OK : AllianceCommand.EXIT_FAILURE;
  }
}
