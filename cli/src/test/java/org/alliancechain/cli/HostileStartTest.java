package org.alliancechain.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.cli.node.ConsensusEngines;
import org.alliancechain.cli.node.Node;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.Bootstrap;
import org.alliancechain.config.ExampleSpecs;
import org.alliancechain.config.NodeConfigParser;
import org.alliancechain.config.SpecParser;
import org.alliancechain.core.crypto.KeyFile;
import org.alliancechain.core.crypto.KeyPair;
import org.alliancechain.core.store.RocksStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile keys and config at {@code alliance node start} (SPEC M-32, issue 9): each is refused with
 * a one-line error and exit code 1 before the node listens, and changes nothing on disk. Key-file
 * damage of every kind is in node-core's KeyFileTest; a store of another chain id in StoreOpenTest;
 * this test checks the node command on top of them.
 */
class HostileStartTest {
  private static final String PASSPHRASE = "hostile-start-test";

  @TempDir static Path dir;
  private static Bootstrap.Result ours;
  private static Bootstrap.Result theirs;
  private static final Map<String, KeyPair> theirKeys = new TreeMap<>();

  @BeforeAll
  static void bootstrapTwoAlliancesOfTheSameSpec() throws Exception {
    // Same spec, same chain id, different keys and genesis: the data folders must not mix.
    Path passphrase = dir.resolve("passphrase.txt");
    Files.writeString(passphrase, PASSPHRASE + "\n");
    ours = bootstrap("ours", passphrase, new TreeMap<>());
    theirs = bootstrap("theirs", passphrase, theirKeys);
    assertThat(ours.genesis().chainId()).isEqualTo(theirs.genesis().chainId());
    assertThat(ours.genesis().hash()).isNotEqualTo(theirs.genesis().hash());
  }

  private static Bootstrap.Result bootstrap(String name, Path passphrase, Map<String, KeyPair> keys)
      throws Exception {
    AllianceSpec spec =
        LocalAlliance.withFreePorts(
            SpecParser.parse("coop", ExampleSpecs.text(ExampleSpecs.COOPERATIVE)));
    SecureRandom random = new SecureRandom();
    KeyFile.ScryptParameters cheap = new KeyFile.ScryptParameters(10, 8, 1);
    return Bootstrap.run(
        spec,
        dir.resolve(name),
        false,
        random,
        System.currentTimeMillis(),
        (file, key) -> {
          KeyFile.save(file, key, PASSPHRASE.toCharArray(), cheap, random);
          if (file.getFileName().toString().equals(Bootstrap.KEY_FILE)) {
            keys.put(file.getParent().getFileName().toString(), key);
          }
        },
        Optional.of(passphrase));
  }

  /** A copy of our acme's node.yaml with one line replaced. */
  private static Path variant(String name, String line, String replacement) throws Exception {
    Path original = ours.nodeConfigs().get("acme");
    String text = Files.readString(original);
    assertThat(text).contains(line);
    Path copy = original.resolveSibling(name + ".yaml");
    Files.writeString(copy, text.replace(line, replacement));
    return copy;
  }

  private static String passphraseLine() throws Exception {
    return Files.readString(ours.nodeConfigs().get("acme"))
        .lines()
        .filter(l -> l.startsWith("passphrase-file:"))
        .findFirst()
        .orElseThrow();
  }

  private static Path ourData() {
    return ours.nodeConfigs().get("acme").resolveSibling("data");
  }

  @Test
  void aWrongPassphraseIsOneLineAndCreatesNoDataFolder() throws Exception {
    Path wrong = dir.resolve("wrong.txt");
    Files.writeString(wrong, "not the passphrase\n");
    Path config = variant("wrong-pass", passphraseLine(), "passphrase-file: " + wrong);
    CliRun run = CliRun.of("node", "start", "--config", config.toString());
    assertThat(run.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(run.err().strip()).contains("wrong passphrase").doesNotContain("\n");
    assertThat(ourData()).doesNotExist();
  }

  @Test
  void aTruncatedKeyFileIsReportedAsDamagedNotAsAWrongPassphrase() throws Exception {
    Path key = ours.nodeConfigs().get("acme").resolveSibling(Bootstrap.KEY_FILE);
    byte[] bytes = Files.readAllBytes(key);
    Path truncated = key.resolveSibling("truncated.key");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    Path config =
        variant("truncated", "key-file: " + Bootstrap.KEY_FILE, "key-file: truncated.key");
    CliRun run = CliRun.of("node", "start", "--config", config.toString());
    assertThat(run.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(run.err().strip()).contains("is damaged").doesNotContain("wrong passphrase");
    assertThat(ourData()).doesNotExist();
  }

  @Test
  void aDataFolderOfAnotherChainIsRefusedAndLeftAsItWas() throws Exception {
    // Their acme runs once, so its data folder holds their genesis.
    Path theirConfig = theirs.nodeConfigs().get("acme");
    var loaded = NodeConfigParser.load(theirConfig);
    Node.start(loaded.config(), loaded.genesis(), theirKeys.get("acme"), ConsensusEngines::forNode)
        .close();
    Path theirData = loaded.config().dataDir();
    String before = contents(theirData, theirs.genesis().chainId());
    assertThat(before).startsWith(theirs.genesis().hash().toString());

    Path config = variant("other-chain", "data-dir: data", "data-dir: " + theirData);
    CliRun run = CliRun.of("node", "start", "--config", config.toString());
    assertThat(run.exitCode()).isEqualTo(AllianceCommand.EXIT_FAILURE);
    assertThat(run.err().strip())
        .contains("holds the chain of genesis " + theirs.genesis().hash())
        .contains("not " + ours.genesis().hash())
        .doesNotContain("\n");
    assertThat(contents(theirData, theirs.genesis().chainId())).isEqualTo(before);
  }

  /** What the folder holds, logically: RocksDB's files may be compacted by any open. */
  private static String contents(Path folder, String chainId) {
    try (RocksStore store = RocksStore.open(folder, chainId)) {
      return store.genesisHash() + " head " + store.head() + " root " + store.stateRoot(0);
    }
  }
}
