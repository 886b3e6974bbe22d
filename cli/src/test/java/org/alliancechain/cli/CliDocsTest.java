package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.alliancechain.cli.dev.CliReference;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * SPEC M-32 / issue 7: docs/cli.md carries the real --help of every command, so it cannot drift.
 */
class CliDocsTest {
  // Surefire runs in the module folder; the docs are the repository's.
  private static final Path DOC =
      Path.of(System.getProperty("user.dir")).resolve("../docs/cli.md").normalize();

  @Test
  void theCommittedReferenceIsTheHelpOfTheCurrentCommandTree() throws Exception {
    String committed = Files.readString(DOC, StandardCharsets.UTF_8);
    String generated = CliReference.markdown(AllianceCommand.newCommandLine());
    assertThat(committed)
        .as("docs/cli.md is out of date; run: ./alliance dev cli-docs --write docs/cli.md")
        .isEqualTo(CliReference.updated(committed, generated));
  }

  @Test
  void theReferenceNamesEveryCommandAndEveryOptionOfIt() {
    // Checks the generator against the tree, independently of how it formats.
    CommandLine root = AllianceCommand.newCommandLine();
    String generated = CliReference.markdown(AllianceCommand.newCommandLine());
    int commands = 0;
    for (CommandLine c : CliReference.commands(root)) {
      String name = c.getCommandSpec().qualifiedName();
      int at = generated.indexOf("### `" + name + "`\n");
      assertThat(at).as(name).isNotNegative();
      int next = generated.indexOf("### `", at + 1);
      String section = generated.substring(at, next < 0 ? generated.length() : next);
      for (CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
        if (!o.hidden()) {
          assertThat(section).as(name + " " + o.longestName()).contains(o.longestName());
        }
      }
      commands++;
    }
    // every group of the workflows (issue 7) and the operator commands are there
    assertThat(commands).isGreaterThan(60);
    assertThat(generated)
        .contains("### `alliance contract validate`")
        .contains("### `alliance chain verify`")
        .contains("### `alliance state prove`")
        .contains("### `alliance completion`")
        .contains("### `alliance demo`");
  }

  @Test
  void helpIsPlainTextWhenNotOnATerminal() {
    // Colours only on a terminal: picocli's Ansi.AUTO; a test's output is not a terminal.
    CliRun run = CliRun.of("contract", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("\u001B[");
  }

  @Test
  void completionPrintsABashScriptForTheWholeTree() {
    CliRun run = CliRun.of("completion");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F")
        .contains("alliance")
        .contains("validate")
        .contains("--keep-running");
  }
}
