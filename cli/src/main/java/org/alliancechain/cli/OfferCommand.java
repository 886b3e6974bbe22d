package org.alliancechain.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.cli.node.WorkflowViews;
import org.alliancechain.contracts.sharing.Acceptance;
import org.alliancechain.contracts.sharing.Offer;
import org.alliancechain.contracts.sharing.PrivateRecords;
import org.alliancechain.contracts.sharing.SharingLifecycle.DraftTerms;
import org.alliancechain.token.engine.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Offers on requests (SPEC M-11): make, list, accept (drafting the contract), reject. */
@Command(
    name = "offer",
    mixinStandardHelpOptions = true,
    description = "Offers: make one on a request, list them, accept (drafts the contract), reject.",
    subcommands = {
      OfferCommand.Make.class,
      OfferCommand.ListOffers.class,
      OfferCommand.Accept.class,
      OfferCommand.Reject.class
    })
final class OfferCommand {
  private OfferCommand() {}

  static void table(PrintWriter w, List<WorkflowViews.OfferView> offers) {
    w.printf(
        "%-20s %-10s %-9s %8s %6s %s%n",
        "OFFER", "PROVIDER", "STATUS", "EXPECTED", "SHARE", "DESCRIPTION");
    for (WorkflowViews.OfferView o : offers) {
      w.printf(
          "%-20s %-10s %-9s %8d %6s %s%n",
          o.id(),
          o.providerMember(),
          o.status(),
          o.expectedReward(),
          o.sharePart() == null ? "-" : o.sharePart().toString(),
          o.description());
    }
  }

