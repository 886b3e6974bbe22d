package org.alliancechain.cli;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.token.engine.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Resources shared under a contract (SPEC M-18): the receiver's transfer acknowledgement. */
@Command(
    name = "resource",
    mixinStandardHelpOptions = true,
    description = "Shared resources: acknowledge a transfer you received.",
    subcommands = {ResourceCommand.Ack.class})
final class ResourceCommand {
  private ResourceCommand() {}

  @Command(
      name = "ack",
      mixinStandardHelpOptions = true,
      description = {
        "As the receiver, acknowledge that installment PERIOD's resource arrived and checked out:"
            + " this makes resources(transferred) true for that period, and the contract pays.",
        "--metadata reports the resource's measured properties for quality rules (M-20)."
      },
      footer = {"", "Example:  alliance resource ack c-1 --period 0 --metadata patent_value=1200"})
  static final class Ack implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "CONTRACT")
    String contractId;

    @Option(
        names = "--period",
        defaultValue = "0",
        paramLabel = "N",
        description = "installment period, from 0 (default 0)")
    int period;

    @Option(names = "--metadata", paramLabel = "KEY=VALUE")
    Map<String, Long> metadata = new TreeMap<>();

    @Override
    public Integer call() {
      Workflows.checkId(contractId, "contract id");
      if (period < 0) {
        throw CliException.usage("--period must not be negative");
      }
      Workflows.sendLifecycle(
          options,
          sign,
          new Lifecycle.AckTransfer(contractId, period, new TreeMap<>(metadata)),
          spec.commandLine().getOut());
      return 0;
    }
  }
}
