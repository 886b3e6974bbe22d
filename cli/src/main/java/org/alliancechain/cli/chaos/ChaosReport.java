package org.alliancechain.cli.chaos;

import java.util.List;
import java.util.Map;

/** What a chaos run did and found; {@link #passed()} is the verdict. */
record ChaosReport(
    long seed,
    int validators,
    int durationSeconds,
    long elapsedSeconds,
    Map<String, Integer> faultsByKind,
    int faultsTotal,
    long transactionsSubmitted,
    long transactionsResent,
    long transactionsCommitted,
    long finalHeight,
    int lost,
    int divergences,
    int signatureConflicts,
    long signedVotesChecked,
    long longestRecoveryMillis,
    String longestRecoveryFault,
    long finalConvergenceMillis,
    long unattributedConnections,
    Map<String, Long> refusals,
    List<String> problems) {

  boolean passed() {
    return lost == 0 && divergences == 0 && signatureConflicts == 0 && problems.isEmpty();
  }

  String text() {
    StringBuilder s = new StringBuilder();
    s.append("chaos run: seed ")
        .append(seed)
        .append(", ")
        .append(validators)
        .append(" validators, ")
        .append(durationSeconds)
        .append(" s of faults (")
        .append(elapsedSeconds)
        .append(" s in all)\n");
    s.append("faults injected: ").append(faultsTotal).append('\n');
    faultsByKind.forEach((k, v) -> s.append("  ").append(k).append(": ").append(v).append('\n'));
    s.append("transactions submitted: ")
        .append(transactionsSubmitted)
        .append(" (resent ")
        .append(transactionsResent)
        .append(")\n");
    s.append("transactions in blocks (acknowledged; their outcome may be a failure): ")
        .append(transactionsCommitted)
        .append('\n');
    s.append("final height: ").append(finalHeight).append('\n');
    s.append("lost: ").append(lost).append('\n');
    s.append("divergences: ").append(divergences).append('\n');
    s.append("conflicting signatures: ")
        .append(signatureConflicts)
        .append(" (")
        .append(signedVotesChecked)
        .append(" signed votes checked)\n");
    s.append("longest recovery: ")
        .append(longestRecoveryMillis)
        .append(" ms (")
        .append(longestRecoveryFault)
        .append(")\n");
    s.append("convergence after the last fault: ").append(finalConvergenceMillis).append(" ms\n");
    s.append("peer connections the proxies could not attribute (never faulted): ")
        .append(unattributedConnections)
        .append('\n');
    if (!refusals.isEmpty()) {
      s.append("refused submissions (retried): ").append(refusals).append('\n');
    }
    for (String p : problems) {
      s.append("PROBLEM: ").append(p).append('\n');
    }
    s.append(passed() ? "PASSED\n" : "FAILED\n");
    return s.toString();
  }
}
