package org.alliancechain.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.client.TxSender;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.cli.node.WorkflowViews;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.token.tx.TokenTx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Over-the-counter swaps of tokens for money between members (SPEC M-22). */
@Command(
    name = "swap",
    mixinStandardHelpOptions = true,
    description = "Token-for-money swaps between members: offer, accept, cancel, list.",
    subcommands = {
      SwapCommand.Offer.class,
      SwapCommand.Accept.class,
      SwapCommand.Cancel.class,
      SwapCommand.ListSwaps.class
    })
final class SwapCommand {
  private SwapCommand() {}

  @Command(
      name = "offer",
      mixinStandardHelpOptions = true,
      description =
          "Offer to sell (or --buy) TOKENS for MONEY minor units; open for --blocks blocks.",
      footer = {"", "Example:  alliance swap offer --tokens 20 --money 2500 --to delta"})
  static final class Offer implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Option(names = "--tokens", required = true, paramLabel = "N")
    long tokens;

    @Option(names = "--money", required = true, paramLabel = "MINOR_UNITS")
    long money;

    @Option(names = "--buy", description = "buy tokens with money instead of selling them")
    boolean buy;

    @Option(names = "--to", paramLabel = "MEMBER", description = "only this member may accept")
    String taker;

    @Option(
        names = "--blocks",
        defaultValue = "100",
        paramLabel = "N",
        description = "how long it stays open (default 100 blocks)")
    long blocks;

    @Override
    public Integer call() {
      if (tokens <= 0 || money <= 0 || blocks <= 0) {
        throw CliException.usage("--tokens, --money and --blocks must be positive");
      }
      TxSender sender = new TxSender(options);
      long head = sender.client().get("/status", ApiViews.Status.class).height();
      TokenTx tx =
          new TokenTx.SwapOffer(
              !buy, tokens, money, Optional.ofNullable(taker).map(sender::resolve), head + blocks);
      PrintWriter out = spec.commandLine().getOut();
      var status = sender.send(sender.key(sign.passphrase()), tx, !sign.noWait, out);
      out.printf("swap %s%n", status.hash());
      return 0;
    }
  }

  static Hash id(String text) {
    try {
      return Hash.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("a swap id is 64 hex digits (see: alliance swap list)");
    }
  }

  @Command(
      name = "accept",
      mixinStandardHelpOptions = true,
      description = "Take an open swap offer: both sides move in one transaction.",
      footer = {"", "Example:  alliance swap accept 3f2a...e9"})
  static final class Accept implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "SWAP")
    String swap;

    @Override
    public Integer call() {
      Workflows.send(options, sign, new TokenTx.SwapFill(id(swap)), spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Withdraw your open swap offer.",
      footer = {"", "Example:  alliance swap cancel 3f2a...e9"})
  static final class Cancel implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "SWAP")
    String swap;

    @Override
    public Integer call() {
      Workflows.send(options, sign, new TokenTx.SwapCancel(id(swap)), spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Swap offers, newest first (--open: only those still open).",
      footer = {"", "Example:  alliance swap list --open"})
  static final class ListSwaps implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Option(names = "--open", description = "only open offers")
    boolean open;

    @Override
    public Integer call() {
      var all = options.client().get("/swaps", WorkflowViews.SwapList.class);
      var shown = all.swaps().stream().filter(s -> !open || s.status().equals("open")).toList();
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, new WorkflowViews.SwapList(all.height(), shown));
        return 0;
      }
      w.printf(
          "%-64s %-10s %-12s %8s %10s %-10s %8s %s%n",
          "SWAP", "MAKER", "SIDE", "TOKENS", "MONEY", "TAKER", "EXPIRES", "STATUS");
      for (var s : shown) {
        w.printf(
            "%-64s %-10s %-12s %8d %10d %-10s %8d %s%n",
            s.id(),
            s.maker(),
            s.side(),
            s.tokens(),
            s.money(),
            s.taker() == null ? "anyone" : s.taker(),
            s.expiresAtHeight(),
            s.status());
      }
      return 0;
    }
  }
}
