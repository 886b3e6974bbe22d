package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-30, M-32: spec files from the CLI; bad input gets one line and a non-zero exit.
class SpecCommandTest {
  @TempDir Path dir;

  @Test
  void printedExampleValidates() throws Exception {
    CliRun example = CliRun.of("spec", "example", "competitive");
    assertThat(example.exitCode()).isZero();
    Path file = dir.resolve("alliance.yaml");
    Files.writeString(file, example.out());
    CliRun validate = CliRun.of("spec", "validate", file.toString());
    assertThat(validate.exitCode()).isZero();
    assertThat(validate.out()).contains("valid competitive alliance", "4 validators", "pulsar");
  }

  @Test
  void invalidSpecExitsOneWithEveryError() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "alliance: {name: x, mode: sideways}\n");
    CliRun run = CliRun.of("spec", "validate", file.toString());
    assertThat(run.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(run.err()).startsWith("error: ").contains("alliance.mode", "alliance.chain-id");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(CliRun.of("spec", "example", "sideways").exitCode())
        .isEqualTo(AllianceCommand.EXIT_USAGE);
    assertThat(CliRun.of("spec", "validate").exitCode()).isEqualTo(AllianceCommand.EXIT_USAGE);
    assertThat(CliRun.of("no-such-command").exitCode()).isEqualTo(AllianceCommand.EXIT_USAGE);
  }
}
