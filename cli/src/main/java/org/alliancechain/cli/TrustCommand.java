package org.alliancechain.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.cli.node.WorkflowViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Trust values (SPEC M-9, paper eq. (2)) with the ledger counts behind them. */
@Command(
    name = "trust",
    mixinStandardHelpOptions = true,
    description = "Trust values T(i, j) between members (paper eq. (2)).",
    subcommands = {TrustCommand.Show.class})
final class TrustCommand {
  private TrustCommand() {}

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "How much you (or --from) trust MEMBER: T = alpha (beta R_d + (1 - beta) R_r) - gamma R_i,"
            + " with every input. Values are fixed point, 10^6 = 1.0."
      },
      footer = {"", "Example:  alliance trust show cobalt --from birch"})
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "MEMBER")
    String member;

    @Option(names = "--from", paramLabel = "MEMBER", description = "default: the profile's member")
    String from;

    @Override
    public Integer call() {
      var client = options.client();
      String i =
          from != null
              ? from
              : client
                  .get("/accounts/" + Workflows.ownKey(options).toHex(), ApiViews.AccountView.class)
                  .member();
      for (String name : new String[] {i, member}) {
        if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
          throw CliException.usage("not a member name: " + name);
        }
      }
      var t = client.get("/trust/" + i + "/" + member, WorkflowViews.TrustView.class);
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, t);
        return 0;
      }
      w.printf(
          "T(%s, %s) = %s  (%s)%n",
          t.from(),
          t.to(),
          fp(t.value()),
          t.trusted() ? "trusted" : "below threshold " + fp(t.threshold()));
      w.printf("  %s%n", t.explain());
      w.printf(
          "  R_d direct     %s  from %d completed, %d cancelled, %d disputed between them%n",
          fp(t.directTrust()), t.directCompleted(), t.directCancelled(), t.directDisputed());
      w.printf(
          "  R_r reputation %s  from %d completed, %d cancelled, %d disputed of %s's; profile %s%n",
          fp(t.reputation()),
          t.allianceCompleted(),
          t.allianceCancelled(),
          t.allianceDisputed(),
          t.to(),
          fp(t.profileScore()));
      w.printf("  R_i risk       %s%n", fp(t.risk()));
      w.printf(
          "  alpha %s  beta %s  gamma %s  threshold %s (DAO parameters)%n",
          fp(t.alpha()), fp(t.beta()), fp(t.gamma()), fp(t.threshold()));
      return 0;
    }

    private static String fp(long millionths) {
      return org.alliancechain.contracts.trust.FixedPoint.format(millionths);
    }
  }
}
