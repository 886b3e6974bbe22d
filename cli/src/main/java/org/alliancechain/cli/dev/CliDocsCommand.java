package org.alliancechain.cli.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancechain.cli.AllianceCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Prints (or writes into docs/cli.md) the command reference generated from the real --help. */
@Command(
    name = "cli-docs",
    mixinStandardHelpOptions = true,
    description = {
      "Print the command reference generated from every command's --help, or with --write",
      "replace the generated section of a markdown file (docs/cli.md) with it."
    },
    footer = {"", "Example:  ./alliance dev cli-docs --write docs/cli.md"})
public final class CliDocsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--write", paramLabel = "FILE", description = "update this file in place")
  Path write;

  @Override
  public Integer call() throws IOException {
    String generated = CliReference.markdown(AllianceCommand.newCommandLine());
    if (write == null) {
      spec.commandLine().getOut().print(generated);
      return 0;
    }
    String document = Files.exists(write) ? Files.readString(write, StandardCharsets.UTF_8) : "";
    Files.writeString(write, CliReference.updated(document, generated), StandardCharsets.UTF_8);
    spec.commandLine().getOut().printf("updated %s%n", write);
    return 0;
  }
}
