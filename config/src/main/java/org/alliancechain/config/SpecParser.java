package org.alliancechain.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.alliancechain.core.tx.Transaction;

/**
 * Reads an alliance spec (YAML) and validates it as a whole: every problem is reported with its
 * path in the file, not just the first, and nothing is created unless the spec is valid. The format
 * is documented in docs/operations.md.
 */
public final class SpecParser {
  public static final long SPEC_BYTES_MAX = 1 << 20;
  public static final int MEMBERS_MAX = 256;
  public static final int VALIDATORS_MIN = 4;
  private static final Pattern MEMBER_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private final List<ConfigError> errors = new ArrayList<>();

  private SpecParser() {}

  public static AllianceSpec parse(Path file) throws ConfigException {
    String name = file.toString();
    try {
      if (Files.size(file) > SPEC_BYTES_MAX) {
        throw new ConfigException(name, "", "file is over " + SPEC_BYTES_MAX + " bytes");
      }
      return parse(name, Files.readString(file));
    } catch (IOException e) {
      throw new ConfigException(name, "", "cannot read: " + e.getMessage());
    }
  }

  public static AllianceSpec parse(String fileName, String yaml) throws ConfigException {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (JacksonException e) {
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr();
      throw new ConfigException(fileName, where, "not valid YAML: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(
          fileName, "", "expected a mapping with alliance, members, parameters");
    }
    SpecParser parser = new SpecParser();
    AllianceSpec spec = parser.read(root);
    if (!parser.errors.isEmpty()) {
      throw new ConfigException(fileName, parser.errors);
    }
    return spec;
  }

  private void error(String path, String message) {
    errors.add(new ConfigError(path, message));
  }

  private void onlyKeys(JsonNode node, String path, Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String key = names.next();
      if (!allowed.contains(key)) {
        error(join(path, key), "unknown key (expected one of " + new TreeSet<>(allowed) + ")");
      }
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private String text(JsonNode parent, String path, String key, String fallback) {
    JsonNode node = parent.get(key);
    if (node == null || node.isNull()) {
      if (fallback == null) {
        error(join(path, key), "required");
      }
      return fallback;
    }
    if (!node.isValueNode() || node.asText().isBlank()) {
      error(join(path, key), "expected a non-empty text value");
      return fallback;
    }
    return node.asText();
  }

  private int port(JsonNode parent, String path, String key) {
    JsonNode node = parent.get(key);
    if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
      error(join(path, key), node == null ? "required" : "expected a port number");
      return -1;
    }
    int value = node.asInt();
    if (value < 1 || value > 65_535) {
      error(join(path, key), "port must be 1 to 65535, got " + value);
      return -1;
    }
    return value;
  }

