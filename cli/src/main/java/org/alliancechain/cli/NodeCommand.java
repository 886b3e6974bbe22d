package org.alliancechain.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.alliancechain.cli.node.ByzantineMode;
import org.alliancechain.cli.node.ConsensusEngines;
import org.alliancechain.cli.node.Node;
import org.alliancechain.cli.node.NodeException;
import org.alliancechain.cli.node.Signals;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.NodeConfig;
import org.alliancechain.config.NodeConfigParser;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyFileException;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.WrongPassphraseException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** SPEC M-31: run one node. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "Run a node.",
    subcommands = {NodeCommand.Start.class})
final class NodeCommand {

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Start the node of one member from its node.yaml (written by bootstrap) and run until",
        "SIGTERM or Ctrl-C, which stop it cleanly (exit 0). The key's passphrase comes from the",
        "environment variable or file the config names (default: $ALLIANCE_PASSPHRASE)."
      },
      footer = {
        "",
        "Example:  ALLIANCE_PASSPHRASE=... alliance node start --config alliance/acme/node.yaml"
      })
  static final class Start implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "FILE", description = "node.yaml")
    Path config;

    @Override
    public Integer call() throws IOException, InterruptedException {
      try {
        // Refuse a test-only Byzantine switch without its acknowledgement before touching data.
        var unused = ByzantineMode.fromProperties(System.getProperties());
      } catch (NodeException e) {
        throw CliException.failure(e.getMessage());
      }
      NodeConfigParser.Loaded loaded;
      try {
        loaded = NodeConfigParser.load(config);
      } catch (ConfigException e) {
        throw CliException.failure(e.getMessage());
      }
      NodeConfig nodeConfig = loaded.config();
      setLogLevel(nodeConfig.logLevel());
      // empty for a member the DAO admitted after genesis (node.yaml says admitted-by-dao)
      KeyPair key = loadKey(nodeConfig);
      Node node;
      try {
        node = Node.start(nodeConfig, loaded.genesis(), key, ConsensusEngines::forNode);
      } catch (NodeException e) {
        throw CliException.failure(e.getMessage());
      }
      org.alliancechain.cli.node.FatalErrors.install(node::close);
      CountDownLatch stopped = new CountDownLatch(1);
      Signals.onStop(
          () -> {
            node.close();
            stopped.countDown();
          });
      stopped.await();
      return AllianceCommand.EXIT_OK;
    }

    private static KeyPair loadKey(NodeConfig config) {
      char[] passphrase = Passphrases.read(config.passphraseFile(), config.passphraseEnv());
      KeyPair key;
      try {
        key = KeyFile.load(config.keyFile(), passphrase);
      } catch (WrongPassphraseException e) {
        throw CliException.failure("wrong passphrase for the key file " + config.keyFile());
      } catch (KeyFileException e) {
        throw CliException.failure(
            "the key file " + config.keyFile() + " is damaged: " + e.getMessage());
      } catch (IOException e) {
        throw CliException.failure(
            "cannot read the key file " + config.keyFile() + ": " + e.getMessage());
      }
      // Another key than the genesis one may be a key the DAO rotated the member to (issue #4):
      // the node decides from its ledger and refuses any other (KeyRotations).
      return key;
    }

    private static void setLogLevel(String level) {
      if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
          instanceof ch.qos.logback.classic.Logger root) {
        root.setLevel(ch.qos.logback.classic.Level.toLevel(level));
      }
    }
  }
}
