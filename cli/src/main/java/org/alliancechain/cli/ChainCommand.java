package org.alliancechain.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.ClientOptions;
import org.alliancechain.cli.client.LightClient;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.GenesisFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The chain as a node serves it: status, blocks, transactions, and light-client verification. */
@Command(
    name = "chain",
    mixinStandardHelpOptions = true,
    description = "Chain status, blocks and transactions; verify what a node serves.",
    subcommands = {
      ChainCommand.Status.class,
      ChainCommand.Block.class,
      ChainCommand.Tx.class,
      ChainCommand.Verify.class
    })
final class ChainCommand {

  static PrintWriter out(CommandSpec spec) {
    return spec.commandLine().getOut();
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Height, head, consensus view and primary, peers, mempool.",
      footer = {"", "Example:  alliance chain status --profile alliance/acme/profile.yaml"})
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Override
    public Integer call() {
      ApiViews.Status s = options.client().get("/status", ApiViews.Status.class);
      PrintWriter w = out(spec);
      if (options.json()) {
        w.println(NodeClient.toJson(s));
        return 0;
      }
      w.printf("%s (%s, chain %s)  member %s%n", s.alliance(), s.mode(), s.chainId(), s.member());
      w.printf("height %d  head %s  state root %s%n", s.height(), s.headHash(), s.stateRoot());
      if (s.consensus() != null) {
        ApiViews.ConsensusStatus c = s.consensus();
        w.printf(
            "consensus: %s, view %d, primary %s, %s; view changes %d%s%n",
            c.validator() ? "validator" : "follower",
            c.view(),
            c.primary(),
            c.phase(),
            c.viewChanges(),
            c.lastViewChangeReason() == null || c.lastViewChangeReason().isEmpty()
                ? ""
                : " (last: " + c.lastViewChangeReason() + ")");
        if (c.summary() != null) {
          w.printf("%s%n", c.summary());
        }
        if (c.waitingFor() != null && !c.waitingFor().isEmpty()) {
          w.printf(
              "waiting for: %s%s%n",
              c.waitingFor(),
              c.waitingOn() == null || c.waitingOn().isEmpty()
                  ? ""
                  : " (from " + String.join(", ", c.waitingOn()) + ")");
        }
        if (c.validators() != null) {
          for (ApiViews.ValidatorProgress v : c.validators()) {
            w.printf(
                "  validator %-12s %-12s last height %d, view %d%n",
                v.member() + (v.self() ? "*" : ""),
                v.connected() ? "connected" : "DISCONNECTED",
                v.lastHeight(),
                v.lastView());
          }
        }
      }
      w.printf("mempool %d%n", s.mempoolSize());
      for (ApiViews.Peer p : s.peers()) {
        w.printf(
            "  peer %-12s %-12s %s%n",
            p.member(),
            p.connected() ? "connected" : "DISCONNECTED",
            p.roundTripMicros() == null ? "" : "rtt " + p.roundTripMicros() + " us");
      }
      return 0;
    }
  }

  @Command(
      name = "block",
      mixinStandardHelpOptions = true,
      description = "One block: header, transactions, commit certificate.",
      footer = {"", "Example:  alliance chain block 12"})
  static final class Block implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "HEIGHT")
    long height;

    @Override
    public Integer call() {
      ApiViews.BlockView b = options.client().get("/blocks/" + height, ApiViews.BlockView.class);
      PrintWriter w = out(spec);
      if (options.json()) {
        w.println(NodeClient.toJson(b));
        return 0;
      }
      ApiViews.Header h = b.header();
      w.printf("block %d  %s%n", b.height(), b.hash());
      w.printf(
          "  previous %s%n  tx root  %s (%d transactions)%n",
          h.previousHash(), h.txRoot(), h.txCount());
      w.printf("  view %d  proposer %s  time %d ms%n", h.view(), h.proposer(), h.timestampMillis());
      w.printf("  state root after height %d: %s%n", h.executedHeight(), h.executedStateRoot());
      w.printf(
          "  certificate: %d votes (validators %s)%n",
          b.certificate().votes().size(),
          b.certificate().votes().stream().map(v -> Integer.toString(v.validator())).toList());
      b.transactions().forEach(t -> w.printf("  tx %s%n", t));
      return 0;
    }
  }

  @Command(
      name = "tx",
      mixinStandardHelpOptions = true,
      description = "A transaction's status: pending, committed (height, outcome) or unknown.",
      footer = {"", "Example:  alliance chain tx 5f2c..."})
  static final class Tx implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Parameters(paramLabel = "HASH")
    String hash;

    @Override
    public Integer call() {
      ApiViews.TxStatus t = options.client().get("/tx/" + hash, ApiViews.TxStatus.class);
      PrintWriter w = out(spec);
      if (options.json()) {
        w.println(NodeClient.toJson(t));
      } else if (t.status().equals("committed")) {
        w.printf(
            "%s committed at height %d (index %d): %s%s%n",
            t.hash(),
            t.height(),
            t.index(),
            t.success() ? "ok" : "failed " + t.code(),
            t.detail() == null || t.detail().isEmpty() ? "" : " - " + t.detail());
      } else {
        w.printf("%s %s%n", t.hash(), t.status());
      }
      return 0;
    }
  }

  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Verify, as a light client, the blocks a node serves: every certificate against the",
        "validator set of the genesis, every header's parent and transaction root. A node serving",
        "a tampered block is named, with the height and the reason (exit 1)."
      },
      footer = {"", "Example:  alliance chain verify --profile alliance/acme/profile.yaml"})
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin ClientOptions options;

    @Option(
        names = "--genesis",
        paramLabel = "FILE",
        description = "genesis.json (default: beside the profile)")
    Path genesisFile;

    @Option(
        names = "--from",
        paramLabel = "HEIGHT",
        defaultValue = "1",
        description = "first height")
    long from;

    @Override
    public Integer call() {
      Genesis genesis = genesis(options, genesisFile);
      NodeClient client = options.client();
      LightClient light = new LightClient(client, genesis);
      long head = light.head();
      LightClient.RangeResult result = light.verifyRange(from, head);
      PrintWriter w = out(spec);
      if (result.failure().isPresent()) {
        var f = result.failure().get();
        throw CliException.failure(
            "node "
                + client.base()
                + " serves an invalid block at height "
                + f.height()
                + ": "
                + f.verdict());
      }
      w.printf(
          "verified %d blocks (%d..%d) from %s against the validator set in force at each height%n",
          result.verified(), from, head, client.base());
      if (result.lastHash() != null) {
        w.printf("head %d %s%n", head, result.lastHash());
      }
      return 0;
    }
  }

  static Genesis genesis(ClientOptions options, Path genesisFile) {
    Path file =
        Optional.ofNullable(genesisFile)
            .or(() -> options.profileFolder().map(f -> f.resolve("genesis.json")))
            .orElseThrow(() -> CliException.usage("pass --genesis FILE or --profile FILE"));
    try {
      return GenesisFile.read(file);
    } catch (ConfigException e) {
      throw CliException.failure(e.getMessage());
    }
  }
}
