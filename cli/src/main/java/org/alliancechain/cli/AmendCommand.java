package org.alliancechain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.contracts.ContractLimits;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.token.engine.Lifecycle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code alliance contract amend}: propose, approve or show an amendment (SPEC M-15). */
@Command(
    name = "amend",
    mixinStandardHelpOptions = true,
    description = {
      "Amend a contract you are a party to. With FILE: propose FILE as the contract's new"
          + " document (same contract_id, parties, shares and reward); your proposal is your"
          + " signature. With --approve: sign the pending amendment. It takes effect once every"
          + " party signed it.",
      "A changeable=\"false\" contract can never be amended once every party signed it; a"
          + " changeable=\"true\" one only this way.",
      "With --show: print the pending amendment and who signed it."
    },
    footer = {
      "",
      "Example:  alliance contract amend c-1 c-1-amended.xml",
      "          alliance contract amend c-1 --approve"
    })
final class AmendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ClientOptions options;
  @Mixin WalletCommand.SignOptions sign;

  @Parameters(index = "0", paramLabel = "ID")
  String id;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "FILE",
      description = "the amended document (XML)")
  Path file;

  @Option(names = "--approve", description = "sign the pending amendment")
  boolean approve;

  @Option(names = "--show", description = "print the pending amendment")
  boolean show;

  record AmendmentView(
      String contractId,
      String documentHash,
      java.util.List<String> approvals,
      long proposedHeight,
      String document) {}

  @Override
  public Integer call() {
    Workflows.checkId(id, "contract id");
    if ((file != null ? 1 : 0) + (approve ? 1 : 0) + (show ? 1 : 0) != 1) {
      throw CliException.usage("give exactly one of FILE, --approve, --show");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (file != null) {
      Workflows.sendLifecycle(options, sign, new Lifecycle.ProposeAmendment(id, read()), out);
      return 0;
    }
    NodeClient client = options.client();
    AmendmentView pending = client.get("/contracts/" + id + "/amendment", AmendmentView.class);
    if (show) {
      if (options.json()) {
        Workflows.json(out, pending);
      } else {
        out.printf(
            "amendment of %s, sha256 %s, signed by %s%n%s%n",
            id, pending.documentHash(), pending.approvals(), pending.document());
      }
      return 0;
    }
    out.printf("approving amendment %s of %s%n", pending.documentHash(), id);
    Workflows.sendLifecycle(
        options,
        sign,
        new Lifecycle.ApproveAmendment(id, Hash.fromHex(pending.documentHash())),
        out);
    return 0;
  }

  private String read() {
    try {
      if (Files.size(file) > ContractLimits.DOCUMENT_BYTES_MAX) {
        throw CliException.usage(file + " is over " + ContractLimits.DOCUMENT_BYTES_MAX + " bytes");
      }
      return Files.readString(file);
    } catch (IOException e) {
      throw CliException.usage("cannot read " + file + ": " + e.getMessage());
    }
  }
}
