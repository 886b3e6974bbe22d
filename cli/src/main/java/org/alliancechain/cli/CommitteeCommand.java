package org.alliancechain.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.node.WorkflowViews;
import org.alliancechain.token.tx.TokenTx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The regulatory committee of competitive alliances (SPEC M-16, M-24). */
@Command(
    name = "committee",
    mixinStandardHelpOptions = true,
    description = "Regulatory committee: cases, decisions, holding DAO proposals, asking support.",
    subcommands = {
      CommitteeCommand.Cases.class,
      CommitteeCommand.Decide.class,
      CommitteeCommand.Hold.class,
      CommitteeCommand.Support.class
    })
final class CommitteeCommand {
  private CommitteeCommand() {}

  @Command(
      name = "cases",
      mixinStandardHelpOptions = true,
      description = "Every case with its votes and the precedent for its kind, if any.",
      footer = {"", "Example:  alliance committee cases --open"})
  static final class Cases implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Option(names = "--open", description = "only undecided cases")
    boolean open;

    @Override
    public Integer call() {
      var all = options.client().get("/cases", WorkflowViews.CaseList.class);
      var shown = all.cases().stream().filter(c -> !open || !c.decided()).toList();
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, new WorkflowViews.CaseList(all.height(), shown));
        return 0;
      }
      w.printf(
          "%4s %-20s %-14s %8s %6s %9s %s%n",
          "ID", "KIND", "CONTRACT", "BASE", "VOTES", "AWARD_PM", "REASON");
      for (var c : shown) {
        w.printf(
            "%4d %-20s %-14s %8d %6d %9s %s%n",
            c.id(),
            c.kind(),
            c.contractId(),
            c.baseAmount(),
            c.votes().size(),
            c.decided() ? String.valueOf(c.awardPerMille()) : "-",
            c.reason());
      }
      return 0;
    }
  }

  @Command(
      name = "decide",
      mixinStandardHelpOptions = true,
      description =
          "As a committee member, vote the award of a case in per mille of its base amount.",
      footer = {"", "Example:  alliance committee decide 2 --award-per-mille 750"})
  static final class Decide implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "CASE")
    long caseId;

    @Option(names = "--award-per-mille", required = true, paramLabel = "0..1000")
    int award;

    @Override
    public Integer call() {
      if (caseId < 1 || award < 0 || award > 1000) {
        throw CliException.usage("case ids start at 1; the award is 0 to 1000 per mille");
      }
      Workflows.send(
          options, sign, new TokenTx.CaseVote(caseId, award), spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "hold",
      mixinStandardHelpOptions = true,
      description = "As a committee member, vote to hold a DAO proposal (it is delayed once).",
      footer = {"", "Example:  alliance committee hold 3"})
  static final class Hold implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "PROPOSAL")
    long proposalId;

    @Override
    public Integer call() {
      if (proposalId < 1) {
        throw CliException.usage("proposal ids start at 1");
      }
      Workflows.send(
          options, sign, new TokenTx.HoldProposal(proposalId), spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "support",
      mixinStandardHelpOptions = true,
      description = "Ask the committee for support on a contract whose tokens were not issued.",
      footer = {"", "Example:  alliance committee support c-3 --reason 'delivered, never paid'"})
  static final class Support implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "CONTRACT")
    String contractId;

    @Option(names = "--reason", required = true, paramLabel = "TEXT")
    String reason;

    @Override
    public Integer call() {
      Workflows.checkId(contractId, "contract id");
      Workflows.send(
          options,
          sign,
          new TokenTx.RequestSupport(contractId, reason),
          spec.commandLine().getOut());
      return 0;
    }
  }
}
