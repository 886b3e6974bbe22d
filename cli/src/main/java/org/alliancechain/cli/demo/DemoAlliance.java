package org.alliancechain.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.cli.CliException;
import org.alliancechain.cli.client.NodeClient;
import org.alliancechain.cli.client.TxSender;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.cli.node.ApiViews;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.config.Parameter;
import org.alliancechain.config.Parameters;
import org.alliancechain.config.SpecParser;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.crypto.PublicKey;
import org.alliancechain.token.tx.TokenTx;

/**
 * One demo alliance: bootstrapped from an embedded spec onto free loopback ports and run as real
 * node processes. Holds the members' keys in memory so the demo can sign as each of them.
 */
final class DemoAlliance implements AutoCloseable {
  // Generous: on a loaded 2-core machine eight JVMs take their time to start.
  static final Duration READY_MAX = Duration.ofMinutes(3);
  static final Duration COMMIT_MAX = Duration.ofSeconds(30);

  final AllianceSpec spec;
  final LocalAlliance nodes;
  final Map<String, KeyPair> keys = new TreeMap<>();
  final Map<String, NodeClient> clients = new TreeMap<>();
  KeyPair gateway;

  private DemoAlliance(AllianceSpec spec, LocalAlliance nodes) {
    this.spec = spec;
    this.nodes = nodes;
  }

  /**
   * Bootstraps {@code specName}, with its parameters overridden by {@code overrides}, into {@code
   * dir} and starts every member's node process.
   */
  static DemoAlliance start(
      String specName, Path dir, String passphrase, Map<Parameter, Long> overrides)
      throws IOException {
    AllianceSpec spec;
    try {
      spec =
          withParameters(
              LocalAlliance.withFreePorts(SpecParser.parse(specName, ExampleSpecs.text(specName))),
              overrides);
    } catch (ConfigException e) {
      throw new IllegalStateException("the embedded spec is invalid: " + e.getMessage(), e);
    }
    SecureRandom random = new SecureRandom();
    // The demo's keys live only as long as the demo: a cheap scrypt keeps start-up short. Real
    // bootstraps use KeyFile's default cost (docs/crypto.md).
    KeyFile.ScryptParameters demoCost = new KeyFile.ScryptParameters(12, 8, 1);
    Map<String, KeyPair> keys = new TreeMap<>();
    KeyPair[] gateway = new KeyPair[1];
    Bootstrap.Result result =
        Bootstrap.run(
            spec,
            dir,
            false,
            random,
            System.currentTimeMillis(),
            (file, key) -> {
              KeyFile.save(file, key, passphrase.toCharArray(), demoCost, random);
              if (file.getFileName().toString().equals(Bootstrap.GATEWAY_KEY_FILE)) {
                gateway[0] = key;
              } else {
                keys.put(file.getParent().getFileName().toString(), key);
              }
            },
            Optional.empty());
    DemoAlliance alliance =
        new DemoAlliance(spec, new LocalAlliance(dir, spec, result.nodeConfigs(), passphrase));
    alliance.keys.putAll(keys);
    alliance.gateway = gateway[0];
    for (String member : alliance.nodes.members()) {
      alliance.clients.put(member, new NodeClient(alliance.nodes.api(member)));
    }
    for (String member : alliance.nodes.members()) {
      // The demo's nodes live a few minutes: the client compiler alone saves start-up CPU.
      alliance.nodes.jvmOptions(member, List.of("-XX:TieredStopAtLevel=1"));
    }
    alliance.nodes.startAll();
    return alliance;
  }

  private static AllianceSpec withParameters(AllianceSpec spec, Map<Parameter, Long> overrides) {
    Map<Parameter, Long> values = new EnumMap<>(spec.parameters().asMap());
    values.putAll(overrides);
    return new AllianceSpec(
        spec.name(),
        spec.chainId(),
        spec.mode(),
        spec.members(),
        spec.gateway(),
        spec.committee(),
        Parameters.with(values));
  }

  void awaitReady() throws InterruptedException {
    try {
      nodes.awaitAllReady(READY_MAX);
    } catch (IllegalStateException e) {
      throw CliException.failure(e.getMessage());
    }
    // Ready means serving; wait until every node also links to every other one.
    long deadline = System.nanoTime() + READY_MAX.toNanos();
    for (String member : nodes.members()) {
      while (status(member).peers().stream().anyMatch(p -> !p.connected())) {
        if (System.nanoTime() > deadline) {
          throw CliException.failure(
              member + " did not link to every peer; see " + nodes.logFile(member));
        }
        Thread.sleep(100); // polling interval
      }
    }
  }

  /**
   * The trees' hop times are half each link's measured round trip (HopLatency), and a link's first
   * ping goes out seconds after it opens: until then a route would measure 0 us.
   */
  void awaitRoundTrips() throws InterruptedException {
    long deadline = System.nanoTime() + READY_MAX.toNanos();
    for (String member : nodes.members()) {
      while (status(member).peers().stream().anyMatch(p -> p.roundTripMicros() == null)) {
        if (System.nanoTime() > deadline) {
          throw CliException.failure(member + " measured no round trip to some peer");
        }
        Thread.sleep(100); // polling interval
      }
    }
  }

  ApiViews.Status status(String member) {
    return clients.get(member).get("/status", ApiViews.Status.class);
  }

  /** {@code member}'s account as {@code via}'s node reports it. */
  ApiViews.AccountView account(String via, String member) {
    return clients.get(via).get("/accounts/" + key(member).toHex(), ApiViews.AccountView.class);
  }

  PublicKey key(String member) {
    return keys.get(member).publicKey();
  }

  /** Signs {@code tx} as {@code signer}, submits it through {@code via}, waits for the commit. */
  ApiViews.TxStatus commit(String via, KeyPair signer, TokenTx tx) {
    NodeClient client = clients.get(via);
    return TxSender.awaitSuccess(client, TxSender.submit(client, signer, tx));
  }

  @Override
  public void close() {
    nodes.close();
  }
}
