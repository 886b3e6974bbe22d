package org.alliancechain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.alliancechain.core.Hex;
import org.alliancechain.core.crypto.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// SPEC M-30: keys, genesis and one folder per node from one spec.
class BootstrapTest {
  @TempDir Path dir;

  // Tests write seeds in hex; the real node writes them encrypted (crypto's key file).
  private static final Bootstrap.KeySink PLAIN_KEYS =
      (file, key) -> Files.writeString(file, Hex.encode(key.seed()));

  private Bootstrap.Result bootstrap(Path out, boolean overwrite) throws Exception {
    AllianceSpec spec = SpecParser.parse("coop", ExampleSpecs.text(ExampleSpecs.COOPERATIVE));
    return Bootstrap.run(
        spec, out, overwrite, new SecureRandom(), 1_700_000_000_000L, PLAIN_KEYS, Optional.empty());
  }

  @Test
  void everyNodeConfigLoadsAgainstTheGenesisItNames() throws Exception {
    Bootstrap.Result result = bootstrap(dir.resolve("out"), false);
    assertThat(result.nodeConfigs()).containsOnlyKeys("acme", "birch", "cobalt", "delta");
    for (var entry : result.nodeConfigs().entrySet()) {
      NodeConfigParser.Loaded loaded = NodeConfigParser.load(entry.getValue());
      assertThat(loaded.config().member()).isEqualTo(entry.getKey());
      assertThat(loaded.genesis().hash()).isEqualTo(result.genesis().hash());
      KeyPair key = KeyPair.fromSeed(Hex.decode(Files.readString(loaded.config().keyFile())));
      assertThat(loaded.genesis().member(entry.getKey()).orElseThrow().publicKey())
          .isEqualTo(key.publicKey());
    }
    assertThat(result.genesis().validatorSet().size()).isEqualTo(4);
  }

  @Test
  void genesisJsonRoundTripsToTheSameHash() throws Exception {
    Bootstrap.Result result = bootstrap(dir.resolve("out"), false);
    Genesis read = GenesisFile.read(dir.resolve("out/genesis.json"));
    assertThat(read).isEqualTo(result.genesis());
    assertThat(read.hash()).isEqualTo(result.genesis().hash());
  }

  @Test
  void aGenesisEditedByHandIsRefused() throws Exception {
    bootstrap(dir.resolve("out"), false);
    Path genesis = dir.resolve("out/birch/genesis.json");
    Files.writeString(
        genesis,
        Files.readString(genesis)
            .replace(
                "\"reward-standard-tokens\" : \"100\"", "\"reward-standard-tokens\" : \"999\""));
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> NodeConfigParser.load(dir.resolve("out/birch/node.yaml")));
    assertThat(e.getMessage()).contains("edited by hand");
  }

  @Test
  void aGenesisOfAnotherAllianceIsRefused() throws Exception {
    bootstrap(dir.resolve("a"), false);
    bootstrap(dir.resolve("b"), false);
    Files.copy(
        dir.resolve("b/genesis.json"),
        dir.resolve("a/acme/genesis.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> NodeConfigParser.load(dir.resolve("a/acme/node.yaml")));
    assertThat(e.errors()).extracting(ConfigError::path).contains("genesis-hash");
  }

  @Test
  void refusesANonEmptyFolderUnlessForced() throws Exception {
    Path out = dir.resolve("out");
    Bootstrap.Result first = bootstrap(out, false);
    String before = Files.readString(out.resolve("genesis.json"));
    IOException e = catchThrowableOfType(IOException.class, () -> bootstrap(out, false));
    assertThat(e).hasMessageContaining("--force");
    assertThat(Files.readString(out.resolve("genesis.json"))).isEqualTo(before);
    Bootstrap.Result second = bootstrap(out, true);
    assertThat(second.genesis().hash()).isNotEqualTo(first.genesis().hash());
  }

  @Test
  void nodeConfigErrorsAreAllListed() throws Exception {
    Path file = dir.resolve("node.yaml");
    Files.writeString(
        file,
        "member: x\nkey-file: missing.key\npeer-listen: nowhere\ncolour: blue\nlog-level: loud\n");
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> NodeConfigParser.load(file));
    assertThat(e.errors())
        .extracting(ConfigError::path)
        .contains(
            "key-file",
            "peer-listen",
            "colour",
            "log-level",
            "genesis-file",
            "genesis-hash",
            "data-dir",
            "api-listen");
  }
}