  private List<String> names(JsonNode parent, String path, String key) {
    JsonNode node = parent.get(key);
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      error(join(path, key), "expected a list");
      return out;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isValueNode()) {
        error(join(path, key) + "[" + i + "]", "expected a text value");
      } else {
        out.add(item.asText());
      }
    }
    return out;
  }

  private AllianceSpec read(JsonNode root) {
    onlyKeys(root, "", Set.of("alliance", "members", "parameters"));
    JsonNode alliance = root.path("alliance");
    if (!alliance.isObject()) {
      error("alliance", "required: a mapping with name, chain-id, mode, gateway");
    }
    onlyKeys(alliance, "alliance", Set.of("name", "chain-id", "mode", "gateway", "committee"));
    String name = text(alliance, "alliance", "name", null);
    String chainId = text(alliance, "alliance", "chain-id", null);
    if (chainId != null && !Transaction.isValidChainId(chainId)) {
      error("alliance.chain-id", "1 to 64 of A-Z a-z 0-9 . _ - expected, got '" + chainId + "'");
    }
    Mode mode = Mode.COOPERATIVE;
    String modeText = text(alliance, "alliance", "mode", null);
    if (modeText != null) {
      try {
        mode = Mode.fromSpecName(modeText);
      } catch (IllegalArgumentException e) {
        error("alliance.mode", e.getMessage());
      }
    }
    List<MemberSpec> members = readMembers(root.path("members"), mode);
    Set<String> memberNames = new HashSet<>();
    members.forEach(m -> memberNames.add(m.name()));
    String gateway = text(alliance, "alliance", "gateway", null);
    if (gateway != null && !memberNames.contains(gateway)) {
      error("alliance.gateway", "'" + gateway + "' is not a member");
    }
    List<String> committee = names(alliance, "alliance", "committee");
    for (int i = 0; i < committee.size(); i++) {
      if (!memberNames.contains(committee.get(i))) {
        error("alliance.committee[" + i + "]", "'" + committee.get(i) + "' is not a member");
      }
    }
    if (committee.isEmpty() && mode == Mode.COMPETITIVE) {
      // SPEC M-24: one representative of every member.
      members.forEach(m -> committee.add(m.name()));
    }
    Parameters parameters = readParameters(root.path("parameters"));
    return new AllianceSpec(name, chainId, mode, members, gateway, committee, parameters);
  }

  private List<MemberSpec> readMembers(JsonNode node, Mode mode) {
    List<MemberSpec> members = new ArrayList<>();
    if (!node.isArray() || node.isEmpty()) {
      error("members", "required: a list of at least " + VALIDATORS_MIN + " members");
      return members;
    }
    if (node.size() > MEMBERS_MAX) {
      error("members", "at most " + MEMBERS_MAX + " members");
    }
    for (int i = 0; i < node.size(); i++) {
      MemberSpec member = readMember(node.get(i), "members[" + i + "]", mode);
      if (member != null) {
        members.add(member);
      }
    }
    checkMembersTogether(members, mode);
    return members;
  }

  private MemberSpec readMember(JsonNode node, String path, Mode mode) {
    if (!node.isObject()) {
      error(path, "expected a mapping");
      return null;
    }
    onlyKeys(
        node,
        path,
        Set.of("name", "roles", "host", "peer-port", "api-port", "profile", "small-alliance"));
    String name = text(node, path, "name", null);
    if (name != null && !MEMBER_NAME.matcher(name).matches()) {
      error(join(path, "name"), "1 to 32 of a-z 0-9 - (starting with a letter or digit) expected");
    }
    Set<Role> roles = EnumSet.of(Role.CORPORATION);
    List<String> roleNames = names(node, path, "roles");
    for (int r = 0; r < roleNames.size(); r++) {
      try {
        roles.add(Role.fromSpecName(roleNames.get(r)));
      } catch (IllegalArgumentException e) {
        error(join(path, "roles") + "[" + r + "]", e.getMessage());
      }
    }
    if (roles.contains(Role.PRIVATE_ALLIANCE) && mode != Mode.COMPETITIVE) {
      error(join(path, "roles"), "private-alliance nodes exist only in competitive alliances");
    }
    List<String> smallAlliance = names(node, path, "small-alliance");
    if (!smallAlliance.isEmpty() && !roles.contains(Role.PRIVATE_ALLIANCE)) {
      error(join(path, "small-alliance"), "only a private-alliance node has a small alliance");
    }
    String host = text(node, path, "host", "127.0.0.1");
    int peerPort = port(node, path, "peer-port");
    int apiPort = port(node, path, "api-port");
    Profile profile = readProfile(node.path("profile"), join(path, "profile"));
    if (name == null) {
      return null;
    }
    return new MemberSpec(name, roles, host, peerPort, apiPort, profile, smallAlliance);
  }

  private Profile readProfile(JsonNode node, String path) {
    if (node.isMissingNode() || node.isNull()) {
      return new Profile("unspecified", "medium", List.of(), List.of(), "");
    }
    if (!node.isObject()) {
      error(path, "expected a mapping");
      return new Profile("unspecified", "medium", List.of(), List.of(), "");
    }
    onlyKeys(node, path, Set.of("industry", "size", "offers", "wants", "preferences"));
    String industry = text(node, path, "industry", "unspecified");
    String size = text(node, path, "size", "medium");
    if (!Profile.SIZES.contains(size)) {
      error(join(path, "size"), "expected one of " + Profile.SIZES + ", got '" + size + "'");
    }
    List<String> offers = resourceTypes(node, path, "offers");
    List<String> wants = resourceTypes(node, path, "wants");
    JsonNode preferences = node.get("preferences");
    return new Profile(
        industry, size, offers, wants, preferences == null ? "" : preferences.asText());
  }

  private List<String> resourceTypes(JsonNode node, String path, String key) {
    List<String> types = names(node, path, key);
    for (int i = 0; i < types.size(); i++) {
      if (!Profile.RESOURCE_TYPES.contains(types.get(i))) {
        error(
            join(path, key) + "[" + i + "]",
            "expected a resource type " + Profile.RESOURCE_TYPES + ", got '" + types.get(i) + "'");
      }
    }
    return types;
  }

  private void checkMembersTogether(List<MemberSpec> members, Mode mode) {
    Map<String, Integer> firstIndex = new java.util.TreeMap<>();
    Map<String, String> endpoints = new java.util.TreeMap<>();
    for (int i = 0; i < members.size(); i++) {
      MemberSpec m = members.get(i);
      Integer previous = firstIndex.putIfAbsent(m.name(), i);
      if (previous != null) {
        error(
            "members[" + i + "].name",
            "duplicate member '" + m.name() + "' (also members[" + previous + "])");
      }
      endpoint(endpoints, m.host(), m.peerPort(), "members[" + i + "].peer-port");
      endpoint(endpoints, m.host(), m.apiPort(), "members[" + i + "].api-port");
    }
    for (int i = 0; i < members.size(); i++) {
      List<String> small = members.get(i).smallAlliance();
      for (int s = 0; s < small.size(); s++) {
        String path = "members[" + i + "].small-alliance[" + s + "]";
        if (!firstIndex.containsKey(small.get(s))) {
          error(path, "'" + small.get(s) + "' is not a member");
        } else if (small.get(s).equals(members.get(i).name())) {
          error(path, "a private alliance node does not list itself");
        }
      }
    }
    long validators = members.stream().filter(MemberSpec::isValidator).count();
    if (validators < VALIDATORS_MIN) {
      error(
          "members",
          validators
              + " alliance (validator) nodes; at least "
              + VALIDATORS_MIN
              + " are needed to tolerate one faulty validator (n >= 3f + 1 with f >= 1)");
    }
    if (mode == Mode.COMPETITIVE
        && members.stream().noneMatch(m -> m.roles().contains(Role.PRIVATE_ALLIANCE))) {
      // Allowed (SPEC M-7: members without one broadcast through an alliance node); no error.
      return;
    }
  }

  private void endpoint(Map<String, String> seen, String host, int port, String path) {
    if (port < 0) {
      return;
    }
    String key = host + ":" + port;
    String previous = seen.putIfAbsent(key, path);
    if (previous != null) {
      error(path, "address " + key + " is already used by " + previous);
    }
  }

  private Parameters readParameters(JsonNode node) {
    EnumMap<Parameter, Long> values = new EnumMap<>(Parameter.class);
    if (node.isMissingNode() || node.isNull()) {
      return Parameters.defaults();
    }
    if (!node.isObject()) {
      error("parameters", "expected a mapping of parameter names to values");
      return Parameters.defaults();
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String path = "parameters." + field.getKey();
      var parameter = Parameter.bySpecName(field.getKey());
      if (parameter.isEmpty()) {
        error(path, "unknown parameter (see docs/operations.md for the list)");
        continue;
      }
      if (!field.getValue().isValueNode()) {
        error(path, "expected a number");
        continue;
      }
      try {
        values.put(parameter.get(), parameter.get().parse(field.getValue().asText()));
      } catch (IllegalArgumentException e) {
        error(path, e.getMessage());
      }
    }
    Parameters parameters = Parameters.with(values);
    checkConsensusWindow(parameters);
    return parameters;
  }

  /** The PBFT window is 2K blocks; validator changes happen only at checkpoints beyond it. */
  private void checkConsensusWindow(Parameters p) {
    long k = p.get(Parameter.CHECKPOINT_INTERVAL_BLOCKS);
    long epoch = p.get(Parameter.EPOCH_LENGTH_BLOCKS);
    if (k > 512) {
      error("parameters.checkpoint-interval-blocks", "at most 512 (the window is 2K <= 1024)");
    }
    if (epoch % k != 0 || epoch < 2 * k) {
      error(
          "parameters.epoch-length-blocks",
          "must be a multiple of checkpoint-interval-blocks (" + k + ") and at least twice it");
    }
  }
}
