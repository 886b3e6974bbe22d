package org.alliancechain.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.alliancechain.core.crypto.KeyPair;

/**
 * Turns an alliance spec into everything the alliance needs to start (SPEC M-30): a key pair per
 * member (written encrypted by the given {@link KeySink}), the genesis, and one self-contained
 * folder per node that can be started here or copied to another machine.
 *
 * <pre>
 * OUT/genesis.json
 * OUT/&lt;member&gt;/node.yaml      node config (paths relative to this folder)
 * OUT/&lt;member&gt;/genesis.json   copy of the genesis
 * OUT/&lt;member&gt;/member.key     encrypted private key
 * OUT/&lt;gateway&gt;/gateway.key    the money gateway account's key, in its operator's folder
 * OUT/&lt;member&gt;/profile.yaml   CLI defaults: node API address, key file, member
 * </pre>
 */
public final class Bootstrap {
  public static final String NODE_CONFIG = "node.yaml";
  public static final String KEY_FILE = "member.key";
  public static final String GATEWAY_KEY_FILE = "gateway.key";
  public static final String PROFILE_FILE = "profile.yaml";
  public static final String GENESIS_FILE = "genesis.json";

  /** Writes a member's key pair, encrypted, to a file. */
  @FunctionalInterface
  public interface KeySink {
    void write(Path file, KeyPair key) throws IOException;
  }

  /** What bootstrap made: the genesis and each member's node.yaml. */
  public record Result(Genesis genesis, Map<String, Path> nodeConfigs) {}

  private Bootstrap() {}

  /**
   * Generates keys, genesis and node folders.
   *
   * @param overwrite replace an existing, non-empty output folder's files; without it such a folder
   *     is refused and left untouched
   * @param passphraseFile written into node configs when the passphrase comes from a file;
   *     otherwise nodes read {@link NodeConfig#DEFAULT_PASSPHRASE_ENV}
   */
  public static Result run(
      AllianceSpec spec,
      Path outDir,
      boolean overwrite,
      SecureRandom random,
      long genesisTimeMillis,
      KeySink keys,
      java.util.Optional<Path> passphraseFile)
      throws IOException {
    if (Files.isDirectory(outDir) && !overwrite) {
      try (Stream<Path> entries = Files.list(outDir)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(
              outDir + " already exists and is not empty; pass --force to overwrite it");
        }
      }
    }
    Files.createDirectories(outDir);
    List<GenesisMember> members = new ArrayList<>();
    Map<String, KeyPair> memberKeys = new TreeMap<>();
    for (MemberSpec m : spec.members()) {
      KeyPair key = KeyPair.generate(random);
      memberKeys.put(m.name(), key);
      members.add(
          new GenesisMember(
              m.name(),
              key.publicKey(),
              m.roles(),
              m.host(),
              m.peerPort(),
              m.apiPort(),
              m.profile(),
              m.smallAlliance()));
    }
    KeyPair gatewayKey = KeyPair.generate(random);
    Genesis genesis =
        new Genesis(
            spec.name(),
            spec.chainId(),
            spec.mode(),
            genesisTimeMillis,
            members,
            spec.gateway(),
            gatewayKey.publicKey(),
            spec.committee(),
            spec.parameters());
    GenesisFile.write(outDir.resolve(GENESIS_FILE), genesis);
    Map<String, Path> configs = new TreeMap<>();
    for (MemberSpec m : spec.members()) {
      Path folder = outDir.resolve(m.name());
      Files.createDirectories(folder);
      keys.write(folder.resolve(KEY_FILE), memberKeys.get(m.name()));
      if (m.name().equals(spec.gateway())) {
        keys.write(folder.resolve(GATEWAY_KEY_FILE), gatewayKey);
      }
      GenesisFile.write(folder.resolve(GENESIS_FILE), genesis);
      Path config = folder.resolve(NODE_CONFIG);
      Files.writeString(config, nodeYaml(m, genesis, passphraseFile));
      Files.writeString(folder.resolve(PROFILE_FILE), profileYaml(m));
      configs.put(m.name(), config);
    }
    return new Result(genesis, configs);
  }

  private static String nodeYaml(
      MemberSpec m, Genesis genesis, java.util.Optional<Path> passphraseFile) {
    String passphrase =
        passphraseFile
            .map(p -> "passphrase-file: " + p.toAbsolutePath() + "\n")
            .orElse("passphrase-env: " + NodeConfig.DEFAULT_PASSPHRASE_ENV + "\n");
    return "# Node config for member '"
        + m.name()
        + "' of alliance '"
        + genesis.name()
        + "'.\n"
        + "# Start with: alliance node start --config node.yaml (see docs/operations.md).\n"
        + "member: "
        + m.name()
        + "\n"
        + "key-file: "
        + KEY_FILE
        + "\n"
        + passphrase
        + "genesis-file: "
        + GENESIS_FILE
        + "\n"
        + "genesis-hash: "
        + genesis.hash().toHex()
        + "\n"
        + "data-dir: data\n"
        + "peer-listen: "
        + m.host()
        + ":"
        + m.peerPort()
        + "\n"
        + "api-listen: "
        + m.host()
        + ":"
        + m.apiPort()
        + "\n"
        + "log-level: info\n";
  }

  private static String profileYaml(MemberSpec m) {
    return "# CLI defaults for member '"
        + m.name()
        + "' (alliance --profile this-file ...).\n"
        + "node: http://"
        + m.host()
        + ":"
        + m.apiPort()
        + "\n"
        + "key: "
        + KEY_FILE
        + "\n"
        + "member: "
        + m.name()
        + "\n";
  }
}
