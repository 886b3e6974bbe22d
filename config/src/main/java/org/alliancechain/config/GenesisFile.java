package org.alliancechain.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancechain.core.crypto.PublicKey;

/**
 * genesis.json: the JSON form of {@link Genesis}, for people and tools. The hash is always computed
 * from the canonical encoding of the parsed value, never from the JSON text, so formatting changes
 * do not change the alliance's identity.
 */
public final class GenesisFile {
  public static final long FILE_BYTES_MAX = 4 << 20;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GenesisFile() {}

  public static String toJson(Genesis genesis) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", Genesis.FORMAT_VERSION);
    root.put("name", genesis.name());
    root.put("chain-id", genesis.chainId());
    root.put("mode", genesis.mode().specName());
    root.put("genesis-time-ms", genesis.genesisTimeMillis());
    root.put("gateway", genesis.gateway());
    root.put("gateway-key", genesis.gatewayKey().toHex());
    ArrayNode committee = root.putArray("committee");
    genesis.committee().forEach(committee::add);
    ArrayNode members = root.putArray("members");
    for (GenesisMember m : genesis.members()) {
      ObjectNode node = members.addObject();
      node.put("name", m.name());
      node.put("public-key", m.publicKey().toHex());
      ArrayNode roles = node.putArray("roles");
      m.roles().forEach(r -> roles.add(r.specName()));
      node.put("host", m.host());
      node.put("peer-port", m.peerPort());
      node.put("api-port", m.apiPort());
      ObjectNode profile = node.putObject("profile");
      profile.put("industry", m.profile().industry());
      profile.put("size", m.profile().size());
      m.profile().offers().forEach(profile.putArray("offers")::add);
      m.profile().wants().forEach(profile.putArray("wants")::add);
      profile.put("preferences", m.profile().preferences());
      m.smallAlliance().forEach(node.putArray("small-alliance")::add);
    }
    ObjectNode parameters = root.putObject("parameters");
    genesis.parameters().asMap().forEach((p, v) -> parameters.put(p.specName(), p.format(v)));
    root.put("hash", genesis.hash().toHex());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot happen for a tree of plain values", e);
    }
  }

  public static void write(Path file, Genesis genesis) throws IOException {
    Files.writeString(file, toJson(genesis));
  }

  public static Genesis read(Path file) throws ConfigException {
    try {
      if (Files.size(file) > FILE_BYTES_MAX) {
        throw new ConfigException(file.toString(), "", "over " + FILE_BYTES_MAX + " bytes");
      }
      return parse(file.toString(), Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage());
    }
  }

  public static Genesis parse(String fileName, String json) throws ConfigException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new ConfigException(fileName, "", "not valid JSON: " + e.getOriginalMessage());
    }
    List<ConfigError> errors = new ArrayList<>();
    Genesis genesis = null;
    try {
      genesis = fromTree(root, errors);
    } catch (RuntimeException e) {
      errors.add(new ConfigError("", "malformed genesis: " + e.getMessage()));
    }
    if (genesis != null
        && root.hasNonNull("hash")
        && !root.get("hash").asText().equals(genesis.hash().toHex())) {
      errors.add(
          new ConfigError(
              "hash",
              "the file says "
                  + root.get("hash").asText()
                  + " but its content hashes to "
                  + genesis.hash().toHex()
                  + " (edited by hand?)"));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(fileName, errors);
    }
    return genesis;
  }

  private static String need(JsonNode node, String key, List<ConfigError> errors, String path) {
    JsonNode value = node.get(key);
    if (value == null || !value.isValueNode()) {
      errors.add(new ConfigError(path.isEmpty() ? key : path + "." + key, "required"));
      return "";
    }
    return value.asText();
  }

  private static List<String> list(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(item -> out.add(item.asText()));
    }
    return out;
  }

  private static Genesis fromTree(JsonNode root, List<ConfigError> errors) {
    if (root.path("format").asInt() != Genesis.FORMAT_VERSION) {
      errors.add(new ConfigError("format", "expected format " + Genesis.FORMAT_VERSION));
    }
    List<GenesisMember> members = new ArrayList<>();
    JsonNode memberNodes = root.path("members");
    for (int i = 0; i < memberNodes.size(); i++) {
      JsonNode m = memberNodes.get(i);
      String path = "members[" + i + "]";
      Set<Role> roles = EnumSet.noneOf(Role.class);
      list(m.get("roles")).forEach(r -> roles.add(Role.fromSpecName(r)));
      JsonNode p = m.path("profile");
      members.add(
          new GenesisMember(
              need(m, "name", errors, path),
              PublicKey.fromHex(need(m, "public-key", errors, path)),
              roles,
              need(m, "host", errors, path),
              m.path("peer-port").asInt(),
              m.path("api-port").asInt(),
              new Profile(
                  p.path("industry").asText(),
                  p.path("size").asText(),
                  list(p.get("offers")),
                  list(p.get("wants")),
                  p.path("preferences").asText()),
              list(m.get("small-alliance"))));
    }
    Map<Parameter, Long> values = new EnumMap<>(Parameter.class);
    for (Map.Entry<String, JsonNode> field : root.path("parameters").properties()) {
      Parameter parameter =
          Parameter.bySpecName(field.getKey())
              .orElseThrow(
                  () -> new IllegalArgumentException("unknown parameter " + field.getKey()));
      values.put(parameter, parameter.parse(field.getValue().asText()));
    }
    return new Genesis(
        need(root, "name", errors, ""),
        need(root, "chain-id", errors, ""),
        Mode.fromSpecName(need(root, "mode", errors, "")),
        root.path("genesis-time-ms").asLong(),
        members,
        need(root, "gateway", errors, ""),
        PublicKey.fromHex(need(root, "gateway-key", errors, "")),
        list(root.get("committee")),
        Parameters.with(values));
  }
}
