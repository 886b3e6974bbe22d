package org.alliancechain.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.client.TxSender;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.tx.TokenTx;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Wallets (SPEC M-17, M-22): balances, gateway deposits, transfers. */
@Command(
    name = "wallet",
    mixinStandardHelpOptions = true,
    description = "Token and money balances, gateway deposits and withdrawals, transfers.",
    subcommands = {
      WalletCommand.Balance.class,
      WalletCommand.Deposit.class,
      WalletCommand.Transfer.class
    })
final class WalletCommand {

  /** Options of every command that signs. */
  static final class SignOptions {
    @Option(
        names = "--passphrase-file",
        paramLabel = "FILE",
        description = "key passphrase (default: $ALLIANCE_PASSPHRASE)")
    Path passphraseFile;

    @Option(names = "--no-wait", description = "return once the node accepted it")
    boolean noWait;

    Optional<Path> passphrase() {
      return Optional.ofNullable(passphraseFile);
    }
  }

  @Command(
      name = "balance",
      mixinStandardHelpOptions = true,
      description = "Tokens, money and stake of a member (default: the profile's own key).",
      footer = {"", "Example:  alliance wallet balance birch"})
  static final class Balance implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "MEMBER", arity = "0..1", description = "member name or key (hex)")
    String member;

    @Override
    public Integer call() {
      TxSender sender = new TxSender(options);
      PublicKey key = member != null ? sender.resolve(member) : ownKey(options);
      ApiViews.AccountView a =
          sender.client().get("/accounts/" + key.toHex(), ApiViews.AccountView.class);
      var w = spec.commandLine().getOut();
      if (options.json()) {
        w.println(NodeClient.toJson(a));
      } else {
        w.printf(
            "%s %s%n  tokens %d%n  money  %d%n  stake  %d%n",
            a.member(), a.publicKey(), a.tokens(), a.money(), a.stake());
      }
      return 0;
    }

    private static PublicKey ownKey(ClientOptions options) {
      try {
        return org.alliancechain.core.crypto.KeyFile.loadPublicKey(options.keyFile());
      } catch (java.io.IOException | org.alliancechain.core.crypto.KeyFileException e) {
        throw CliException.failure(
            "cannot read the key file " + options.keyFile() + ": " + e.getMessage());
      }
    }
  }

  @Command(
      name = "deposit",
      mixinStandardHelpOptions = true,
      description = {
        "Record money deposited into a member's wallet through the gateway (SPEC M-17).",
        "Signed with the gateway account's key (gateway.key in the gateway operator's folder)."
      },
      footer = {
        "",
        "Example:  alliance wallet deposit --to birch --amount 50000 --key gateway.key"
      })
  static final class Deposit implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin SignOptions sign;

    @Option(names = "--to", required = true, paramLabel = "MEMBER")
    String to;

    @Option(names = "--amount", required = true, paramLabel = "MINOR_UNITS")
    long amount;

    @Override
    public Integer call() {
      if (amount <= 0) {
        throw CliException.usage("--amount must be positive");
      }
      TxSender sender = new TxSender(options);
      TokenTx tx = new TokenTx.Deposit(sender.resolve(to), amount);
      sender.send(sender.key(sign.passphrase()), tx, !sign.noWait, spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "transfer",
      mixinStandardHelpOptions = true,
      description = "Send tokens or money to another member.",
      footer = {"", "Example:  alliance wallet transfer --to cobalt --tokens 25"})
  static final class Transfer implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin SignOptions sign;

    @Option(names = "--to", required = true, paramLabel = "MEMBER")
    String to;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    static final class What {
      @Option(names = "--tokens", paramLabel = "N")
      Long tokens;

      @Option(names = "--money", paramLabel = "MINOR_UNITS")
      Long money;
    }

    @Override
    public Integer call() {
      long amount = what.tokens != null ? what.tokens : what.money;
      if (amount <= 0) {
        throw CliException.usage("the amount must be positive");
      }
      TxSender sender = new TxSender(options);
      PublicKey target = sender.resolve(to);
      TokenTx tx =
          what.tokens != null
              ? new TokenTx.TransferTokens(target, amount)
              : new TokenTx.TransferMoney(target, amount);
      sender.send(sender.key(sign.passphrase()), tx, !sign.noWait, spec.commandLine().getOut());
      return 0;
    }
  }
}
