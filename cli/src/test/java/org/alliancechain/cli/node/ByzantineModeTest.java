package org.alliancechain.cli.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Properties;
import org.alliancechain.config.ConfigException;
import org.alliancechain.config.NodeConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// Issue 9: the Byzantine mode is test-only, never reachable from a production config.
class ByzantineModeTest {
  private static Properties props(String... pairs) {
    Properties p = new Properties();
    for (int i = 0; i < pairs.length; i += 2) {
      p.setProperty(pairs[i], pairs[i + 1]);
    }
    return p;
  }

  @Test
  void noPropertyMeansAnHonestNode() {
    assertThat(ByzantineMode.fromProperties(props())).isEmpty();
  }

  @Test
  void theSwitchWithoutItsExactAcknowledgementIsRefused() {
    for (Properties p :
        new Properties[] {
          props(ByzantineMode.BEHAVIORS_PROPERTY, "equivocate"),
          props(
              ByzantineMode.BEHAVIORS_PROPERTY, "equivocate", ByzantineMode.ALLOW_PROPERTY, "true")
        }) {
      assertThatThrownBy(() -> ByzantineMode.fromProperties(p))
          .isInstanceOf(NodeException.class)
          .hasMessageContaining("refusing to start")
          .hasMessageContaining("never be used in production");
    }
  }

  @Test
  void acknowledgedBehavioursAreParsedAndUnknownOnesRefused() {
    var mode =
        ByzantineMode.fromProperties(
                props(
                    ByzantineMode.BEHAVIORS_PROPERTY, "bad-signature, withhold",
                    ByzantineMode.ALLOW_PROPERTY, ByzantineMode.ALLOW_VALUE,
                    ByzantineMode.SEED_PROPERTY, "42"))
            .orElseThrow();
    assertThat(mode.behaviors())
        .containsExactlyInAnyOrder(
            ByzantineMode.Behavior.BAD_SIGNATURE, ByzantineMode.Behavior.WITHHOLD);
    assertThat(mode.seed()).isEqualTo(42);
    assertThat(
            ByzantineMode.fromProperties(
                    props(
                        ByzantineMode.BEHAVIORS_PROPERTY,
                        "all",
                        ByzantineMode.ALLOW_PROPERTY,
                        ByzantineMode.ALLOW_VALUE))
                .orElseThrow()
                .behaviors())
        .isEqualTo(EnumSet.allOf(ByzantineMode.Behavior.class));
    assertThatThrownBy(
            () ->
                ByzantineMode.fromProperties(
                    props(
                        ByzantineMode.BEHAVIORS_PROPERTY,
                        "lie",
                        ByzantineMode.ALLOW_PROPERTY,
                        ByzantineMode.ALLOW_VALUE)))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("unknown Byzantine behaviour 'lie'");
  }

  @Test
  void aNodeYamlCannotAskForIt(@TempDir Path dir) throws Exception {
    Path yaml = dir.resolve("node.yaml");
    Files.writeString(yaml, "member: acme\nbyzantine: equivocate\n");
    assertThatThrownBy(() -> NodeConfigParser.load(yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("byzantine")
        .hasMessageContaining("unknown key");
  }
}
