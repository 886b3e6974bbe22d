package org.alliancechain.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.client.TxSender;
import org.alliancechain.cli.node.WorkflowViews;
import org.alliancechain.token.state.ParamId;
import org.alliancechain.token.tx.DaoAction;
import org.alliancechain.token.tx.TokenTx;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The DAO (SPEC M-23): proposals, stake-weighted votes, tallies, parameters. */
@Command(
    name = "dao",
    mixinStandardHelpOptions = true,
    description = "DAO governance: propose changes, vote, list proposals, show a tally.",
    subcommands = {
      DaoCommand.Propose.class,
      DaoCommand.Vote.class,
      DaoCommand.ListProposals.class,
      DaoCommand.Show.class,
      DaoCommand.Params.class
    })
final class DaoCommand {
  private DaoCommand() {}

  @Command(
      name = "propose",
      mixinStandardHelpOptions = true,
      description = {
        "Propose a change; members vote with their stake until the voting period ends.",
        "Parameters are named as in the spec file (see: dao params)."
      },
      footer = {
        "",
        "Examples:",
        "  alliance dao propose --set reward-standard-tokens=120",
        "  alliance dao propose --add-validator echo",
        "  alliance dao propose --rotate-key birch --new-key-file birch-2.key",
        "  alliance dao propose --admit-member echo --member-key 3b6a...e1 \\",
        "      --endpoint 10.0.0.5:7105:8105   (the line alliance member join prints)"
      })
  static final class Propose implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
      @Option(names = "--set", paramLabel = "PARAMETER=VALUE")
      String set;

      @Option(
          names = "--admit-member",
          paramLabel = "NAME",
          description = "admit a new member (with --member-key, and --endpoint to be dialed)")
      String admitMember;

      @Option(names = "--remove-member", paramLabel = "MEMBER")
      String removeMember;

      @Option(names = "--add-validator", paramLabel = "MEMBER")
      String addValidator;

      @Option(names = "--remove-validator", paramLabel = "MEMBER")
      String removeValidator;

      @Option(names = "--add-committee-member", paramLabel = "MEMBER")
      String addCommittee;

      @Option(names = "--remove-committee-member", paramLabel = "MEMBER")
      String removeCommittee;

