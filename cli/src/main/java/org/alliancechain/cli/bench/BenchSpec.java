package org.alliancechain.cli.bench;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.alliancechain.cli.local.LocalAlliance;
import org.alliancechain.config.AllianceSpec;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.SpecParser;

/**
 * The benchmark's alliance: N validators named v01..vNN on free loopback ports, cooperative mode,
 * default parameters. Built as spec text and parsed, so it passes the same checks as a user's spec.
 */
public final class BenchSpec {
  public static final String CHAIN_ID = "bench-1";
  public static final String GATEWAY = "v01";

  private BenchSpec() {}

  public static String memberName(int index) {
    return String.format(Locale.ROOT, "v%02d", index + 1);
  }

  public static String yaml(int validators) {
    return yaml(validators, Map.of());
  }

  /** With alliance parameters (names as in a spec file) set in the genesis. */
  public static String yaml(int validators, Map<String, String> parameters) {
    StringBuilder y = new StringBuilder();
    y.append("alliance:\n")
        .append("  name: Benchmark Alliance\n")
        .append("  chain-id: ")
        .append(CHAIN_ID)
        .append('\n')
        .append("  mode: cooperative\n")
        .append("  gateway: ")
        .append(GATEWAY)
        .append('\n')
        .append("members:\n");
    for (int i = 0; i < validators; i++) {
      // Placeholder ports, distinct so the parser accepts them; replaced by free ones below.
      y.append("  - name: ")
          .append(memberName(i))
          .append('\n')
          .append("    roles: [corporation, alliance]\n")
          .append("    host: 127.0.0.1\n")
          .append("    peer-port: ")
          .append(20_000 + i)
          .append('\n')
          .append("    api-port: ")
          .append(21_000 + i)
          .append('\n')
          .append(
              "    profile: {industry: manufacturing, size: medium, offers: [DATA], wants:"
                  + " [PRODUCT]}\n");
    }
    if (!parameters.isEmpty()) {
      y.append("parameters:\n");
      new java.util.TreeMap<>(parameters)
          .forEach((k, v) -> y.append("  ").append(k).append(": ").append(v).append('\n'));
    }
    return y.toString();
  }

  /** The spec of an alliance of {@code validators} validators, with free loopback ports. */
  public static AllianceSpec of(int validators) throws ConfigException, IOException {
    return of(validators, Map.of());
  }

  public static AllianceSpec of(int validators, Map<String, String> parameters)
      throws ConfigException, IOException {
    return LocalAlliance.withFreePorts(
        SpecParser.parse("bench.yaml", yaml(validators, parameters)));
  }
}
