package org.alliancechain.consensus.sim;

import java.util.List;

/**
 * The outcome of one seeded run.
 *
 * @param traceHash SHA-256 over every delivered message and committed block, in order
 * @param offendersConvicted validators whose equivocation evidence is on every honest chain
 */
public record SimResult(
    String scenario,
    int validators,
    long seed,
    List<String> violations,
    String traceHash,
    long blocksCommitted,
    long viewChanges,
    long ticks,
    long messagesDelivered,
    int offendersConvicted) {
  public SimResult {
    violations = List.copyOf(violations);
  }

  public boolean ok() {
    return violations.isEmpty();
  }

  /** The one-line command that replays this run exactly. */
  public String replayCommand() {
    return "./alliance dev simulate --scenario "
        + scenario
        + " --validators "
        + validators
        + " --seed "
        + seed
        + " --seeds 1";
  }
}