  @Command(
      name = "make",
      mixinStandardHelpOptions = true,
      description = "Offer to provide what a request asks for, signed by your key.",
      footer = {
        "",
        "Example:  alliance offer make r-1 --description 'we have them' --provider-profile 'ISO 9001'"
      })
  static final class Make implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "REQUEST")
    String requestId;

    @Option(names = "--description", defaultValue = "", paramLabel = "TEXT")
    String description;

    @Option(
        names = "--provider-profile",
        defaultValue = "",
        paramLabel = "TEXT",
        description = "the provider's profile (capabilities, references)")
    String profile;

    @Option(names = "--expected-reward", defaultValue = "0", paramLabel = "TOKENS")
    long expectedReward;

    @Option(names = "--id", paramLabel = "ID", description = "offer id (default: generated)")
    String id;

    @Option(
        names = "--name",
        paramLabel = "TEXT",
        description = "provider's display name (default: member name)")
    String name;

    @Override
    public Integer call() {
      Workflows.checkId(requestId, "request id");
      if (expectedReward < 0) {
        throw CliException.usage("--expected-reward must not be negative");
      }
      String offerId = id != null ? id : Workflows.newId("o");
      Workflows.checkId(offerId, "offer id");
      var me = Workflows.ownKey(options);
      var client = options.client();
      String display =
          name != null
              ? name
              : client.get("/accounts/" + me.toHex(), ApiViews.AccountView.class).member();
      Offer offer =
          new Offer(
              offerId,
              requestId,
              Workflows.address(me),
              display.isEmpty() ? Workflows.address(me) : display,
              description,
              profile,
              expectedReward);
      PrintWriter out = spec.commandLine().getOut();
      Offer onChain = offer;
      if (Workflows.mode(client).equals("competitive")) {
        // SPEC M-18: the record stays on this member's node, served to the requester only
        var salt = Workflows.newSalt();
        Workflows.keepPrivate(
            client, "offer", PrivateRecords.opening(offer, salt), java.util.List.of());
        onChain = PrivateRecords.seal(offer, salt);
      }
      Workflows.sendLifecycle(options, sign, new Lifecycle.SubmitOffer(onChain), out);
      out.printf("offer %s%n", offerId);
      return 0;
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The offers on a request.",
      footer = {"", "Example:  alliance offer list r-1 --output json"})
  static final class ListOffers implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "REQUEST")
    String requestId;

    @Override
    public Integer call() {
      var r = Workflows.request(options.client(), requestId);
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, r.offers());
      } else {
        table(w, r.offers());
      }
      return 0;
    }
  }

  @Command(
      name = "accept",
      mixinStandardHelpOptions = true,
      description = {
        "Accept offers on your request; the ledger drafts the contract from the templates (M-12).",
        "Cooperative alliances may accept several providers, each with a share part (OFFER:PART,"
            + " parts are relative; default 1). Competitive alliances accept one.",
        "The contract's window starts now and lasts --duration; --installments splits the reward."
      },
      footer = {
        "",
        "Example:  alliance offer accept r-1 --offer o-1:2 --offer o-2:1 --duration 30d"
      })
  static final class Accept implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "REQUEST")
    String requestId;

    @Option(
        names = "--offer",
        required = true,
        paramLabel = "OFFER[:PART]",
        description = "repeatable")
    List<String> offers = new ArrayList<>();

    @Option(names = "--contract-id", paramLabel = "ID", description = "default: generated")
    String contractId;

    @Option(
        names = "--duration",
        defaultValue = "30d",
        paramLabel = "DURATION",
        description = "contract window (default 30d)")
    String duration;

    @Option(names = "--installments", defaultValue = "1", paramLabel = "N")
    int installments;

    @Option(names = "--cancellation-fee", defaultValue = "0", paramLabel = "TOKENS")
    long cancellationFee;

    @Option(names = "--bonus", defaultValue = "0", paramLabel = "TOKENS")
    long bonus;

    @Option(names = "--changeable", description = "the parties may amend the contract")
    boolean changeable;

    @Override
    public Integer call() {
      Workflows.checkId(requestId, "request id");
      String id = contractId != null ? contractId : Workflows.newId("c");
      Workflows.checkId(id, "contract id");
      if (installments < 1 || cancellationFee < 0 || bonus < 0) {
        throw CliException.usage("--installments must be positive, fees and bonus not negative");
      }
      List<Acceptance.Accepted> accepted = new ArrayList<>();
      for (String o : offers) {
        int colon = o.lastIndexOf(':');
        String offerId = colon < 0 ? o : o.substring(0, colon);
        long part;
        try {
          part = colon < 0 ? 1 : Long.parseLong(o.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw CliException.usage("--offer expects OFFER or OFFER:PART, got " + o);
        }
        Workflows.checkId(offerId, "offer id");
        accepted.add(new Acceptance.Accepted(offerId, part));
      }
      long start = System.currentTimeMillis() / 1000;
      DraftTerms terms =
          new DraftTerms(
              start,
              start + Workflows.seconds(duration, "--duration"),
              installments,
              cancellationFee,
              bonus,
              changeable);
      PrintWriter out = spec.commandLine().getOut();
      Workflows.sendLifecycle(
          options,
          sign,
          new Lifecycle.AcceptOffers(new Acceptance(requestId, accepted), id, terms),
          out);
      out.printf("contract %s drafted; every party signs it: alliance contract sign %s%n", id, id);
      return 0;
    }
  }

  @Command(
      name = "reject",
      mixinStandardHelpOptions = true,
      description = "Reject offers on your request; they can no longer be accepted.",
      footer = {"", "Example:  alliance offer reject r-1 --offer o-3"})
  static final class Reject implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "REQUEST")
    String requestId;

    @Option(names = "--offer", required = true, paramLabel = "OFFER", description = "repeatable")
    List<String> offers = new ArrayList<>();

    @Override
    public Integer call() {
      Workflows.checkId(requestId, "request id");
      offers.forEach(o -> Workflows.checkId(o, "offer id"));
      Workflows.sendLifecycle(
          options,
          sign,
          new Lifecycle.RejectOffers(requestId, offers),
          spec.commandLine().getOut());
      return 0;
    }
  }
}
