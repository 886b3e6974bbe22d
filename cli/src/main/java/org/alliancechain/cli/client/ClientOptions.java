package org.alliancechain.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.alliancechain.cli.CliException;
import picocli.CommandLine.Option;

/**
 * Options of every command that talks to a node. Defaults come from a profile file written by
 * bootstrap (node address, key file, member): {@code --profile FILE}, else $ALLIANCE_PROFILE, else
 * ./profile.yaml when it exists.
 */
public final class ClientOptions {
  public static final String PROFILE_ENV = "ALLIANCE_PROFILE";

  /** How results are printed. */
  public enum Output {
    table,
    json
  }

  @Option(
      names = "--node",
      paramLabel = "URL",
      description = "node API, e.g. http://127.0.0.1:18101")
  URI node;

  @Option(
      names = "--profile",
      paramLabel = "FILE",
      description = "profile.yaml written by bootstrap")
  Path profile;

  @Option(names = "--key", paramLabel = "FILE", description = "member key file (for signing)")
  Path key;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default) or json (stable, for scripts)")
  Output output;

  private JsonNode loadedProfile;
  private Path loadedProfileFile;

  private Optional<JsonNode> profile() {
    if (loadedProfile != null) {
      return Optional.of(loadedProfile);
    }
    Path file = profile;
    if (file == null && System.getenv(PROFILE_ENV) != null) {
      file = Path.of(System.getenv(PROFILE_ENV));
    }
    if (file == null && Files.isRegularFile(Path.of("profile.yaml"))) {
      file = Path.of("profile.yaml");
    }
    if (file == null) {
      return Optional.empty();
    }
    try {
      loadedProfile = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
      loadedProfileFile = file.toAbsolutePath();
    } catch (IOException e) {
      throw CliException.usage("cannot read profile " + file + ": " + e.getMessage());
    }
    return Optional.ofNullable(loadedProfile);
  }

  public URI nodeUri() {
    if (node != null) {
      return node;
    }
    return profile()
        .map(p -> p.path("node").asText(null))
        .map(URI::create)
        .orElseThrow(
            () ->
                CliException.usage(
                    "which node? pass --node URL or --profile FILE (see bootstrap)"));
  }

  public NodeClient client() {
    return new NodeClient(nodeUri());
  }

  public Path keyFile() {
    if (key != null) {
      return key;
    }
    return profile()
        .map(p -> p.path("key").asText(null))
        .map(k -> loadedProfileFile.getParent().resolve(k))
        .orElseThrow(() -> CliException.usage("which key? pass --key FILE or --profile FILE"));
  }

  /** The folder of the profile file, where bootstrap also put genesis.json. */
  public Optional<Path> profileFolder() {
    return profile().map(p -> loadedProfileFile.getParent());
  }

  public boolean json() {
    return output == Output.json;
  }
}
