package org.alliancechain.cli.dev;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code alliance dev}: tools for developers (simulation), not for operating a node. */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description =
        "Developer tools: deterministic simulation of the consensus protocol, fault injection,"
            + " the CLI reference.",
    subcommands = {
      SimulateCommand.class,
      org.alliancechain.cli.chaos.ChaosCommand.class,
      org.alliancechain.cli.bench.TrickleCommand.class,
      CliDocsCommand.class
    })
public final class DevCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
