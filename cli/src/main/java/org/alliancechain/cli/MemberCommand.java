package org.alliancechain.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.node.MembershipRoutes;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.Genesis;
import org.alliancechain.config.GenesisFile;
import org.alliancechain.config.NodeConfig;
import org.alliancechain.core.crypto.Address;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.hash.Hash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Joining an alliance after genesis (SPEC M-23): the new member's side of an admission. */
@Command(
    name = "member",
    mixinStandardHelpOptions = true,
    description = "Join a running alliance as a new member; show the current membership.",
    subcommands = {MemberCommand.Join.class, MemberCommand.ListMembers.class})
final class MemberCommand {
  private MemberCommand() {}

  @Command(
      name = "join",
      mixinStandardHelpOptions = true,
      description = {
        "Create this member's key (encrypted) and node folder from the alliance's genesis, fetched",
        "from any running member's node and checked against --genesis-hash, which the alliance",
        "gives you out of band. Prints the DAO proposal that admits you; once it passes, start the",
        "node: it connects and syncs. Nothing has to be copied to the other members."
      },
      footer = {
        "",
        "Example:",
        "  ALLIANCE_PASSPHRASE=... alliance member join --node http://10.0.0.1:18101 \\\\",
        "      --genesis-hash 5f2c...9a --name echo --host 10.0.0.5 --peer-port 17105 \\\\",
        "      --api-port 18105 --out echo"
      })
  static final class Join implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--node",
        required = true,
        paramLabel = "URL",
        description = "API of any running member's node")
    URI node;

    @Option(
        names = "--genesis-hash",
        required = true,
        paramLabel = "HEX",
        description = "the alliance's genesis hash, as its members told you")
    String genesisHash;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "member name")
    String name;

    @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "HOST")
    String host;

    @Option(names = "--peer-port", required = true, paramLabel = "PORT")
    int peerPort;

    @Option(names = "--api-port", required = true, paramLabel = "PORT")
    int apiPort;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "node folder")
    Path out;

    @Option(
        names = "--passphrase-file",
        paramLabel = "FILE",
        description = "file holding the key passphrase (default: $ALLIANCE_PASSPHRASE)")
    Optional<Path> passphraseFile;

    @Override
    public Integer call() {
      Hash expected;
      try {
        expected = Hash.fromHex(genesisHash);
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--genesis-hash: " + e.getMessage());
      }
      if (Files.exists(out)) {
        throw CliException.usage(out + " already exists; choose a new folder");
      }
      char[] passphrase = Passphrases.read(passphraseFile, Optional.empty());
      NodeClient client = new NodeClient(node);
      var served = client.get("/genesis", MembershipRoutes.GenesisView.class);
      Genesis genesis;
      try {
        genesis = GenesisFile.parse(node + "/genesis", served.json());
      } catch (ConfigException e) {
        throw CliException.failure(
            "node " + node + " serves an invalid genesis: " + e.getMessage());
      }
      if (!genesis.hash().equals(expected)) {
        throw CliException.failure(
            "node "
                + node
                + " serves genesis "
                + genesis.hash()
                + ", not "
                + expected
                + ": wrong node or wrong alliance; nothing written");
      }
      var membership = client.get("/membership", MembershipRoutes.MembershipView.class);
      for (var m : membership.members()) {
        if (m.name().equals(name) && m.active()) {
          throw CliException.usage("the alliance already has a member named " + name);
        }
      }
      KeyPair key = KeyPair.generate(new SecureRandom());
      try {
        write(genesis, key, passphrase);
      } catch (IOException e) {
        throw CliException.failure("cannot write " + out + ": " + e.getMessage());
      }
      report(spec.commandLine().getOut(), genesis, key, membership);
      return AllianceCommand.EXIT_OK;
    }

    private void write(Genesis genesis, KeyPair key, char[] passphrase) throws IOException {
      Files.createDirectories(out);
      KeyFile.save(out.resolve(Bootstrap.KEY_FILE), key, passphrase, new SecureRandom());
      GenesisFile.write(out.resolve(Bootstrap.GENESIS_FILE), genesis);
      String passphraseLine =
          passphraseFile
              .map(p -> "passphrase-file: " + p.toAbsolutePath() + "\n")
              .orElse("passphrase-env: " + NodeConfig.DEFAULT_PASSPHRASE_ENV + "\n");
      Files.writeString(
          out.resolve(Bootstrap.NODE_CONFIG),
          "# Node config for member '"
              + name
              + "', admitted to '"
              + genesis.name()
              + "' by the DAO (not in the genesis).\n"
              + "# Start with: alliance node start --config node.yaml once the admission passed.\n"
              + "member: "
              + name
              + "\nadmitted-by-dao: true\nkey-file: "
              + Bootstrap.KEY_FILE
              + "\n"
              + passphraseLine
              + "genesis-file: "
              + Bootstrap.GENESIS_FILE
              + "\ngenesis-hash: "
              + genesis.hash().toHex()
              + "\ndata-dir: data\npeer-listen: "
              + host
              + ":"
              + peerPort
              + "\napi-listen: "
              + host
              + ":"
              + apiPort
              + "\nlog-level: info\n");
      Files.writeString(
          out.resolve(Bootstrap.PROFILE_FILE),
          "# CLI defaults for member '"
              + name
              + "' (alliance --profile this-file ...).\nnode: http://"
              + host
              + ":"
              + apiPort
              + "\nkey: "
              + Bootstrap.KEY_FILE
              + "\nmember: "
              + name
              + "\n");
    }

    private void report(
        PrintWriter w, Genesis genesis, KeyPair key, MembershipRoutes.MembershipView membership) {
      w.printf(
          "joining '%s' (chain id %s, genesis %s) at height %d%n",
          genesis.name(), genesis.chainId(), genesis.hash().toHex(), membership.height());
      w.printf("public key %s%n", key.publicKey().toHex());
      w.printf("address    %s%n", Address.of(key.publicKey()));
      w.printf("node folder %s (key encrypted, node.yaml, profile.yaml, genesis.json)%n", out);
      w.printf(
          "current members: %s%n",
          membership.members().stream()
              .filter(MembershipRoutes.MemberEntry::active)
              .map(MembershipRoutes.MemberEntry::name)
              .toList());
      w.printf("ask any member to propose your admission:%n");
      w.printf(
          "  alliance dao propose --admit-member %s --member-key %s --endpoint %s:%d:%d%n",
          name, key.publicKey().toHex(), host, peerPort, apiPort);
      w.printf(
          "once it passes: alliance node start --config %s%n", out.resolve(Bootstrap.NODE_CONFIG));
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The current members, validators and scheduled validator changes (ledger).",
      footer = {"", "Example:  alliance member list --node http://127.0.0.1:18101"})
  static final class ListMembers implements Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin org.alliancechain.cli.client.ClientOptions options;

    @Override
    public Integer call() {
      var view = options.client().get("/membership", MembershipRoutes.MembershipView.class);
      PrintWriter w = spec.commandLine().getOut();
      if (options.json()) {
        Workflows.json(w, view);
        return 0;
      }
      w.printf("height %d, validators %s%n", view.height(), view.validators());
      for (var s : view.scheduled()) {
        w.printf(
            "  from height %d (decided at %d): %s%n",
            s.activationHeight(), s.decidedAt(), s.validators());
      }
      w.printf("%-12s %-7s %-8s %-24s %s%n", "NAME", "ACTIVE", "GENESIS", "ENDPOINT", "ADDRESS");
      for (var m : view.members()) {
        w.printf(
            "%-12s %-7s %-8s %-24s %s%n",
            m.name(),
            m.active() ? "yes" : "no",
            m.genesis() ? "yes" : "no",
            m.host().isEmpty() ? "-" : m.host() + ":" + m.peerPort() + ":" + m.apiPort(),
            m.address());
      }
      return 0;
    }
  }
}