      @Option(
          names = "--rotate-key",
          paramLabel = "MEMBER",
          description =
              "replace the member's key (with --new-key-file or --new-key) from the activation"
                  + " height the ledger computes; see docs/operations.md")
      String rotateKey;
    }

    @Option(
        names = "--new-key-file",
        paramLabel = "FILE",
        description = "the new key file (alliance key new); only its public key is read")
    java.nio.file.Path newKeyFile;

    @Option(names = "--new-key", paramLabel = "HEX", description = "the new public key")
    String newKey;

    @Option(
        names = "--member-key",
        paramLabel = "HEX",
        description = "the new member's public key (from alliance member join)")
    String memberKey;

    @Option(
        names = "--endpoint",
        paramLabel = "HOST:PEER-PORT:API-PORT",
        description = "where the new member's node listens, so the others dial it")
    String endpoint;

    @Option(
        names = "--roles",
        paramLabel = "ROLE",
        split = ",",
        defaultValue = "corporation",
        description = "the new member's roles (default: ${DEFAULT-VALUE})")
    java.util.List<String> roles;

    @Override
    public Integer call() {
      TxSender sender = new TxSender(options);
      DaoAction action;
      if (what.set != null) {
        action = setParam(what.set);
      } else if (what.admitMember != null) {
        action = admit(what.admitMember, memberKey, endpoint, roles);
      } else if (what.removeMember != null) {
        action = new DaoAction.RemoveMember(sender.resolve(what.removeMember));
      } else if (what.addValidator != null) {
        action = new DaoAction.AddValidator(sender.resolve(what.addValidator));
      } else if (what.removeValidator != null) {
        action = new DaoAction.RemoveValidator(sender.resolve(what.removeValidator));
      } else if (what.addCommittee != null) {
        action = new DaoAction.AddCommitteeMember(sender.resolve(what.addCommittee));
      } else if (what.rotateKey != null) {
        action = new DaoAction.RotateKey(sender.resolve(what.rotateKey), newKey());
      } else {
        action = new DaoAction.RemoveCommitteeMember(sender.resolve(what.removeCommittee));
      }
      PrintWriter out = spec.commandLine().getOut();
      Workflows.send(options, sign, new TokenTx.Propose(action), out);
      var list = options.client().get("/proposals", WorkflowViews.ProposalList.class).proposals();
      if (!list.isEmpty()) {
        out.printf("proposal %d%n", list.get(list.size() - 1).id());
      }
      return 0;
    }

    private org.alliancechain.core.crypto.PublicKey newKey() {
      if ((newKeyFile == null) == (newKey == null)) {
        throw CliException.usage("--rotate-key needs one of --new-key-file or --new-key");
      }
      if (newKey != null) {
        try {
          return org.alliancechain.core.crypto.PublicKey.fromHex(newKey);
        } catch (IllegalArgumentException e) {
          throw CliException.usage("--new-key: " + e.getMessage());
        }
      }
      try {
        return org.alliancechain.core.crypto.KeyFile.loadPublicKey(newKeyFile);
      } catch (java.io.IOException | org.alliancechain.core.crypto.KeyFileException e) {
        throw CliException.usage("--new-key-file " + newKeyFile + ": " + e.getMessage());
      }
    }

    static DaoAction admit(
        String name, String keyHex, String endpointText, java.util.List<String> roleNames) {
      if (keyHex == null) {
        throw CliException.usage(
            "--admit-member needs --member-key (alliance member join prints it)");
      }
      org.alliancechain.core.crypto.PublicKey key;
      try {
        key = org.alliancechain.core.crypto.PublicKey.fromHex(keyHex);
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--member-key: " + e.getMessage());
      }
      java.util.Optional<org.alliancechain.token.state.Endpoint> where = java.util.Optional.empty();
      if (endpointText != null) {
        try {
          where = java.util.Optional.of(org.alliancechain.token.state.Endpoint.parse(endpointText));
        } catch (IllegalArgumentException e) {
          throw CliException.usage("--endpoint: " + e.getMessage());
        }
      }
      java.util.Set<org.alliancechain.token.state.Role> roleSet =
          java.util.EnumSet.noneOf(org.alliancechain.token.state.Role.class);
      for (String role : roleNames) {
        try {
          roleSet.add(
              org.alliancechain.token.state.Role.valueOf(
                  role.trim().toUpperCase(Locale.ROOT).replace('-', '_')));
        } catch (IllegalArgumentException e) {
          throw CliException.usage(
              "unknown role '" + role + "' (corporation, alliance, private-alliance)");
        }
      }
      return new DaoAction.AdmitMember(key, name, roleSet, where);
    }

    static DaoAction setParam(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0) {
        throw CliException.usage("--set expects PARAMETER=VALUE, e.g. reward-standard-tokens=120");
      }
      String name = text.substring(0, eq);
      ParamId param;
      try {
        param = ParamId.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw CliException.usage("unknown parameter '" + name + "' (see: alliance dao params)");
      }
      long value;
      try {
        value = Long.parseLong(text.substring(eq + 1));
      } catch (NumberFormatException e) {
        throw CliException.usage("the value of " + name + " must be an integer");
      }
      if (!param.accepts(value)) {
        throw CliException.usage(name + " must be in " + param.range() + ", got " + value);
      }
      return new DaoAction.SetParam(param, value);
    }
  }

  @Command(
      name = "vote",
      mixinStandardHelpOptions = true,
      description = "Vote yes or no on an open proposal, weighted by your stake when it opened.",
      footer = {"", "Example:  alliance dao vote 3 yes"})
  static final class Vote implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(index = "0", paramLabel = "PROPOSAL")
    long id;

    @Parameters(index = "1", paramLabel = "yes|no")
    String choice;

    @Override
    public Integer call() {
      if (id < 1) {
        throw CliException.usage("proposal ids start at 1");
      }
      boolean yes =
          switch (choice.toLowerCase(Locale.ROOT)) {
            case "yes", "y" -> true;
            case "no", "n" -> false;
            default -> throw CliException.usage("vote yes or no, not " + choice);
          };
      Workflows.send(options, sign, new TokenTx.Vote(id, yes), spec.commandLine().getOut());
      return 0;
    }
  }

  static void table(PrintWriter w, java.util.List<WorkflowViews.ProposalView> proposals) {
    w.printf(
        "%4s %-10s %-12s %8s %8s %8s  %s%n",
        "ID", "PROPOSER", "STATUS", "YES", "NO", "CLOSES", "ACTION");
    for (var p : proposals) {
      w.printf(
          "%4d %-10s %-12s %8d %8d %8d  %s%n",
          p.id(),
          p.proposer(),
          p.status(),
          p.yesWeight(),
          p.noWeight(),
          p.closeHeight(),
          p.action());
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every proposal with its status and tally.",
      footer = {"", "Example:  alliance dao list --output json"})
  static final class ListProposals implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      var list = options.client().get("/proposals", WorkflowViews.ProposalList.class);
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, list);
      } else {
        table(w, list.proposals());
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description =
          "One proposal: the action, every vote and its weight, quorum and pass thresholds.",
      footer = {"", "Example:  alliance dao show 3"})
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "PROPOSAL")
    long id;

    @Override
    public Integer call() {
      var p = options.client().get("/proposals/" + id, WorkflowViews.ProposalView.class);
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, p);
        return 0;
      }
      w.printf("proposal %d by %s: %s%n", p.id(), p.proposer(), p.action());
      w.printf(
          "  status   %s%s (open %d, closes %d)%n",
          p.status(), p.held() ? ", held" : "", p.openHeight(), p.closeHeight());
      w.printf(
          "  tally    yes %d, no %d of %d stake%n", p.yesWeight(), p.noWeight(), p.totalWeight());
      w.printf("  needs    quorum %d ppm, pass %d ppm%n", p.quorumPpm(), p.passPpm());
      for (var v : p.votes()) {
        w.printf("    %-10s %-3s %d%n", v.member(), v.yes() ? "yes" : "no", v.weight());
      }
      return 0;
    }
  }

  @Command(
      name = "params",
      mixinStandardHelpOptions = true,
      description = "The DAO parameters in force and their allowed ranges.",
      footer = {"", "Example:  alliance dao params"})
  static final class Params implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      var p = options.client().get("/parameters", WorkflowViews.Parameters.class);
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, p);
        return 0;
      }
      for (var x : p.parameters()) {
        w.printf("%-32s %14d  %s%n", x.name(), x.value(), x.range());
      }
      return 0;
    }
  }
}
