package org.alliancechain.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.alliancechain.cli.AllianceCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The default chaos suite (issue 9): a short seeded schedule against real node processes, opened by
 * the crash sweep (every write kind at its first write), then random faults. The long soak in
 * docs/reliability.md sweeps k up to 3.
 */
class ChaosCommandTest {
  private static final long SEED = Long.getLong("chaos.seed", 9L);

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine commandLine = AllianceCommand.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static List<Path> chaosFolders() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries.filter(p -> p.getFileName().toString().startsWith("alliance-chaos-")).toList();
    }
  }

  @Test
  void aShortScheduleOfFaultsLosesNothingAndDivergesNowhere() throws IOException {
    System.out.println("ChaosCommandTest seed " + SEED + " (-Dchaos.seed= to replay)");
    List<Path> before = chaosFolders();
    Run run =
        run(
            "dev",
            "chaos",
            "--duration",
            "20",
            "--seed",
            Long.toString(SEED),
            "--crash-sweep",
            "1",
            "--output",
            "json");
    System.out.println(run.err());
    System.out.println(run.out());
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.path("seed").asLong()).isEqualTo(SEED);
    assertThat(report.path("lost").asInt()).isZero();
    assertThat(report.path("divergences").asInt()).isZero();
    assertThat(report.path("signatureConflicts").asInt()).isZero();
    assertThat(report.path("problems")).isEmpty();
    // The sweep alone is 3 kinds x 1 crash point; random faults follow for 20 s.
    assertThat(report.path("faultsByKind").path("crash-at").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(report.path("faultsTotal").asInt()).isGreaterThan(3);
    assertThat(report.path("signedVotesChecked").asLong()).isPositive();
    assertThat(report.path("transactionsCommitted").asLong()).isPositive();
    assertThat(chaosFolders())
        .as("no folder left behind")
        .containsExactlyInAnyOrderElementsOf(before);
  }
}
