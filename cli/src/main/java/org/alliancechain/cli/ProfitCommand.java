package org.alliancechain.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.token.tx.TokenTx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Profit sharing (SPEC M-22): a receiver declares the profit made on shared resources. */
@Command(
    name = "profit",
    mixinStandardHelpOptions = true,
    description = "Profit sharing with the providers whose resources made it.",
    subcommands = {ProfitCommand.Declare.class})
final class ProfitCommand {
  private ProfitCommand() {}

  @Command(
      name = "declare",
      mixinStandardHelpOptions = true,
      description = {
        "Declare MONEY minor units of profit from a product built on the resources of these"
            + " contracts; the ledger shares it out to their providers by contribution."
      },
      footer = {
        "",
        "Example:  alliance profit declare --money 100000 --contract c-1 --contract c-4"
      })
  static final class Declare implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Option(names = "--money", required = true, paramLabel = "MINOR_UNITS")
    long money;

    @Option(names = "--contract", required = true, paramLabel = "ID", description = "repeatable")
    List<String> contracts = new ArrayList<>();

    @Override
    public Integer call() {
      if (money <= 0) {
        throw CliException.usage("--money must be positive");
      }
      contracts.forEach(c -> Workflows.checkId(c, "contract id"));
      Workflows.send(
          options, sign, new TokenTx.DeclareProfit(money, contracts), spec.commandLine().getOut());
      return 0;
    }
  }
}
