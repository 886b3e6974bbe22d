package org.alliancechain.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.alliancechain.core.hash.Hash;

/**
 * Loads and validates node.yaml together with the genesis it names, listing every problem with its
 * path, so that a node that cannot start says all of why before touching its data.
 */
public final class NodeConfigParser {
  private static final Set<String> KEYS =
      Set.of(
          "member",
          "key-file",
          "passphrase-env",
          "passphrase-file",
          "genesis-file",
          "genesis-hash",
          "data-dir",
          "peer-listen",
          "api-listen",
          "log-level",
          "admitted-by-dao");
  private static final Set<String> LOG_LEVELS = Set.of("error", "warn", "info", "debug", "trace");

  /** A node config with the genesis it was checked against. */
  public record Loaded(NodeConfig config, Genesis genesis) {}

  private NodeConfigParser() {}

  public static Loaded load(Path file) throws ConfigException {
    String name = file.toString();
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (JacksonException e) {
      throw new ConfigException(name, "", "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(name, "", "cannot read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(name, "", "expected a mapping");
    }
    List<ConfigError> errors = new ArrayList<>();
    Iterator<String> keys = root.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        errors.add(
            new ConfigError(key, "unknown key (expected one of " + new TreeSet<>(KEYS) + ")"));
      }
    }
    Path folder = file.toAbsolutePath().getParent();
    String member = text(root, "member", errors);
    Path keyFile = path(folder, root, "key-file", errors, true);
    Optional<String> passphraseEnv = Optional.ofNullable(root.path("passphrase-env").textValue());
    Optional<Path> passphraseFile =
        root.has("passphrase-file")
            ? Optional.ofNullable(path(folder, root, "passphrase-file", errors, true))
            : Optional.empty();
    if (passphraseEnv.isPresent() && passphraseFile.isPresent()) {
      errors.add(
          new ConfigError("passphrase-file", "give passphrase-env or passphrase-file, not both"));
    }
    Path genesisFile = path(folder, root, "genesis-file", errors, true);
    Hash genesisHash = null;
    String hashText = text(root, "genesis-hash", errors);
    if (hashText != null) {
      try {
        genesisHash = Hash.fromHex(hashText);
      } catch (IllegalArgumentException e) {
        errors.add(new ConfigError("genesis-hash", "expected 64 hex digits: " + e.getMessage()));
      }
    }
    Path dataDir = path(folder, root, "data-dir", errors, false);
    Endpoint peer = endpoint(root, "peer-listen", errors);
    Endpoint api = endpoint(root, "api-listen", errors);
    String logLevel = root.path("log-level").asText("info");
    if (!LOG_LEVELS.contains(logLevel)) {
      errors.add(new ConfigError("log-level", "expected one of " + new TreeSet<>(LOG_LEVELS)));
    }
    Genesis genesis = null;
    if (genesisFile != null && Files.isRegularFile(genesisFile)) {
      try {
        genesis = GenesisFile.read(genesisFile);
      } catch (ConfigException e) {
        e.errors()
            .forEach(g -> errors.add(new ConfigError("genesis-file: " + g.path(), g.message())));
      }
    }
    if (genesis != null && genesisHash != null && !genesis.hash().equals(genesisHash)) {
      errors.add(
          new ConfigError(
              "genesis-hash",
              "genesis file hashes to "
                  + genesis.hash()
                  + ", not the configured "
                  + genesisHash
                  + ": this node belongs to another alliance or the genesis was changed"));
    }
    // A member the DAO admitted after genesis (alliance member join) is not in the genesis; its
    // node checks the ledger instead once it has synced.
    boolean admitted = root.path("admitted-by-dao").asBoolean(false);
    if (genesis != null && member != null && genesis.member(member).isEmpty() && !admitted) {
      errors.add(new ConfigError("member", "'" + member + "' is not a member in the genesis"));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(name, errors);
    }
    NodeConfig config =
        new NodeConfig(
            file.toAbsolutePath(),
            member,
            keyFile,
            passphraseFile.isPresent()
                ? passphraseEnv
                : Optional.of(passphraseEnv.orElse(NodeConfig.DEFAULT_PASSPHRASE_ENV)),
            passphraseFile,
            genesisFile,
            genesisHash,
            dataDir,
            peer.host,
            peer.port,
            api.host,
            api.port,
            logLevel);
    return new Loaded(config, genesis);
  }

  private record Endpoint(String host, int port) {}

  private static String text(JsonNode root, String key, List<ConfigError> errors) {
    JsonNode node = root.get(key);
    if (node == null || !node.isValueNode() || node.asText().isBlank()) {
      errors.add(new ConfigError(key, "required"));
      return null;
    }
    return node.asText();
  }

  private static Path path(
      Path folder, JsonNode root, String key, List<ConfigError> errors, boolean mustExist) {
    String text = text(root, key, errors);
    if (text == null) {
      return null;
    }
    Path resolved = folder.resolve(text).normalize();
    if (mustExist && !Files.isReadable(resolved)) {
      errors.add(new ConfigError(key, "cannot read " + resolved));
    }
    return resolved;
  }

  private static Endpoint endpoint(JsonNode root, String key, List<ConfigError> errors) {
    String text = text(root, key, errors);
    if (text == null) {
      return new Endpoint("", -1);
    }
    int colon = text.lastIndexOf(':');
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      if (colon <= 0 || port < 0 || port > 65_535) {
        throw new NumberFormatException();
      }
      return new Endpoint(text.substring(0, colon), port);
    } catch (NumberFormatException e) {
      errors.add(new ConfigError(key, "expected host:port, got '" + text + "'"));
      return new Endpoint("", -1);
    }
  }
}
