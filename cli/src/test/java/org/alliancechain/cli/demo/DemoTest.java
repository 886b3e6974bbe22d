package org.alliancechain.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.alliancechain.cli.local.LocalAlliance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC M-33: the demo's own code path, checked by its outcome rather than its wording. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void bothAlliancesRunEndToEndAndNoProcessIsLeft() throws Exception {
    StringWriter text = new StringWriter();
    Demo demo = new Demo(new PrintWriter(text, true), dir, "demo-test-passphrase");
    List<Demo.Outcome> outcomes;
    try {
      outcomes = demo.run();
    } finally {
      demo.stop();
    }
    assertThat(outcomes).hasSize(2);
    Demo.Outcome coop = outcomes.get(0);
    // 4 deposits, 1 transfer and the 10 workflow transactions, each committed; the light client
    // checked every block.
    assertThat(coop.transactions()).as(text.toString()).isEqualTo(15);
    // SPEC M-19: the standardized contract's 100 tokens, split 2:1 between the accepted providers.
    assertThat(coop.tokens())
        .containsEntry("birch", 67L)
        .containsEntry("delta", 33L)
        .containsEntry("acme", 0L)
        .containsEntry("cobalt", 0L);
    assertThat(coop.verifiedBlocks()).isEqualTo(coop.height());
    assertThat(coop.announcementReceivers()).isEqualTo(3); // every member but the sender (M-6)
    assertThat(coop.commRoutes()).isEqualTo(3);

    Demo.Outcome comp = outcomes.get(1);
    assertThat(comp.transactions()).isEqualTo(10);
    // SPEC M-20: the quality rule held (1500 > 1000), so the diversified contract paid orion.
    assertThat(comp.tokens()).containsEntry("orion", 300L);
    assertThat(comp.verifiedBlocks()).isEqualTo(comp.height());
    // paper eq. (2) with the demo's inputs: only the providers of PRODUCT pass the threshold,
    // and only they receive the sealed request; the relay pulsar does not (M-7).
    assertThat(comp.trusted()).containsExactly("orion", "rigel");
    assertThat(comp.tftReceivers()).containsExactlyElementsOf(comp.trusted());
    assertThat(comp.commRoutes()).isEqualTo(2);

    for (LocalAlliance alliance : demo.alliances()) {
      for (String member : alliance.members()) {
        assertThat(alliance.isRunning(member)).as(member + " still running").isFalse();
      }
    }
  }
}
