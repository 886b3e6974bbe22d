package org.alliancechain.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root of the command tree. Command names are nouns then verbs, singular ({@code alliance chain
 * status}). Exit codes: 0 success, 1 failure reported by the node or the operation, 2 usage error,
 * 3 cannot reach the node.
 */
@Command(
    name = "alliance",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "AllianceChain: a permissioned consortium blockchain node for enterprise alliances.",
    subcommands = {
      CommandLine.HelpCommand.class,
      SpecCommand.class,
      BootstrapCommand.class,
      NodeCommand.class,
      ChainCommand.class,
      StateCommand.class,
      WalletCommand.class,
      RequestCommand.class,
      OfferCommand.class,
      ContractCommand.class,
      ResourceCommand.class,
      DaoCommand.class,
      MemberCommand.class,
      KeyCommand.class,
      TrustCommand.class,
      ReportCommand.class,
      SwapCommand.class,
      ProfitCommand.class,
      CommitteeCommand.class,
      CommCommand.class,
      CompletionCommand.class,
      org.alliancechain.cli.demo.DemoCommand.class,
      org.alliancechain.cli.dev.DevCommand.class,
      org.alliancechain.cli.bench.BenchCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 success, 1 failure reported by the node, 2 usage error, 3 cannot reach the node.",
      "Example:  alliance --version"
    })
public final class AllianceCommand implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_UNREACHABLE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A command line with the project's conventions: usage errors exit 2 with one line. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new AllianceCommand());
    commandLine.setExitCodeExceptionMapper(
        e -> e instanceof CliException c ? c.exitCode() : EXIT_FAILURE);
    commandLine.setExecutionExceptionHandler(
        (ex, cmd, parseResult) -> {
          if (ex instanceof CliException c) {
            cmd.getErr().println("error: " + c.getMessage());
            return c.exitCode();
          }
          cmd.getErr().println("error: " + ex);
          return EXIT_FAILURE;
        });
    commandLine.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cmd = ex.getCommandLine();
          cmd.getErr().println("error: " + ex.getMessage());
          cmd.getErr().println("try: " + cmd.getCommandSpec().qualifiedName() + " --help");
          return EXIT_USAGE;
        });
    return commandLine;
  }
}
