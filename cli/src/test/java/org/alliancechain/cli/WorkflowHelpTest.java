package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

// SPEC M-32 conventions: every workflow command explains itself with an example.
class WorkflowHelpTest {
  private static final List<String> GROUPS =
      List.of(
          "request",
          "offer",
          "contract",
          "resource",
          "dao",
          "member",
          "trust",
          "report",
          "swap",
          "profit",
          "committee");

  @Test
  void everyWorkflowCommandHasHelpWithAnExample() {
    CommandLine root = AllianceCommand.newCommandLine();
    int checked = 0;
    for (String group : GROUPS) {
      CommandLine g = root.getSubcommands().get(group);
      assertThat(g).as(group).isNotNull();
      for (var e : g.getSubcommands().entrySet()) {
        if (e.getKey().equals("help")) {
          continue;
        }
        CliRun run = CliRun.of(group, e.getKey(), "--help");
        assertThat(run.exitCode()).as(group + " " + e.getKey()).isZero();
        assertThat(run.out()).as(group + " " + e.getKey()).contains("Example");
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(30);
  }

  @Test
  void usageErrorsExitTwoWithoutTouchingTheNetwork() {
    CliRun run = CliRun.of("request", "create", "--type", "spaceships", "--description", "x");
    assertThat(run.exitCode()).isEqualTo(AllianceCommand.EXIT_USAGE);
    assertThat(run.err()).contains("unknown resource type 'spaceships'");
    CliRun missing = CliRun.of("offer", "accept", "r-1");
    assertThat(missing.exitCode()).isEqualTo(AllianceCommand.EXIT_USAGE);
    CliRun vote = CliRun.of("dao", "vote", "1", "maybe", "--node", "http://127.0.0.1:1");
    assertThat(vote.exitCode()).isEqualTo(AllianceCommand.EXIT_USAGE);
  }
}
