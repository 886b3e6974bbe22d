package org.alliancechain.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.cli.node.ConsensusEngines;
import org.alliancechain.cli.node.Node;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.config.NodeConfigParser;
import org.alliancechain.config.SpecParser;
import org.alliancechain.core.crypto.KeyFile;

/**
 * A real four-node alliance inside the test JVM: bootstrapped from an example spec on free ports,
 * each node with its own store, sockets and threads. Commands reach it over HTTP like a user's.
 */
final class InProcessAlliance implements AutoCloseable {
  static final String PASSPHRASE = "workflow test passphrase";

  final Path dir;
  final Path secret;
  final Map<String, Path> configs;
  private final List<Node> nodes = new ArrayList<>();

  private InProcessAlliance(Path dir, Path secret, Map<String, Path> configs) {
    this.dir = dir;
    this.secret = secret;
    this.configs = configs;
  }

  static InProcessAlliance start(Path dir, String mode) throws Exception {
    return start(dir, mode + ".yaml", ExampleSpecs.text(mode));
  }

  /** An alliance from any spec text (ports replaced by free ones). */
  static InProcessAlliance start(Path dir, String name, String specText) throws Exception {
    AllianceSpec spec = LocalAlliance.withFreePorts(SpecParser.parse(name, specText));
    Path secret = dir.resolve("secret");
    Files.writeString(secret, PASSPHRASE + "\n");
    SecureRandom random = new SecureRandom();
    Bootstrap.Result result =
        Bootstrap.run(
            spec,
            dir.resolve("out"),
            false,
            random,
            System.currentTimeMillis(),
            (file, key) -> KeyFile.save(file, key, PASSPHRASE.toCharArray(), random),
            Optional.of(secret));
    InProcessAlliance alliance = new InProcessAlliance(dir, secret, result.nodeConfigs());
    boolean started = false;
    try {
      for (Path config : result.nodeConfigs().values()) {
        var loaded = NodeConfigParser.load(config);
        var key = KeyFile.load(loaded.config().keyFile(), PASSPHRASE.toCharArray());
        alliance.nodes.add(
            Node.start(loaded.config(), loaded.genesis(), key, ConsensusEngines::forNode));
      }
      started = true;
    } finally {
      if (!started) {
        alliance.close();
      }
    }
    return alliance;
  }

  /** Starts one more node from its node.yaml (a member the DAO admitted). */
  Node startNode(Path config) throws Exception {
    var loaded = NodeConfigParser.load(config);
    var key = KeyFile.load(loaded.config().keyFile(), PASSPHRASE.toCharArray());
    Node node = Node.start(loaded.config(), loaded.genesis(), key, ConsensusEngines::forNode);
    nodes.add(node);
    return node;
  }

  /** Stops the node of {@code member} (its data stays). */
  void stop(String member) {
    for (Node node : List.copyOf(nodes)) {
      if (node.self().name().equals(member)) {
        node.close();
        nodes.remove(node);
      }
    }
  }

  Node node(String member) {
    return nodes.stream().filter(n -> n.self().name().equals(member)).findFirst().orElseThrow();
  }

  Path profile(String member) {
    return dir.resolve("out").resolve(member).resolve("profile.yaml");
  }

  Path memberDir(String member) {
    return dir.resolve("out").resolve(member);
  }

  /** The API address of {@code member}'s node. */
  String uri(String member) {
    var config = node(member).config();
    return "http://" + config.apiHost() + ":" + config.apiPort();
  }

  /**
   * Runs {@code alliance ARGS} as {@code member} against {@code via}'s node; commands that sign
   * (dao votes and proposals, wallet) get the passphrase file.
   */
  CliRun cli(String member, String via, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--profile");
    all.add(profile(member).toString());
    all.add("--node");
    all.add(uri(via));
    if ((args[0].equals("dao") && !args[1].equals("show")) || args[0].equals("wallet")) {
      all.add("--passphrase-file");
      all.add(secret.toString());
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  /** Polls {@code condition} until it holds, failing the test after {@code deadline}. */
  static void await(
      String what, java.time.Duration deadline, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      org.assertj.core.api.Assertions.assertThat(System.nanoTime())
          .as("waiting for %s", what)
          .isLessThan(end);
      Thread.sleep(50); // polling interval, not a wait for an outcome
    }
  }

  @Override
  public void close() {
    for (Node node : nodes) {
      node.close();
    }
    nodes.clear();
  }
}
