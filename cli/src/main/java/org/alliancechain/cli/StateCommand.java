package org.alliancechain.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.client.LightClient;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.config.Genesis;
import org.alliancechain.core.Bytes;
import org.alliancechain.core.Hex;
import org.alliancechain.core.Verdict;
import org.alliancechain.core.codec.DecodeException;
import org.alliancechain.core.hash.Hash;
import org.alliancechain.core.state.StateProof;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** State queries with proofs, checked offline against a certified header. */
@Command(
    name = "state",
    mixinStandardHelpOptions = true,
    description = "Ledger state with proofs.",
    subcommands = {StateCommand.Prove.class})
final class StateCommand {

  @Command(
      name = "prove",
      mixinStandardHelpOptions = true,
      description = {
        "Fetch a key's value (or its absence) with a proof and check the proof against the state",
        "root that a certified block header commits to; nothing the node says is trusted."
      },
      footer = {"", "Example:  alliance state prove 00a1b2... --height 10"})
  static final class Prove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "KEY", description = "state key in hex")
    String key;

    @Option(
        names = "--height",
        paramLabel = "H",
        description = "default: the latest provable height")
    Long height;

    @Option(
        names = "--genesis",
        paramLabel = "FILE",
        description = "genesis.json (default: beside the profile)")
    Path genesisFile;

    @Override
    public Integer call() {
      Bytes keyBytes;
      try {
        keyBytes = Bytes.fromHex(key);
      } catch (IllegalArgumentException e) {
        throw CliException.usage("KEY must be hex: " + e.getMessage());
      }
      Genesis genesis = ChainCommand.genesis(options, genesisFile);
      NodeClient client = options.client();
      LightClient light = new LightClient(client, genesis);
      long head = light.head();
      long at = height != null ? height : Math.max(0, head - 1);
      ApiViews.StateProofView view =
          client.get("/state/" + key + "?height=" + at, ApiViews.StateProofView.class);
      Optional<Hash> root = light.certifiedStateRoot(at, head);
      if (root.isEmpty()) {
        throw CliException.failure(
            "no certified block commits to the state at height "
                + at
                + " yet (head "
                + head
                + "): try a lower --height");
      }
      StateProof proof;
      try {
        proof = StateProof.decode(Hex.decode(view.proof()));
      } catch (DecodeException | IllegalArgumentException e) {
        throw CliException.failure(
            "node " + client.base() + " sent an undecodable proof: " + e.getMessage());
      }
      Optional<Bytes> value = Optional.ofNullable(view.value()).map(Bytes::fromHex);
      Verdict verdict = proof.verify(root.get(), keyBytes, value);
      if (!verdict.isOk()) {
        throw CliException.failure(
            "node "
                + client.base()
                + " sent a proof that does not check at height "
                + at
                + ": "
                + verdict);
      }
      spec.commandLine()
          .getOut()
          .printf(
              "key %s at height %d: %s%nproof checks against the certified state root %s%n",
              key, at, value.map(v -> "value " + v.toHex()).orElse("absent"), root.get());
      return 0;
    }
  }
}
