package org.alliancechain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.node.WorkflowViews;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.contracts.lang.ContractParser;
import org.alliancechain.contracts.model.AddressRule;
import org.alliancechain.contracts.model.Contract;
import org.alliancechain.contracts.xml.ContractError;
import org.alliancechain.contracts.xml.ContractException;
import org.alliancechain.token.engine.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Sharing contracts (SPEC M-12 to M-16): the XML, its status, signing, cancelling, validation. */
@Command(
    name = "contract",
    mixinStandardHelpOptions = true,
    description = "Sharing contracts: show the XML, status, sign, cancel; validate a file offline.",
    subcommands = {
      ContractCommand.Show.class,
      ContractCommand.Status.class,
      ContractCommand.Sign.class,
      ContractCommand.Cancel.class,
      ContractCommand.Validate.class,
      AmendCommand.class
    })
final class ContractCommand {
  private ContractCommand() {}

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "The contract document (XML) as the ledger stores it.",
      footer = {"", "Example:  alliance contract show c-1 > c-1.xml"})
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      WorkflowViews.ContractView c = Workflows.contract(options.client(), id);
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, new Document(c.id(), c.document()));
      } else {
        w.print(c.document());
        if (!c.document().endsWith("\n")) {
          w.println();
        }
      }
      return 0;
    }
  }

  record Document(String id, String document) {}

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description =
          "Where a contract stands: state, signatures, verified transfers, tokens issued.",
      footer = {"", "Example:  alliance contract status c-1"})
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      WorkflowViews.ContractView c = Workflows.contract(options.client(), id);
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, withoutDocument(c));
        return 0;
      }
      w.printf("contract %s (request %s): %s%n", c.id(), c.requestId(), c.state());
      if (c.reason() != null) {
        w.printf("  reason        %s%n", c.reason());
      }
      w.printf("  signed        %d of %d%n", c.signed().size(), c.signers().size());
      for (int i = 0; i < c.signers().size(); i++) {
        String s = c.signers().get(i);
        w.printf(
            "    %s %-10s %s%n",
            c.signed().contains(s) ? "[x]" : "[ ]",
            i < c.signerMembers().size() ? c.signerMembers().get(i) : "",
            s);
      }
      w.printf("  verified      periods %s%n", c.verifiedPeriods());
      w.printf("  installments  %d paid%n", c.installmentsPaid());
      w.printf("  tokens issued %d%n", c.tokensIssued());
      return 0;
    }

    private static WorkflowViews.ContractView withoutDocument(WorkflowViews.ContractView c) {
      return new WorkflowViews.ContractView(
          c.id(),
          c.requestId(),
          c.state(),
          c.installmentsPaid(),
          c.qualityJudged(),
          c.bonusPaid(),
          c.escrowReleased(),
          c.reason(),
          c.signed(),
          c.signers(),
          c.signerMembers(),
          c.verifiedPeriods(),
          c.metadata(),
          c.escrowFunded(),
          c.tokensIssued(),
          null);
    }
  }

  @Command(
      name = "sign",
      mixinStandardHelpOptions = true,
      description = {
        "Sign a drafted contract you are a party to (SPEC M-14).",
        "In monetary sharing the money provider's signature moves the amount into escrow."
      },
      footer = {"", "Example:  alliance contract sign c-1"})
  static final class Sign implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      Workflows.checkId(id, "contract id");
      Workflows.sendLifecycle(options, sign, new Lifecycle.Sign(id), spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "cancel",
      mixinStandardHelpOptions = true,
      description = "Cancel a contract you are a party to, under its remedy rules (fees apply).",
      footer = {"", "Example:  alliance contract cancel c-1"})
  static final class Cancel implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;
    @Mixin WalletCommand.SignOptions sign;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
      Workflows.checkId(id, "contract id");
      Workflows.sendLifecycle(options, sign, new Lifecycle.Cancel(id), spec.commandLine().getOut());
      return 0;
    }
  }

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Check a contract document offline with the ledger's own parser and validator.",
        "Prints each error with its line, column and element; exits 1 when invalid."
      },
      footer = {"", "Example:  alliance contract validate my-contract.xml"})
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = "--test-addresses",
        description = "accept readable stand-ins for addresses (templates, examples)")
    boolean testAddresses;

    @Override
    public Integer call() {
      byte[] bytes;
      try {
        if (Files.size(file) > ContractLimits.DOCUMENT_BYTES_MAX) {
          throw CliException.failure(
              file + " is over " + ContractLimits.DOCUMENT_BYTES_MAX + " bytes");
        }
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw CliException.usage("cannot read " + file + ": " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        Contract c =
            ContractParser.parse(
                bytes, testAddresses ? AddressRule.DEFAULT : AddressRule.NODE_CORE);
        out.printf("%s: valid contract %s%n", file, c.id());
        return 0;
      } catch (ContractException e) {
        for (ContractError error : e.errors()) {
          err.printf("%s: %s [%s]%n", file, error.message(), error.code());
        }
        return AllianceCommand.EXIT_FAILURE;
      }
    }
  }
}
