package org.alliancechain.cli.chaos;

import java.util.Locale;

/**
 * The chaos harness's alliance: N validators v01..vNN, cooperative mode, v01 the gateway.
 * Checkpoints every 5 blocks (so the checkpoint crash points come often) and blocks cut after 100
 * ms (a 30-minute soak stays within a few ten thousand blocks to check).
 */
final class ChaosSpec {
  static final String CHAIN_ID = "chaos-1";
  static final String GATEWAY = "v01";
  static final int CHECKPOINT_INTERVAL_BLOCKS = 5;
  static final int BATCH_TIMEOUT_MS = 100;

  private ChaosSpec() {}

  static String memberName(int index) {
    return String.format(Locale.ROOT, "v%02d", index + 1);
  }

  static String yaml(int validators) {
    StringBuilder y = new StringBuilder();
    y.append("alliance:\n  name: Chaos Alliance\n  chain-id: ")
        .append(CHAIN_ID)
        .append("\n  mode: cooperative\n  gateway: ")
        .append(GATEWAY)
        .append("\nmembers:\n");
    for (int i = 0; i < validators; i++) {
      // Placeholder ports, distinct so the parser accepts them; replaced by free ones.
      y.append("  - name: ")
          .append(memberName(i))
          .append("\n    roles: [corporation, alliance]\n    host: 127.0.0.1\n    peer-port: ")
          .append(22_000 + i)
          .append("\n    api-port: ")
          .append(23_000 + i)
          .append(
              "\n    profile: {industry: manufacturing, size: medium, offers: [DATA], wants:"
                  + " [PRODUCT]}\n");
    }
    y.append("parameters:\n  checkpoint-interval-blocks: ")
        .append(CHECKPOINT_INTERVAL_BLOCKS)
        .append("\n  batch-timeout-ms: ")
        .append(BATCH_TIMEOUT_MS)
        .append('\n');
    return y.toString();
  }
}
